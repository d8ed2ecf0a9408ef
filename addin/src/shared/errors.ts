// Every failure a cell can show, classified once so each layer can pass it on unchanged. The API's
// error codes map to these kinds, with advice, in error-codes.ts.

export type TideErrorKind =
  | 'badArgument' // the formula's arguments are wrong: #VALUE!
  | 'notFound' // unknown id or no data where data was asked for: #N/A
  | 'unreachable' // no HTTP answer (network down, wrong URL, refused): #N/A
  | 'timeout' // the server accepted but did not answer in time: #N/A
  | 'unauthorised' // missing or wrong API key: #N/A
  | 'unavailable' // the server is busy for a moment (throttled store): retried, then #N/A
  | 'tooLarge' // the formula asks for more than one request may carry: split it, #N/A
  | 'server'; // the server answered with an error it did not classify: #N/A

export class TideError extends Error {
  constructor(
    readonly kind: TideErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'TideError';
  }
}

/** A bad argument: names the argument, says why, and what would be accepted. */
export class ArgumentError extends TideError {
  constructor(
    readonly argument: string,
    reason: string,
  ) {
    super('badArgument', `${argument}: ${reason}`);
    this.name = 'ArgumentError';
  }
}

/** Any thrown value as a TideError, keeping its message. */
export function asTideError(e: unknown): TideError {
  if (e instanceof TideError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new TideError('server', message);
}
