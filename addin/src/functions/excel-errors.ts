// Which Excel error a failure becomes: bad arguments are #VALUE! (the formula must change);
// everything else is #N/A (no value to show, for the reason in the message).
import { asTideError, type TideError } from '../shared/errors.js';

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

/** Runs a function body and turns any failure into the runtime's CustomFunctions.Error. */
export async function asExcelResult<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    const { code, message } = excelErrorFor(e);
    throw new CustomFunctions.Error(code, message);
  }
}
