import { SeriesStore } from '../store/series-store.js';
import { createWireTable } from '../store/wire/wire-table.js';
import { createGraphqlHandler, introspectionFromEnv } from './create-handler.js';

// Built once per Lambda container, outside the handler, so warm invocations reuse client, server and key cache.
const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('TABLE_NAME is not set: the graphql function needs the DynamoDB table name');

// DynamoDB's settings and the role's keys come from the environment Lambda gives the function.
const store = new SeriesStore({ table: createWireTable(), tableName });

export const handler = createGraphqlHandler(store, { introspection: introspectionFromEnv(false), ide: process.env.TIDE_IDE === 'true' });
