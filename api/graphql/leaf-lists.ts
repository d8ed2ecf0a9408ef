import {
  defaultFieldResolver,
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
  GraphQLFloat,
  type GraphQLFieldResolver,
  type GraphQLLeafType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { serializeAsIs } from './scalars.js';

// Tide's answers are columns: a 100,000-point series is two lists of leaves. graphql-js completes a
// list element by element (a response path, a type dispatch and a serialize call each), which cost
// five times the JSON encoding of the same numbers. A long list of leaves is therefore serialized
// here in one loop, by the same scalar's `serialize` and with the same null rules, handed to
// graphql-js as an empty list, and put in its place in the result before the response is encoded.
// A list with anything graphql-js would report as an error is left to graphql-js, so errors, their
// messages and their paths are exactly graphql-js's. Lists are kept per context value: Apollo gives
// every operation its own (a shallow copy of the one it was handed), and only requests that
// leafListsPlugin has seen are served this way, so plain graphql-js execution is unchanged.

/** Shorter lists gain nothing worth the bookkeeping; graphql-js completes them itself. */
export const BULK_MIN_LENGTH = 64;

interface Pending {
  path: GraphQLResolveInfo['path'];
  values: readonly unknown[];
}

const pendingByRequest = new WeakMap<object, Pending[]>();

const isPromiseLike = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

/**
 * The list serialized by `type`, or undefined when graphql-js would report an error for some element.
 * The list itself when serializing changes nothing (floats and dates as stored), so nothing is copied.
 */
function serializeAll(list: readonly unknown[], type: GraphQLLeafType, itemNonNull: boolean): readonly unknown[] | undefined {
  if (type.serialize === serializeAsIs ? allAsIs(list, itemNonNull) : type === GraphQLFloat && allFinite(list, itemNonNull)) return list;
  let out: unknown[] | undefined;
  const serialize = type.serialize.bind(type);
  const asIs = isSpecifiedScalarType(type) ? SERIALIZED_AS_IS[type.name] : undefined;
  try {
    for (let i = 0; i < list.length; i++) {
      const value = list[i];
      let serialized: unknown = null;
      if (asIs?.(value)) serialized = value;
      else if (value === null || value === undefined) {
        if (itemNonNull) return undefined;
      } else {
        // A promise in a list is completed by graphql-js when it settles.
        if (isPromiseLike(value)) return undefined;
        serialized = serialize(value);
        if (serialized === null || serialized === undefined) return undefined;
      }
      if (out) out[i] = serialized;
      else if (serialized !== value && !(value === undefined && serialized === null)) {
        out = list.slice(0, i);
        out[i] = serialized;
      }
    }
  } catch {
    return undefined;
  }
  return out ?? list;
}

// The two lists every answer is made of, checked in a loop of their own that V8 keeps monomorphic:
// floats (a finite number is its own serialization) and dates (a scalar that serializes as is).
function allFinite(list: readonly unknown[], itemNonNull: boolean): boolean {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v === 'number') {
      if (v - v !== 0) return false; // NaN and ±Infinity
    } else if (v !== null || itemNonNull) return false;
  }
  return true;
}

function allAsIs(list: readonly unknown[], itemNonNull: boolean): boolean {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') continue;
    if (v !== null || itemNonNull) return false; // undefined, objects (a promise among them) and nulls where none may be
  }
  return true;
}

// Values the specified scalars serialize to themselves (graphql-js's serializeFloat and the rest),
// so the loop need not call them; anything else goes through `serialize`.
const SERIALIZED_AS_IS: Record<string, ((v: unknown) => boolean) | undefined> = {
  Float: (v) => typeof v === 'number' && Number.isFinite(v),
  Int: (v) => typeof v === 'number' && Number.isInteger(v) && v <= 2147483647 && v >= -2147483648,
  String: (v) => typeof v === 'string',
  Boolean: (v) => typeof v === 'boolean',
};

/** The leaf type of a field typed `[Leaf]` or `[Leaf!]` (either nullable or not), and whether its items are non-null. */
function leafListOf(type: Parameters<typeof getNullableType>[0]): { item: GraphQLLeafType; itemNonNull: boolean } | undefined {
  const list = getNullableType(type);
  if (!isListType(list)) return undefined;
  const itemNonNull = isNonNullType(list.ofType);
  const item = getNullableType(list.ofType);
  return isLeafType(item) ? { item, itemNonNull } : undefined;
}

/** Wraps the resolver of every field typed as a list of leaves, in place, so long lists are serialized in bulk. */
export function completeLeafListsInBulk(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const leaf = leafListOf(field.type);
      if (!leaf) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const bulk = (list: unknown, context: unknown, info: GraphQLResolveInfo): unknown => {
        if (!Array.isArray(list) || list.length < BULK_MIN_LENGTH) return list;
        const pending = typeof context === 'object' && context !== null ? pendingByRequest.get(context) : undefined;
        if (!pending) return list;
        const values = serializeAll(list, leaf.item, leaf.itemNonNull);
        if (!values) return list;
        pending.push({ path: info.path, values });
        return [];
      };
      field.resolve = (source, args, context, info) => {
        const list = resolve(source, args, context, info);
        return isPromiseLike(list) ? Promise.resolve(list).then((l) => bulk(l, context, info)) : bulk(list, context, info);
      };
    }
  }
  return schema;
}

function keysOf(path: GraphQLResolveInfo['path']): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = path; p; p = p.prev) keys.push(p.key);
  return keys.reverse();
}

/**
 * Puts the lists serialized for `context`'s request in their places in `data`. A list whose place is
 * gone (an error nulled a parent) is dropped, as graphql-js would have dropped it.
 */
export function fillLeafLists(context: object, data: Record<string, unknown> | null | undefined): void {
  const pending = pendingByRequest.get(context);
  pendingByRequest.delete(context);
  if (!pending || !data) return;
  for (const { path, values } of pending) {
    const keys = keysOf(path);
    let node: unknown = data;
    for (let i = 0; i < keys.length - 1 && node; i++) node = (node as Record<string | number, unknown>)[keys[i]];
    const last = keys[keys.length - 1];
    if (node && typeof node === 'object' && Array.isArray((node as Record<string | number, unknown>)[last])) (node as Record<string | number, unknown>)[last] = values;
  }
}

/** Fills the bulk-serialized lists into the result first, before any other plugin or the encoder sees it. */
export const leafListsPlugin: ApolloServerPlugin<object> = {
  async requestDidStart({ contextValue }) {
    pendingByRequest.set(contextValue, []);
    return {
      async willSendResponse({ response }) {
        fillLeafLists(contextValue, response.body.kind === 'single' ? (response.body.singleResult.data as Record<string, unknown> | null | undefined) : undefined);
      },
    };
  },
};
