import { marshall, unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { Item } from '../table.js';

// Items go to DynamoDB as typed attribute values ({ S: "…" }, { N: "1.5" }, { M: { … } }) in JSON,
// where binary values (B, and the members of BS) are base64 text. util-dynamodb converts between
// plain values and attribute values, with the document client's options; this file adds base64.

export type AttributeMap = Record<string, unknown>;

/** Plain values to attribute values; undefined members are left out, as the document client does. */
export const toAttributeMap = (item: Record<string, NativeAttributeValue>): AttributeMap => marshall(item, { removeUndefinedValues: true });

export const fromAttributeMap = (map: AttributeMap): Item => unmarshall(map as Parameters<typeof unmarshall>[0]);

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/** A request body: binary values as base64. */
export function encodeBody(body: object): string {
  return JSON.stringify(body, function (this: Record<string, unknown>, key, value) {
    const raw = this[key]; // before toJSON, which would turn a Buffer into { type, data }
    return raw instanceof Uint8Array ? toBase64(raw) : value;
  });
}

/**
 * A response body, base64 turned back into bytes. In attribute values only a type tag B or BS holds
 * text (an attribute or map member named "B" holds an object), and a body with neither key skips the
 * slower parse.
 */
export function decodeBody(text: string): Record<string, unknown> {
  if (!/"BS?"/.test(text)) return JSON.parse(text);
  return JSON.parse(text, (key, value) => {
    if (key === 'B' && typeof value === 'string') return fromBase64(value);
    if (key === 'BS' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map(fromBase64);
    return value;
  });
}
