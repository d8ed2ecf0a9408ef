// DynamoDB's item size, so a refused write can say which item and how big it is (the service's own
// "Item size has exceeded the maximum allowed size" names neither). The rules are DynamoDB's: an
// attribute counts its name's UTF-8 bytes plus its value's (a string its UTF-8 bytes, a number about
// one byte per two significant digits plus one, a boolean or null one byte, a list or map 3 bytes
// plus its elements).

/** DynamoDB's limit on one item, in bytes (400 KB). */
export const MAX_ITEM_BYTES = 400 * 1024;

export function itemBytes(item: Record<string, unknown>): number {
  let total = 0;
  for (const [name, value] of Object.entries(item)) total += Buffer.byteLength(name) + valueBytes(value);
  return total;
}

function valueBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace(/[.e+-]/g, '').replace(/^0+/, '').length / 2) + 1;
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + valueBytes(v) + 1, 0);
  if (value instanceof Set) return [...value].reduce((n: number, v) => n + valueBytes(v), 0);
  if (typeof value === 'object') return 3 + itemBytes(value as Record<string, unknown>) + Object.keys(value).length;
  return 0;
}

/** DynamoDB refused what was written (ValidationException: an item too large, a bad attribute), not a fault to retry. */
export const isItemRefusal = (e: unknown): boolean => e instanceof Error && (e.name === 'ValidationException' || /item size/i.test(e.message));

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * An error a write of these items got, with the items named: the largest (its key and size against
 * the limit), so a person reading a failed job knows which series and year did not fit.
 */
export class ItemWriteError extends Error {
  readonly item: { pk: unknown; sk: unknown; bytes: number };

  constructor(cause: unknown, items: Record<string, unknown>[]) {
    const sized = items.map((item) => ({ pk: item.pk, sk: item.sk, bytes: itemBytes(item) }));
    const largest = sized.reduce((a, b) => (b.bytes > a.bytes ? b : a), sized[0] ?? { pk: undefined, sk: undefined, bytes: 0 });
    const message = cause instanceof Error ? cause.message : String(cause);
    const over = sized.filter((s) => s.bytes > MAX_ITEM_BYTES).length;
    super(`${message} (item ${String(largest.pk)} ${String(largest.sk)}, about ${kb(largest.bytes)} of the ${kb(MAX_ITEM_BYTES)} limit` +
      `${items.length > 1 ? `; the largest of ${items.length} items in the write${over > 1 ? `, ${over} of them over the limit` : ''}` : ''})`, { cause });
    this.name = cause instanceof Error ? cause.name : 'ItemWriteError';
    this.item = largest;
    // keep what callers classify errors by (the SDK's and the wire client's metadata)
    for (const key of ['$metadata', '$fault'] as const) if (cause && typeof cause === 'object' && key in cause) Object.assign(this, { [key]: (cause as Record<string, unknown>)[key] });
  }
}
