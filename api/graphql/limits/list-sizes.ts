import { valueFromASTUntyped, visit, type DocumentNode } from 'graphql';
import { MAX_PAGE_SIZE } from '../../services/search.js';
import { graphqlError } from '../errors.js';

/**
 * Refuses a page size outside 1..MAX_PAGE_SIZE wherever a `first` argument appears, before the
 * cost is computed: the cost multiplies by it, so a negative one would make any query look cheap.
 * One pass over the document's nodes (fragments are visited once, where they are defined).
 */
export function checkListSizes(document: DocumentNode, variables: Record<string, unknown>): void {
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'first') return;
      const first = valueFromASTUntyped(node.value, variables) as number | null | undefined;
      // Absent, the default page size applies; not a number, Apollo refuses the variable itself.
      if (typeof first !== 'number') return;
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
        throw graphqlError('BAD_USER_INPUT', `"first" must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${first}`, { argumentName: 'first', httpStatus: 400 });
      }
    },
    // Arguments inside directives are not list sizes.
    Directive: () => false,
  });
}
