import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../api/graphql/document-store.js';

// Apollo's own document cache kept every distinct document a flood sent (an add-in batch is ~60 times
// its text in memory), which is what held the memory after a flood. Tide's store is bounded by text.

const batch = (k: number) => `{ ${Array.from({ length: 200 }, (_, i) => `d${k}x${i}: series(id: "DGS2") { observations { values } }`).join(' ')} }`;

describe('the parsed-document store', () => {
  it('keeps at most its budget of source text however many distinct documents arrive, dropping the least recently used', async () => {
    const one = batch(100).length; // every k from 100 to 999 gives a document of this length
    const store = new DocumentStore(one * 5);
    for (let k = 100; k < 400; k++) await store.set(`q${k}`, parse(batch(k)));
    expect(store.size.documents).toBe(5);
    expect(store.size.sourceChars).toBeLessThanOrEqual(one * 5);
    expect(await store.get('q100')).toBeUndefined();
    expect((await store.get('q395'))?.definitions).toHaveLength(1);
    // q395 was just used, so the next arrival evicts q396 instead.
    await store.set('new', parse(batch(999)));
    expect(await store.get('q396')).toBeUndefined();
    expect(await store.get('q395')).toBeDefined();
  });

  it('does not keep a document larger than the whole budget, and replaces a key without counting it twice', async () => {
    const store = new DocumentStore(100);
    await store.set('big', parse(batch(1)));
    expect(store.size).toEqual({ documents: 0, sourceChars: 0 });
    await store.set('a', parse('{ __typename }'));
    await store.set('a', parse('{ __typename }'));
    expect(store.size).toEqual({ documents: 1, sourceChars: '{ __typename }'.length });
    expect(await store.delete('a')).toBe(true);
    expect(store.size).toEqual({ documents: 0, sourceChars: 0 });
  });
});
