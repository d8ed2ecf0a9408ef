import type { CallOptions, Item, Table, WriteRequests } from '../table.js';
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
  const send = (operation: string, input: Plain, o?: CallOptions) => call(operation, request(operation, input), o?.signal);
  return {
    async get(input, o) {
      return decoded('GetItem', await send('GetItem', input, o), (out) => ({ Item: plain(out.Item) }));
    },
    async query(input, o) {
      return decoded('Query', await send('Query', input, o), (out) => ({ Items: list(out.Items).map(fromAttributeMap), LastEvaluatedKey: plain(out.LastEvaluatedKey) }));
    },
    async put(input, o) {
      await send('PutItem', input, o);
    },
    async update(input, o) {
      await send('UpdateItem', input, o);
    },
    async delete(input, o) {
      await send('DeleteItem', input, o);
    },
    async batchWrite(input, o) {
      const out = await call('BatchWriteItem', { ...input, RequestItems: writeRequests(input.RequestItems ?? {}, map) }, o?.signal);
      const left = out.UnprocessedItems as WriteRequests | undefined;
      return decoded('BatchWriteItem', out, () => ({ UnprocessedItems: left && Object.keys(left).length ? writeRequests(left, plain) : undefined }));
    },
    destroy,
  };
}
