// Bounds the services themselves enforce (points per answer, search text, id length). A deployment
// sets them through the environment (serverless.yml), and the local runtime reads the same variables,
// so both refuse the same requests. Bounds on a GraphQL document and on a request's handling (depth,
// cost, tokens, deadline, concurrency) belong to the GraphQL layer: api/graphql/limits/settings.ts.

const DEFAULT_MAX_POINTS = 200_000;
/** Search text and series ids are bounded so their cost is too. */
export const MAX_SEARCH_TEXT_LENGTH = 200;
export const MAX_SEARCH_WORDS = 10;
/** Longer than any publisher's id (FRED's are at most 30 characters); DynamoDB keys stop at 2,048 bytes. */
export const MAX_SERIES_ID_LENGTH = 128;

/** A positive integer from the environment variable `name`, else `fallback` (read on each call). */
export function positiveInt(name: string, fallback: number): number {
  const configured = Number(process.env[name]);
  return Number.isInteger(configured) && configured > 0 ? configured : fallback;
}

/** The most points one observations field may return; read per call so a stage's setting always applies. */
export const maxResponsePoints = (): number => positiveInt('TIDE_MAX_POINTS', DEFAULT_MAX_POINTS);
