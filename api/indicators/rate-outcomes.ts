// The FedWatch probability tree: each meeting moves the target by a whole number of 25 bp steps;
// an expected move of x steps is split between floor(x) and floor(x)+1 steps in proportion to the
// fractional part, and meetings are chained by convolving these two-point distributions.

export const STEP = 0.25; // percentage points per FOMC move

export interface RateOutcome {
  lowerBound: number;
  upperBound: number;
  /** Change of the target range versus the current one, in basis points. */
  changeBp: number;
  /** In [0, 1]; the outcomes of one meeting sum to 1. */
  probability: number;
}

/** Two-point split of an expected change (percentage points) into whole 25 bp steps. */
export function splitChange(expectedChange: number): Map<number, number> {
  // Snapping values within 1e-9 of a whole step keeps float noise (0.9999999999) from adding a
  // spurious outcome with probability ~1e-10.
  const raw = expectedChange / STEP;
  const x = Math.abs(raw - Math.round(raw)) < 1e-9 ? Math.round(raw) : raw;
  const low = Math.floor(x);
  const frac = x - low;
  const out = new Map<number, number>([[low, 1 - frac]]);
  if (frac > 0) out.set(low + 1, frac);
  return out;
}

/** Distribution of cumulative steps after one more meeting. */
export function chain(prior: Map<number, number>, move: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [s0, p0] of prior) {
    for (const [s1, p1] of move) out.set(s0 + s1, (out.get(s0 + s1) ?? 0) + p0 * p1);
  }
  return out;
}

/**
 * Turns cumulative steps into target ranges. The rate cannot go below zero (as in CME's method),
 * so steps that would push the lower bound under 0 are merged into the 0–0.25 range.
 */
export function toOutcomes(dist: Map<number, number>, currentLower: number): RateOutcome[] {
  const floorStep = -Math.floor(currentLower / STEP + 1e-9);
  const merged = new Map<number, number>();
  for (const [s, p] of dist) {
    const step = Math.max(s, floorStep);
    merged.set(step, (merged.get(step) ?? 0) + p);
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return [...merged.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, p]) => ({
      lowerBound: round(currentLower + s * STEP),
      upperBound: round(currentLower + (s + 1) * STEP),
      changeBp: s * 25,
      probability: Math.min(1, Math.max(0, p)),
    }));
}
