// What the task pane says of a series late past its expected release (the API's `series { freshness }`),
// in the Explain view and beside a selected search result. Nothing for a series that is current.

export interface FreshnessFacts {
  lastObservation?: string | null;
  lastChecked?: string | null;
  expectedBy?: string | null;
  stale: boolean;
}

/** One sentence for a stale series, or null. */
export function staleNote(f: FreshnessFacts | null | undefined): string | null {
  if (!f?.stale) return null;
  const checked = f.lastChecked ? `the source was last checked ${f.lastChecked.slice(0, 10)}` : 'no scheduled ingest keeps it';
  return `Stale: the next value was due by ${f.expectedBy ?? '?'} and has not arrived (last observation ${f.lastObservation ?? 'none'}; ${checked}).`;
}
