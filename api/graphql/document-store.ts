import type { DocumentNode } from 'graphql';

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
  private readonly entries = new Map<string, DocumentNode>();
  private chars = 0;

  constructor(private readonly maxSourceChars = DEFAULT_MAX_SOURCE_CHARS) {}

  async get(key: string): Promise<DocumentNode | undefined> {
    const document = this.entries.get(key);
    if (document) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, document);
    }
    return document;
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    const size = sourceChars(document);
    if (size > this.maxSourceChars) return;
    await this.delete(key);
    this.entries.set(key, document);
    this.chars += size;
    for (const [oldest, doc] of this.entries) {
      if (this.chars <= this.maxSourceChars) break;
      this.entries.delete(oldest);
      this.chars -= sourceChars(doc);
    }
  }

  async delete(key: string): Promise<boolean> {
    const document = this.entries.get(key);
    if (!document) return false;
    this.entries.delete(key);
    this.chars -= sourceChars(document);
    return true;
  }

  /** Documents held and their total source size, for tests and diagnostics. */
  get size(): { documents: number; sourceChars: number } {
    return { documents: this.entries.size, sourceChars: this.chars };
  }
}
