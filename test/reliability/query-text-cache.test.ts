import { describe, expect, it } from 'vitest';
import { QueryTextCache } from '../../api/graphql/query-text-cache.js';

// Apollo keeps automatic persisted queries (hash → query text) in this cache; it replaces Apollo's
// lru-cache default and must stay bounded the same way.

describe("Apollo's cache of persisted query texts", () => {
  it('keeps at most its budget of characters, forgetting the least recently used first', async () => {
    const text = (k: number) => `{ a${k}: series(id: "DGS2") { latest { value } } }`;
    const one = 'apq:k100'.length + text(100).length;
    const cache = new QueryTextCache(one * 3);
    for (let k = 100; k < 110; k++) await cache.set(`apq:k${k}`, text(k));
    expect(cache.size).toEqual({ texts: 3, chars: one * 3 });
    expect(await cache.get('apq:k106')).toBeUndefined();
    expect(await cache.get('apq:k107')).toBe(text(107));
    // k107 was just read, so the next arrival evicts k108.
    await cache.set('apq:k200', text(200));
    expect(await cache.get('apq:k108')).toBeUndefined();
    expect(await cache.get('apq:k107')).toBe(text(107));
    expect(await cache.delete('apq:k107')).toBe(true);
    expect(await cache.get('apq:k107')).toBeUndefined();
  });

  it('makes an entry a miss once its ttl (seconds) has passed, and keeps one without a ttl', async () => {
    let now = 1_000_000;
    const cache = new QueryTextCache(10_000, () => now);
    await cache.set('a', '{ __typename }', { ttl: 300 });
    await cache.set('b', '{ __typename }');
    now += 299_999;
    expect(await cache.get('a')).toBe('{ __typename }');
    now += 1;
    expect(await cache.get('a')).toBeUndefined();
    expect(cache.size.texts).toBe(1);
    now += 10 ** 9;
    expect(await cache.get('b')).toBe('{ __typename }');
  });
});
