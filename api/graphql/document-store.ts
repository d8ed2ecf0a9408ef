import type { DocumentNode } from 'graphql';
import { SizedLru } from './sized-lru.js';

// Apollo keeps each parsed and validated document, keyed by the hash of its text, so a repeated
// query skips parsing and validation. Its default store is bounded at 30 MiB of the documents' JSON,
// but a document in memory (with its locations, which hold the whole token list) is about 60 times
// its source text: 300 distinct 200-cell add-in batches (22 KB of text each) left 125 MB reachable
// there after a full GC, which is what kept the memory of a flood. This store bounds what it keeps
// by the documents' source text and forgets the least recently used first.

// About 20 full add-in batches, so a workbook's repeated recalculations still skip parsing; at most
// about 30 MB in memory.
const DEFAULT_MAX_SOURCE_CHARS = 500_000;

/** The size of a document's source text (its parse kept the location of its last token). */
const sourceChars = (document: DocumentNode): number => document.loc?.end ?? 1_000;

export class DocumentStore {
  private readonly documents: SizedLru<DocumentNode>;

  constructor(maxSourceChars = DEFAULT_MAX_SOURCE_CHARS) {
    this.documents = new SizedLru(maxSourceChars);
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.documents.get(key);
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    this.documents.set(key, document, sourceChars(document));
  }

  async delete(key: string): Promise<boolean> {
    return this.documents.delete(key);
  }

  /** Documents held and their total source size, for tests and diagnostics. */
  get size(): { documents: number; sourceChars: number } {
    const { entries, total } = this.documents.size;
    return { documents: entries, sourceChars: total };
  }
}
