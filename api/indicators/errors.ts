// One error type for every rejected indicator input, so the GraphQL layer can map it to
// `extensions.code` without inspecting messages.

/** NO_DATA: the inputs hold nothing to compute from (the one rule for empty ranges, docs/indicators.md). */
export type IndicatorErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'NO_DATA';

export class IndicatorInputError extends Error {
  readonly code: IndicatorErrorCode;
  /** The offending argument (e.g. `window`, `inputs`, `meeting`), for clients that highlight fields. */
  readonly argument: string;

  constructor(argument: string, message: string, code: IndicatorErrorCode = 'BAD_USER_INPUT') {
    super(message);
    this.name = 'IndicatorInputError';
    this.code = code;
    this.argument = argument;
  }
}
