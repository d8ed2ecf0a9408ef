// The frequency an indicator is computed at: the one asked for, else the inputs' own.
import { badInput } from '../../errors/domain-error.js';
import type { IndicatorName } from '../../generated/enums.js';
import { isLowerOrEqual } from '../../series/periods.js';
import type { Frequency, SeriesMeta } from '../../series/types.js';

/** RELATIVE_VOL compares weekly returns unless told otherwise (daily noise and holidays cancel less). */
const PREFERRED: Partial<Record<IndicatorName, Frequency>> = { RELATIVE_VOL: 'WEEKLY' };

export function chooseFrequency(name: IndicatorName, metas: SeriesMeta[], requested?: Frequency | null): Frequency {
  if (requested) return requested; // a frequency higher than an input's is rejected when that input is read
  const preferred = PREFERRED[name];
  if (preferred && metas.every((m) => isLowerOrEqual(preferred, m.frequency))) return preferred;
  const natives = [...new Set(metas.map((m) => m.frequency))];
  if (natives.length > 1) {
    const lowest = natives.reduce((a, b) => (isLowerOrEqual(a, b) ? a : b));
    const listed = metas.map((m) => `${m.id} is ${m.frequency}`).join(', ');
    throw badInput(`The inputs have different frequencies (${listed}); pass frequency: ${lowest} (or lower) to convert them to one`, 'frequency');
  }
  return natives[0];
}
