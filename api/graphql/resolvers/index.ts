import type { Resolvers } from '../../generated/resolvers-types.js';
import { DateScalar, JsonScalar } from '../scalars.js';
import { IndicatorQuery } from './indicators.js';
import { Query } from './query.js';
import { Series } from './series.js';

export const resolvers: Resolvers = { Date: DateScalar, JSON: JsonScalar, Query: { ...Query, ...IndicatorQuery }, Series };
