// The indicators' error: a DomainError (no GraphQL inside pure math) that always names the argument
// it blames; the GraphQL layer maps every DomainError to `extensions.code` in one place.
import { DomainError, type ErrorCode } from '../errors/domain-error.js';

/**
 * The codes an indicator raises, a subset of the one list (ErrorCode, from schema.graphql), so a code
 * renamed or removed there fails to compile here. NO_DATA: the inputs hold nothing to compute from
 * (the one rule for empty ranges, docs/indicators.md).
 */
export type IndicatorErrorCode = Extract<ErrorCode, 'BAD_USER_INPUT' | 'NOT_FOUND' | 'NO_DATA'>;

export class IndicatorInputError extends DomainError {
  /** The offending argument (e.g. `window`, `inputs`, `meeting`), for clients that highlight fields. */
  declare readonly argument: string;

  constructor(argument: string, message: string, code: IndicatorErrorCode = 'BAD_USER_INPUT') {
    super(code, message, argument);
    this.name = 'IndicatorInputError';
  }
}
