import type { ApolloServerPlugin } from '@apollo/server';
import { valueFromASTUntyped, type DocumentNode, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { ErrorCode } from '../../errors/domain-error.js';
import { maxQueryAliases, maxQueryComplexity, maxQueryDepth, maxQueryFields } from './settings.js';
import { graphqlError } from '../errors.js';
import { operationCost } from './cost.js';
import { checkListSizes } from './list-sizes.js';
import { documentShape, type Shape } from './shape.js';

const refuse = (message: string, code: ErrorCode): GraphQLError => graphqlError(code, message, { httpStatus: 400 });

// A document's shape depends on nothing else, and Apollo hands a repeated query the same parsed document.
const shapes = new WeakMap<DocumentNode, Shape>();

/** Refuses a document nested too deeply or selecting too many fields or aliases (fragments expanded). */
export function checkShape(document: DocumentNode): void {
  let shape = shapes.get(document);
  if (!shape) shapes.set(document, (shape = documentShape(document)));
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
 * The request's variables over the operation's defaults, as sent: a value that does not fit its type
 * is refused by Apollo before any resolver runs, with an error naming the variable, so the checks
 * here only read the values they can use (numbers, lists). Not graphql's own coercion, which
 * rejects a schema built by another copy of graphql (see cost.ts).
 */
function variableValues(operation: OperationDefinitionNode, sent: Record<string, unknown> | undefined): Record<string, unknown> {
  const defaults = (operation.variableDefinitions ?? []).filter((def) => def.defaultValue);
  if (defaults.length === 0) return sent ?? {};
  const values: Record<string, unknown> = {};
  for (const def of defaults) values[def.variable.name.value] = valueFromASTUntyped(def.defaultValue!);
  return { ...values, ...sent };
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
        const variables = variableValues(operation, request.variables);
        checkListSizes(document, variables);
        const cost = operationCost(schema, document, operation, variables);
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
