// Pinning the workbook from the task pane: the date goes into the document settings (so it travels
// with the file), into the running functions, and Excel recalculates so every TIDE cell without
// its own asOf answers for it.
import { checkPin, readPin, savePin, type DocumentSettings } from '../client/pin.js';
import { todayIso } from '../shared/dates.js';

/** What the pane needs from the functions' runtime (the same page in Excel's shared runtime). */
export interface PinRuntime {
  pin(): string | undefined;
  setPin(pin: string | undefined): void;
  recalculate(): Promise<boolean>;
}

export interface PinChange {
  pin: string | undefined;
  previous: string | undefined;
  recalculated: boolean;
}

/** Why a date cannot be the pin, if it cannot. */
export function pinProblem(value: string, today = todayIso()): string | undefined {
  try {
    checkPin(value);
  } catch {
    return `"${value}" is not a date; pick one or type YYYY-MM-DD`;
  }
  if (value > today) return `${value} is after today: a pin must be a day whose data can be known`;
  return undefined;
}

export async function changePin(settings: DocumentSettings, runtime: PinRuntime, next: string | undefined, today = todayIso()): Promise<PinChange> {
  if (next !== undefined) {
    const problem = pinProblem(next, today);
    if (problem) throw new RangeError(problem);
  }
  const previous = readPin(settings);
  await savePin(settings, next);
  runtime.setPin(next);
  const recalculated = previous === next ? false : await runtime.recalculate();
  return { pin: next, previous, recalculated };
}

/** What the pane's banner says about the pin. */
export function pinBanner(pin: string | undefined): { text: string; pinned: boolean } {
  if (!pin) return { text: 'Live: TIDE cells show the latest values', pinned: false };
  const long = new Date(`${pin}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
  return { text: `Pinned to ${long}: TIDE cells show what was published by then`, pinned: true };
}
