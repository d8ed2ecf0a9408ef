import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getVariableValues, type DocumentNode } from 'graphql';
import { maxQueryAliases, maxQueryComplexity, maxQueryDepth, maxQueryFields } from '../../services/limits.js';
import { operationCost } from './cost.js';
import { checkListSizes } from './list-sizes.js';
import { documentShape } from './shape.js';

const refuse = (message: string, code: string): GraphQLError => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** Refuses a document nested too deeply or selecting too many fields or aliases (fragments expanded). */
export function checkShape(document: DocumentNode): void {
  const shape = documentShape(document);
  const maxDepth = maxQueryDepth();
  if (shape.depth > maxDepth) {
    throw refuse(`This query nests ${shape.depth} levels deep, over the limit of ${maxDepth}; select fewer nested fields`, 'QUERY_TOO_DEEP');
  }
  const maxAliases = maxQueryAliases();
  if (shape.aliases > maxAliases) {
    throw refuse(`This query has ${shape.aliases} aliased fields (fragments expanded), over the limit of ${maxAliases}; split it into several requests`, 'TOO_MANY_ALIASES');
  }
  const maxFields = maxQueryFields();
  if (shape.fields > maxFields) {
    throw refuse(`This query selects ${shape.fields} fields (fragments expanded), over the limit of ${maxFields}; split it into several requests or use fewer fragment spreads`, 'TOO_MANY_FIELDS');
  }
}

/**
 * Every limit is checked before any resolver runs, each in time linear in the document. The HTTP
 * handler checks the shape before Apollo validates (its rules would otherwise walk an oversized
 * document: see handlers/document-gate.ts); it is checked again here for callers that reach Apollo
 * directly. Page sizes and cost are checked once the operation and its variables are known.
 */
export const costLimits: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, schema, request }) {
        if (!operation) return; // Apollo has already refused a document without a runnable operation.
        checkShape(document);
        // Variables that do not fit their types stop execution before any resolver runs, with an
        // error naming the variable; leave that error to Apollo rather than failing here.
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
        if (coerced.errors) return;
        checkListSizes(document, coerced.coerced);
        const cost = operationCost(schema, document, operation, coerced.coerced);
        const maxComplexity = maxQueryComplexity();
        if (cost > maxComplexity) {
          throw refuse(
            `This query costs ${cost} units, over the limit of ${maxComplexity} (observations 10, indicators 20 plus 10 per input past two, other fields 1, searchSeries times "first"); split it into several requests or ask for fewer series`,
            'QUERY_TOO_COMPLEX',
          );
        }
      },
    };
  },
};
