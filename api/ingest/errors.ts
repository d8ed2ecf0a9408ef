/**
 * Every ingest failure names where it happened: the source, the series (when known) and the row
 * (1-based, as a person counts rows in the response or file), so the message alone is actionable.
 */
export class IngestError extends Error {
  constructor(
    readonly source: string,
    readonly series: string | undefined,
    readonly row: number | undefined,
    readonly detail: string,
  ) {
    const where = [source, series, row === undefined ? undefined : `row ${row}`].filter(Boolean).join(', ');
    super(`${where}: ${detail}`);
    this.name = 'IngestError';
  }
}

/** Where a parse is happening, threaded through parsers so errors can name it. */
export interface Origin {
  source: string;
  series?: string;
}

export function fail(origin: Origin, row: number | undefined, detail: string): never {
  throw new IngestError(origin.source, origin.series, row, detail);
}
