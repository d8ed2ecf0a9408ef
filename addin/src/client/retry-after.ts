// The server's Retry-After (RFC 9110 §10.2.3): a number of seconds, or an HTTP-date. Anything else is
// ignored, and a wait is never longer than the add-in is willing to leave a cell calculating.

/** The longest wait a Retry-After can ask of a cell. */
export const MAX_RETRY_AFTER_MS = 30_000;

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
/** IMF-fixdate (the form servers send), and the two obsolete forms a recipient must accept. */
const HTTP_DATES = [
  new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`),
  new RegExp(`^${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`),
  new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`),
];

/** Milliseconds to wait, at most `maxMs`; undefined when the header is absent or in neither form. */
export function retryAfterMs(header: string | null | undefined, now = Date.now(), maxMs = MAX_RETRY_AFTER_MS): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Math.min(maxMs, Number(text) * 1000);
  const form = HTTP_DATES.findIndex((re) => re.test(text));
  if (form < 0) return undefined;
  // asctime carries no zone; HTTP-dates are always GMT.
  const at = Date.parse(form === 2 ? `${text} GMT` : text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(maxMs, Math.max(0, at - now));
}
