// Bounds on what one request may cost; a deployment sets them through the environment.

const DEFAULT_MAX_POINTS = 200_000;

/** The most points one observations field may return; read per call so a stage's setting always applies. */
export function maxResponsePoints(): number {
  const configured = Number(process.env.TIDE_MAX_POINTS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_POINTS;
}
