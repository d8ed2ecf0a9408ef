// Bounds on what one request may cost; a deployment sets them through the environment (serverless.yml).

const DEFAULT_MAX_POINTS = 200_000;
// The schema's own queries nest 4 deep; graphql-js's standard introspection query nests 15 (its type
// references), so tools still work where introspection is on; anything deeper is an attempt to make
// the server walk introspection recursively. Production, without introspection, sets a lower limit.
const DEFAULT_MAX_DEPTH = 15;
// The Excel add-in sends up to 200 cells per request (about 13 each for a series, 30 for an indicator).
const DEFAULT_MAX_COMPLEXITY = 6_000;

function positiveInt(name: string, fallback: number): number {
  const configured = Number(process.env[name]);
  return Number.isInteger(configured) && configured > 0 ? configured : fallback;
}

/** The most points one observations field may return; read per call so a stage's setting always applies. */
export const maxResponsePoints = (): number => positiveInt('TIDE_MAX_POINTS', DEFAULT_MAX_POINTS);

/** How deeply one operation's selections may nest (the root field is depth 1). */
export const maxQueryDepth = (): number => positiveInt('TIDE_MAX_DEPTH', DEFAULT_MAX_DEPTH);

/** The most cost units one operation may add up to; field costs are in api/graphql/limits/field-costs.ts. */
export const maxQueryComplexity = (): number => positiveInt('TIDE_MAX_COMPLEXITY', DEFAULT_MAX_COMPLEXITY);
