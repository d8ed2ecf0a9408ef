import type { Item, Table, WriteRequests } from '../table.js';
import { fromAttributeMap, toAttributeMap, type AttributeMap } from './attribute-values.js';
import { createCaller } from './call.js';
import { malformedResponse } from './errors.js';
import { wireSettings, type WireOptions } from './settings.js';

// The table over DynamoDB's JSON protocol: the document client's inputs with their plain values
// turned into attribute values, and back for what comes out.

type Plain = Record<string, unknown>;
const map = (value: unknown): AttributeMap | undefined => (value === undefined ? undefined : toAttributeMap(value as Plain));
const plain = (value: unknown): Item | undefined => (value === undefined ? undefined : fromAttributeMap(value as AttributeMap));

/** What came back, converted by `read`; an answer of another shape is a MalformedResponse, named as such. */
function decoded<T>(operation: string, out: Plain, read: (out: Plain) => T): T {
  try {
    return read(out);
  } catch (err) {
    throw malformedResponse(operation, 200, `${(err as Error).message}; ${JSON.stringify(out).slice(0, 200)}`);
  }
}
const list = (value: unknown): AttributeMap[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError('Items is not a list');
  return value as AttributeMap[];
};

// The legacy parameters predate expressions; Tide writes expressions only, and refusing the old ones
// keeps a caller from having them sent without their values converted.
const LEGACY = ['KeyConditions', 'QueryFilter', 'ScanFilter', 'Expected', 'AttributeUpdates', 'AttributesToGet'];

function request(operation: string, input: Plain): Plain {
  const legacy = LEGACY.filter((name) => input[name] !== undefined);
  if (legacy.length) throw new TypeError(`${operation}: ${legacy.join(', ')} not supported; use expressions`);
  const out: Plain = { ...input };
  for (const name of ['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey']) if (input[name] !== undefined) out[name] = map(input[name]);
  return out;
}

function writeRequests(requests: WriteRequests, convert: (m: unknown) => unknown): WriteRequests {
  const out: WriteRequests = {};
  for (const [table, list] of Object.entries(requests)) {
    out[table] = list.map((r) => ({
      ...(r.PutRequest ? { PutRequest: { Item: convert(r.PutRequest.Item) as Plain } } : {}),
      ...(r.DeleteRequest ? { DeleteRequest: { Key: convert(r.DeleteRequest.Key) as Plain } } : {}),
    }));
  }
  return out;
}

/** A table client from `opts`, else the environment (settings.ts). */
export function createWireTable(opts: WireOptions = {}): Table {
  const { call, destroy } = createCaller(wireSettings(opts));
  return {
    async get(input, o) {
      const out = await call('GetItem', request('GetItem', input), o?.signal);
      return decoded('GetItem', out, (o) => ({ Item: plain(o.Item) }));
    },
    async query(input, o) {
      const out = await call('Query', request('Query', input), o?.signal);
      return decoded('Query', out, (o) => ({ Items: list(o.Items).map(fromAttributeMap), LastEvaluatedKey: plain(o.LastEvaluatedKey) }));
    },
    async put(input, o) {
      await call('PutItem', request('PutItem', input), o?.signal);
    },
    async update(input, o) {
      await call('UpdateItem', request('UpdateItem', input), o?.signal);
    },
    async delete(input, o) {
      await call('DeleteItem', request('DeleteItem', input), o?.signal);
    },
    async batchWrite(input, o) {
      const out = await call('BatchWriteItem', { ...input, RequestItems: writeRequests(input.RequestItems ?? {}, map) }, o?.signal);
      const left = out.UnprocessedItems as WriteRequests | undefined;
      return decoded('BatchWriteItem', out, () => ({ UnprocessedItems: left && Object.keys(left).length ? writeRequests(left, plain) : undefined }));
    },
    destroy,
  };
}
