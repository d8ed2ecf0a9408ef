import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { fomcDecisionDates } from '../../indicators/index.js';
import { validateRange } from '../../services/observations.js';
import { readCutProbabilities } from '../../services/indicators/cut-probabilities.js';
import { readRatePath } from '../../services/indicators/rate-path.js';
import { computeIndicator } from '../../services/indicators/indicator.js';
import { readPositioning } from '../../services/indicators/positioning.js';

export const IndicatorQuery: Pick<QueryResolvers, 'indicator' | 'positioning' | 'cutProbabilities' | 'ratePath' | 'fomcMeetings'> = {
  indicator: (_root, args, ctx) => computeIndicator(ctx, args),
  positioning: (_root, args, ctx) => readPositioning(ctx, args),
  cutProbabilities: async (_root, { meeting, asOf, dayCount }, ctx) => {
    const r = await readCutProbabilities(ctx, meeting, asOf, dayCount ?? undefined);
    return {
      meeting,
      asOf,
      outcomes: r.outcomes,
      resolvedMeetings: r.meta.resolvedMeetings,
      assumedUnchangedMeetings: r.meta.assumedUnchangedMeetings,
      dayCount: r.meta.dayCount.rule,
      meta: { ...r.meta, prices: r.prices },
    };
  },
  ratePath: async (_root, { asOf, dayCount }, ctx) => {
    const r = await readRatePath(ctx, asOf, dayCount ?? undefined);
    return {
      asOf,
      currentLowerBound: r.currentTarget.lowerBound,
      currentUpperBound: r.currentTarget.upperBound,
      meetings: r.meetings.map(({ meeting, expectedChangeBp, expectedMidpoint, pCut, pHold, pHike, assumedUnchanged }) => ({
        meeting,
        expectedChangeBp,
        expectedMidpoint,
        pCut,
        pHold,
        pHike,
        assumedUnchanged,
      })),
      dayCount: r.dayCount.rule,
      meta: { meetings: r.meetings, fallbacks: r.fallbacks, prices: r.prices },
    };
  },
  fomcMeetings: (_root, { from, to }) => {
    validateRange(from, to);
    return fomcDecisionDates(from ?? undefined, to ?? undefined);
  },
};
