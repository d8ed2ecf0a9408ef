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
    /** what kind of refusal, when a caller may act on it (e.g. wait, or change a plan) */
    readonly code: IngestErrorCode = 'BAD_INPUT',
  ) {
    const where = [source, series, row === undefined ? undefined : `row ${row}`].filter(Boolean).join(', ');
    super(`${where}: ${detail}`);
    this.name = 'IngestError';
  }
}

/**
 * BAD_INPUT: the response or file is malformed; RATE_LIMITED: the source's quota is spent, try
 * later; PREMIUM_REQUIRED: the request needs a paid plan, repeating cannot help; REFUSED: the source
 * answered with an error of its own; UNREACHABLE: no usable answer after the retries; EMPTY: the
 * source answered well-formed, but holds nothing the job asked for; CAPPED: more than a job's cap
 * allows, so part was left out on purpose (the message names what).
 */
export type IngestErrorCode = 'BAD_INPUT' | 'RATE_LIMITED' | 'PREMIUM_REQUIRED' | 'REFUSED' | 'UNREACHABLE' | 'EMPTY' | 'CAPPED';

/** Where a parse is happening, threaded through parsers so errors can name it. */
export interface Origin {
  source: string;
  series?: string;
}

export function fail(origin: Origin, row: number | undefined, detail: string, code?: IngestErrorCode): never {
  throw new IngestError(origin.source, origin.series, row, detail, code);
}
