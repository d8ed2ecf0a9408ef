// "Explain this cell" names the changes each input was reduced to and the unit of the answer,
// from the indicator's meta (one kind for VOLATILITY, one per input for pairs).
import { describe, expect, it } from 'vitest';
import type { FieldCall } from '../../addin/src/client/query.js';
import { steps } from '../../addin/src/taskpane/explain.js';

const call = (name: string, inputs: string[]) =>
  ({
    field: 'indicator',
    args: [
      { name: 'name', value: name },
      { name: 'inputs', value: inputs },
    ],
    selection: 'dates values',
  }) as unknown as FieldCall;

describe('explain: changes and units', () => {
  it("a pair: each input's changes, then the unit", () => {
    const meta = { frequency: 'DAILY', window: 63, unit: 'correlation', of: { RUT: { of: 'SIMPLE_RETURNS', unit: 'fraction' }, DGS2: { of: 'BP_CHANGES', unit: 'bp' } } };
    expect(steps(call('CORRELATION', ['RUT', 'DGS2']), meta)).toContain('of RUT simple returns, DGS2 bp changes, in correlation');
  });

  it('one input: its change kind and unit', () => {
    expect(steps(call('VOLATILITY', ['DGS2']), { of: 'BP_CHANGES', unit: 'bp', window: 250 })).toContain('of bp changes, in bp');
  });
});
