// Which Excel error a failure becomes: bad arguments are #VALUE! (the formula must change);
// everything else is #N/A (no value to show, for the reason in the message).
import { asTideError, type TideError } from '../shared/errors.js';
import { hostHas } from '../shared/host.js';

export type ExcelErrorCode = '#VALUE!' | '#N/A';

/** Excel truncates longer error messages; cut at a word so the message still reads. */
export const MAX_MESSAGE_LENGTH = 255;

export function excelErrorFor(e: unknown): { code: ExcelErrorCode; message: string } {
  const error: TideError = asTideError(e);
  const code: ExcelErrorCode = error.kind === 'badArgument' ? '#VALUE!' : '#N/A';
  return { code, message: shorten(error.message) };
}

function shorten(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message;
  const cut = message.slice(0, MAX_MESSAGE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_MESSAGE_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The error a function throws: CustomFunctions.Error (CustomFunctionsRuntime 1.2) shows its code and
 * message; before it, Excel shows #VALUE! for anything thrown, so a plain Error carries the message.
 */
export function excelError(code: ExcelErrorCode, message: string): CustomFunctions.Error | Error {
  if (!hostHas('functionErrors')) return new Error(message);
  return new CustomFunctions.Error(code === '#VALUE!' ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable, message);
}

/** Runs a function body and turns any failure into the error Excel shows. */
export async function asExcelResult<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    const { code, message } = excelErrorFor(e);
    throw excelError(code, message);
  }
}
