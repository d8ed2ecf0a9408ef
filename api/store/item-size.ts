import { DomainError } from '../errors/domain-error.js';

// DynamoDB refuses an item over 400 KB (names and values together) with an error that names neither
// the series nor the item, and a batch that holds one such item is refused whole. Every write of a
// series is measured here first, by the published sizing rules, so an oversize write is refused
// before anything of it is stored.

/** DynamoDB's item limit. */
export const DYNAMODB_ITEM_LIMIT = 400 * 1024;
/** What Tide lets an item reach: the limit less a margin for the estimate (numbers are sized by their digits). */
export const ITEM_BUDGET = 390 * 1024;

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function numberSize(n: number): number {
  const digits = String(Math.abs(n)).replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

/** The size DynamoDB counts for one plain (document-client) value. */
export function valueSize(v: unknown): number {
  if (typeof v === 'string') return utf8(v);
  if (typeof v === 'number') return numberSize(v);
  if (typeof v === 'boolean' || v === null || v === undefined) return 1;
  if (v instanceof Uint8Array) return v.byteLength;
  if (v instanceof Set) return [...v].reduce((n: number, e) => n + valueSize(e), 0);
  if (Array.isArray(v)) return 3 + v.reduce((n: number, e) => n + 1 + valueSize(e), 0);
  if (typeof v === 'object') return 3 + Object.entries(v as Record<string, unknown>).reduce((n, [k, e]) => n + 1 + utf8(k) + valueSize(e), 0);
  return 0;
}

/** The size of an item: every attribute's name and value. */
export const itemSize = (item: Record<string, unknown>): number => Object.entries(item).reduce((n, [k, v]) => (v === undefined ? n : n + utf8(k) + valueSize(v)), 0);

/**
 * Refuses, before anything is written, a write of series `id` holding an item over the budget: the
 * error (ITEM_TOO_LARGE) names the series, the item and its size.
 */
export function assertItemsFit(id: string, items: readonly Record<string, unknown>[], budget = ITEM_BUDGET): void {
  for (const item of items) {
    const bytes = itemSize(item);
    if (bytes <= budget) continue;
    const sk = String(item.sk);
    throw new DomainError(
      'ITEM_TOO_LARGE',
      `series ${id}: item ${sk} would be ${bytes} bytes, over the ${budget}-byte budget for one item (DynamoDB's limit is ${DYNAMODB_ITEM_LIMIT}); nothing of this write was stored`,
      undefined,
      { series: id, item: sk, bytes, budget },
    );
  }
}

/** DynamoDB refused what was written (ValidationException: an item too large, a bad attribute), not a fault to retry. */
export const isItemRefusal = (e: unknown): boolean => e instanceof Error && (e.name === 'ValidationException' || /item size/i.test(e.message));

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * An error a write of these items got from DynamoDB despite the check above (a size estimate that was
 * off, another attribute DynamoDB refused), with the items named: the largest, its key and size against
 * the limit, so a person reading a failed job knows which series and year did not fit.
 */
export class ItemWriteError extends Error {
  readonly item: { pk: unknown; sk: unknown; bytes: number };

  constructor(cause: unknown, items: Record<string, unknown>[]) {
    const sized = items.map((item) => ({ pk: item.pk, sk: item.sk, bytes: itemSize(item) }));
    const largest = sized.reduce((a, b) => (b.bytes > a.bytes ? b : a), sized[0] ?? { pk: undefined, sk: undefined, bytes: 0 });
    const message = cause instanceof Error ? cause.message : String(cause);
    const over = sized.filter((s) => s.bytes > DYNAMODB_ITEM_LIMIT).length;
    super(
      `${message} (item ${String(largest.pk)} ${String(largest.sk)}, about ${kb(largest.bytes)} of the ${kb(DYNAMODB_ITEM_LIMIT)} limit` +
        `${items.length > 1 ? `; the largest of ${items.length} items in the write${over > 1 ? `, ${over} of them over the limit` : ''}` : ''})`,
      { cause },
    );
    this.name = cause instanceof Error ? cause.name : 'ItemWriteError';
    this.item = largest;
    // keep what callers classify errors by (the SDK's metadata)
    for (const key of ['$metadata', '$fault'] as const) if (cause && typeof cause === 'object' && key in cause) Object.assign(this, { [key]: (cause as Record<string, unknown>)[key] });
  }
}
