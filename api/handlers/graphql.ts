import { SeriesStore } from '../store/series-store.js';
import { createTable } from '../store/sdk-table.js';
import { createGraphqlHandler, introspectionFromEnv } from './create-handler.js';

// Built once per Lambda container, outside the handler, so warm invocations reuse client, server and key cache.
const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('TABLE_NAME is not set: the graphql function needs the DynamoDB table name');

// Region and the role's keys come through the SDK's configuration chain: on Lambda, its environment.
const store = new SeriesStore({ table: createTable(), tableName });

export const handler = createGraphqlHandler(store, { introspection: introspectionFromEnv(false), ide: process.env.TIDE_IDE === 'true' });
