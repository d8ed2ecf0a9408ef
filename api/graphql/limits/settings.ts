// Bounds on one GraphQL request: its document (depth, cost, aliases, fields, tokens) and its handling
// (deadline, concurrency). A deployment sets them through the environment (serverless.yml), and the
// local runtime reads the same variables, so both refuse the same requests. What the services bound
// themselves (points per answer, search text) is in api/services/limits.ts.
import { positiveInt } from '../../services/limits.js';

// The schema's own queries nest 4 deep; graphql-js's standard introspection query nests 15 (its type
// references), so tools still work where introspection is on; anything deeper is an attempt to make
// the server walk introspection recursively. Production, without introspection, sets a lower limit.
const DEFAULT_MAX_DEPTH = 15;
// The Excel add-in sends up to 200 cells per request (about 13 each for a series, 30 for an indicator).
const DEFAULT_MAX_COMPLEXITY = 6_000;
// The add-in aliases each of its up to 200 cells; 1,000 leaves room for hand-written queries.
const DEFAULT_MAX_ALIASES = 1_000;
// Fields of one operation with every fragment spread expanded: a 200-cell batch selects about 1,000;
// the standard introspection query about 150.
const DEFAULT_MAX_FIELDS = 5_000;
// Lexical tokens of one document (graphql-js stops parsing past it): a 200-cell batch is about 15,000.
const DEFAULT_MAX_TOKENS = 50_000;
// Longer than any query needs (the slowest in the benchmarks takes well under a second), shorter
// than API Gateway's 30 s, so the caller gets Tide's coded answer rather than a gateway timeout.
const DEFAULT_REQUEST_DEADLINE_MS = 10_000;
// GraphQL requests one local server works on at once; past it, a caller is told to retry.
const DEFAULT_MAX_CONCURRENT = 64;

/** How deeply one operation's selections may nest (the root field is depth 1). */
export const maxQueryDepth = (): number => positiveInt('TIDE_MAX_DEPTH', DEFAULT_MAX_DEPTH);

/** The most cost units one operation may add up to; field costs are in api/graphql/limits/cost.ts. */
export const maxQueryComplexity = (): number => positiveInt('TIDE_MAX_COMPLEXITY', DEFAULT_MAX_COMPLEXITY);

/** The most aliased fields one document may hold, fragments expanded. */
export const maxQueryAliases = (): number => positiveInt('TIDE_MAX_ALIASES', DEFAULT_MAX_ALIASES);

/** The most fields one document may select, fragments expanded. */
export const maxQueryFields = (): number => positiveInt('TIDE_MAX_FIELDS', DEFAULT_MAX_FIELDS);

/** The most tokens one document may hold; fixed when the server is built (the parser's own option). */
export const maxQueryTokens = (): number => positiveInt('TIDE_MAX_TOKENS', DEFAULT_MAX_TOKENS);

/** How long one request may take before it is answered with DEADLINE_EXCEEDED and its work abandoned. */
export const requestDeadlineMs = (): number => positiveInt('TIDE_REQUEST_DEADLINE_MS', DEFAULT_REQUEST_DEADLINE_MS);

/** How many GraphQL requests the local server works on at once before shedding load. */
export const maxConcurrentRequests = (): number => positiveInt('TIDE_MAX_CONCURRENT', DEFAULT_MAX_CONCURRENT);
