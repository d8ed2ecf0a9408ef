// indicator(name, inputs, window, frequency, from, to, asOf): reads the inputs as known on asOf at
// one frequency, with enough history before `from` for warm-ups, computes, and trims to the range.
import { badInput } from '../../errors/domain-error.js';
import { validateRange } from '../observations.js';
import { refuseUnparsable } from '../expressions.js';
import { computeFirstRelease } from './first-release.js';
import { chooseFrequency } from './frequency.js';
import { readInput, requireMeta, requireValues, type SeriesReader } from './inputs.js';
import { INDICATORS } from '../../indicators/registry.js';
import { trimColumns } from '../../series/range.js';
import type { IndicatorSpec } from '../../indicators/spec.js';
import { readStart, resolveWindow } from './windows.js';
import { assertMinObservations } from '../../indicators/validate.js';
import type { IndicatorArgs, IndicatorOutput } from './indicator-types.js';

function checkShape(args: IndicatorArgs, spec: IndicatorSpec): void {
  const n = spec.inputs.length;
  if (args.inputs.length !== n) {
    throw badInput(`${args.name} takes ${n} input${n > 1 ? 's' : ''} (${spec.inputs.join(', ')}); got ${args.inputs.length}`, 'inputs');
  }
  if (!spec.rolling && args.window != null) throw badInput(`${args.name} has no window; leave window out`, 'window');
  if (!spec.rolling && args.minObservations != null) throw badInput(`${args.name} has no window, so no minObservations; leave it out`, 'minObservations');
}

// async, so a failure before the first read still arrives as a rejection
export async function computeIndicator(reader: SeriesReader, args: IndicatorArgs): Promise<IndicatorOutput> {
  return args.release === 'FIRST' ? computeFirstRelease(reader, args, computeAsKnown) : computeAsKnown(reader, args);
}

/** The indicator over its inputs as known on asOf (the latest values when absent). */
async function computeAsKnown(reader: SeriesReader, args: IndicatorArgs): Promise<IndicatorOutput> {
  const spec = INDICATORS[args.name];
  checkShape(args, spec);
  validateRange(args.from, args.to);
  for (const id of args.inputs) refuseUnparsable(id, 'inputs'); // before any input is read
  const metas = await Promise.all(args.inputs.map((id) => requireMeta(reader, id)));
  const frequency = chooseFrequency(args.name, metas, args.frequency);
  const window = spec.rolling ? resolveWindow(args.window, frequency) : 0;
  const minObservations = args.minObservations ?? window;
  if (spec.rolling) assertMinObservations(minObservations, window);
  const warmUp = spec.warmUp(window);
  const readFrom = args.from && warmUp > 0 ? readStart(args.from, frequency, warmUp) : (args.from ?? undefined);
  const inputs = await Promise.all(metas.map((meta) => readInput(reader, meta, { frequency, readFrom, to: args.to, asOf: args.asOf })));
  // CHANGE starts from the last value on or before `from`, so only data up to `to` must exist.
  const needed = args.name === 'CHANGE' ? { to: args.to, asOf: args.asOf } : { from: args.from, to: args.to, asOf: args.asOf };
  for (const input of inputs) requireValues(input, needed, frequency);
  const out = spec.compute(inputs, { window, minObservations, frequency, from: args.from, to: args.to });
  const { dates, values } = spec.output === 'series' ? trimColumns(out, args, frequency) : out;
  const meta = { frequency, ...(spec.rolling ? { window, minObservations } : {}), asOf: args.asOf ?? null, release: 'LATEST', ...out.meta };
  return { name: args.name, inputs: [...args.inputs], dates, values, unit: out.unit, meta };
}
