import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, type GraphQLError } from 'graphql';
// The CommonJS build on purpose: it shares Node's resolution of "graphql" with Apollo (a bundle maps
// both to one copy). Node's ESM loader cannot see its re-exported names and offers them under
// `default`; bundlers and vitest offer them directly.
import * as queryComplexityModule from 'graphql-query-complexity/cjs';
import { maxQueryComplexity, maxQueryDepth } from '../../services/limits.js';
import type { ErrorCode } from '../../errors/domain-error.js';
import { graphqlError } from '../errors.js';
import { operationDepth } from './depth.js';
import { fieldCostEstimator } from './field-costs.js';

type QueryComplexity = typeof queryComplexityModule;
const loaded = queryComplexityModule as QueryComplexity & { default?: Partial<QueryComplexity> };
const queryComplexity = (typeof loaded.default?.getComplexity === 'function' ? loaded.default : loaded) as QueryComplexity;
const { getComplexity, simpleEstimator } = queryComplexity;

const refuse = (message: string, code: ErrorCode): GraphQLError => graphqlError(code, message, { httpStatus: 400 });

/** Refuses, before any resolver runs, an operation nested too deeply or costing too much. */
export const costLimits: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, schema, request }) {
        if (!operation) return; // Apollo has already refused a document without a runnable operation.
        const depth = operationDepth(document, operation);
        const maxDepth = maxQueryDepth();
        if (depth > maxDepth) {
          throw refuse(`This query nests ${depth} levels deep, over the limit of ${maxDepth}; select fewer nested fields`, 'QUERY_TOO_DEEP');
        }
        // Variables that do not fit their types stop execution before any resolver runs, with an
        // error naming the variable; leave that error to Apollo rather than failing here.
        if (getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors) return;
        const complexity = getComplexity({
          schema,
          query: document,
          operationName: operation.name?.value,
          variables: request.variables ?? {},
          estimators: [fieldCostEstimator, simpleEstimator({ defaultComplexity: 1 })],
        });
        const maxComplexity = maxQueryComplexity();
        if (complexity > maxComplexity) {
          throw refuse(
            `This query costs ${complexity} units, over the limit of ${maxComplexity} (observations 10, indicators 20, other fields 1, searchSeries times "first"); split it into several requests or ask for fewer series`,
            'QUERY_TOO_COMPLEX',
          );
        }
      },
    };
  },
};
