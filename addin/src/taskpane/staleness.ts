// What the task pane says of a series late past its expected release (the API's `series { freshness }`),
// in the Explain view and beside a selected search result. Nothing for a series that is current.

export interface FreshnessFacts {
  lastObservation?: string | null;
  lastChecked?: string | null;
  expectedBy?: string | null;
  /** CALENDAR: the publisher's release day; RULE: Tide's lag rule (no calendar known, or past its end). */
  expectedFrom?: 'CALENDAR' | 'RULE' | null;
  /** The publisher's calendar the series follows, by name. */
  calendar?: string | null;
  stale: boolean;
}

/** Where the due day came from, so a reader can tell a missed release from an estimate. */
function dueBasis(f: FreshnessFacts): string {
  if (f.expectedFrom === 'CALENDAR' && f.calendar) return ` (${f.calendar})`;
  if (f.expectedFrom === 'RULE') return f.calendar ? ` (estimated: ${f.calendar} has no date that far)` : ' (estimated from the usual publication lag)';
  return '';
}

/** One sentence for a stale series, or null. */
export function staleNote(f: FreshnessFacts | null | undefined): string | null {
  if (!f?.stale) return null;
  const checked = f.lastChecked ? `the source was last checked ${f.lastChecked.slice(0, 10)}` : 'no scheduled ingest keeps it';
  return `Stale: the next value was due by ${f.expectedBy ?? '?'}${dueBasis(f)} and has not arrived (last observation ${f.lastObservation ?? 'none'}; ${checked}).`;
}
