// What each code of the API's ErrorCode list (schema.graphql, generated into ../generated/enums.ts)
// means at a cell: how it shows, and what the person should do. A Record over ErrorCode, so a code
// added to the schema does not compile until it is given its advice here.
import type { ErrorCode } from '../generated/enums.js';
import { TideError, type TideErrorKind } from './errors.js';

interface CodeHandling {
  kind: TideErrorKind;
  /**
   * Put before the server's message (Excel cuts long messages, so the advice goes first). Null where
   * the server's own message already says what to change, naming the argument or the id.
   */
  advice: string | null;
}

const SPLIT_REQUEST = 'Too much for one request: split it into several formulas (fewer ids, shorter ranges each)';
const UPDATE_ADDIN = "The add-in and the Tide server do not match: reload the add-in (or ask for the server's current version)";

export const ERROR_CODE_HANDLING: Readonly<Record<ErrorCode, CodeHandling>> = {
  BAD_USER_INPUT: { kind: 'badArgument', advice: null },
  NOT_FOUND: { kind: 'notFound', advice: null },
  // Nothing in the range, or asOf before the earliest vintage: the server's message names the dates that would work.
  NO_DATA: { kind: 'notFound', advice: null },
  RESPONSE_TOO_LARGE: { kind: 'tooLarge', advice: 'Too many values for one formula: split it into several with shorter start-end ranges, or ask for a lower frequency' },
  QUERY_TOO_COMPLEX: { kind: 'tooLarge', advice: SPLIT_REQUEST },
  QUERY_TOO_DEEP: { kind: 'server', advice: UPDATE_ADDIN },
  TOO_MANY_ALIASES: { kind: 'tooLarge', advice: SPLIT_REQUEST },
  TOO_MANY_FIELDS: { kind: 'tooLarge', advice: SPLIT_REQUEST },
  QUERY_TOO_LARGE: { kind: 'tooLarge', advice: SPLIT_REQUEST },
  DEADLINE_EXCEEDED: { kind: 'timeout', advice: 'The Tide server took too long: split it into several formulas with shorter ranges, or recalculate when it is less busy' },
  BAD_REQUEST: { kind: 'server', advice: 'The Tide server refused the request: check the API URL in the Tide task pane, or reload the add-in' },
  UNAUTHENTICATED: { kind: 'unauthorised', advice: 'Enter a valid API key in the Tide task pane' },
  SERVICE_UNAVAILABLE: { kind: 'unavailable', advice: 'The Tide server is busy: recalculate in a few seconds' },
  SERVICE_OVERLOADED: { kind: 'unavailable', advice: 'The Tide server is busy: recalculate in a few seconds' },
  INTERNAL_SERVER_ERROR: { kind: 'server', advice: 'A fault on the Tide server (logged there): recalculate, and report it if it persists' },
  // Raised by an ingest, never by a read: a cell could only see it through a server that stores as it answers.
  ITEM_TOO_LARGE: { kind: 'server', advice: "The Tide server could not store a series (an item over the store's size limit); report it" },
  GRAPHQL_PARSE_FAILED: { kind: 'server', advice: UPDATE_ADDIN },
  GRAPHQL_VALIDATION_FAILED: { kind: 'server', advice: UPDATE_ADDIN },
  PERSISTED_QUERY_NOT_FOUND: { kind: 'unavailable', advice: 'The server had not seen this request yet: recalculate' },
  PERSISTED_QUERY_NOT_SUPPORTED: { kind: 'server', advice: UPDATE_ADDIN },
  PERSISTED_QUERY_HASH_MISMATCH: { kind: 'server', advice: UPDATE_ADDIN },
  OPERATION_RESOLUTION_FAILURE: { kind: 'server', advice: UPDATE_ADDIN },
};

// hasOwnProperty, not Object.hasOwn: older Office webviews lack ES2022.
const isKnownCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODE_HANDLING, code);

/** The cell's error for a GraphQL error with `extensions.code` = `code` and the server's `message`. */
export function errorForCode(code: unknown, message: string): TideError {
  if (!isKnownCode(code)) {
    // A code from a newer server: still shown, with the code so it can be looked up.
    return new TideError('server', code === undefined || code === null ? message : `${message} (${String(code)})`);
  }
  const { kind, advice } = ERROR_CODE_HANDLING[code];
  return new TideError(kind, advice ? `${advice}. ${message}` : message);
}
