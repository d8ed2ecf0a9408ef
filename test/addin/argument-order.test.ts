// The data functions share one argument order, read from the functions.json Excel loads:
// ids, window, start, end, frequency, then the function's own options, asOf, headers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../../addin/scripts/build.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';

const DATA_FUNCTIONS = ['SERIES', 'REVISIONS', 'VALUE', 'CHANGE', 'CORR', 'BETA', 'VOL', 'RELVOL', 'POSITIONING', 'SURPRISE', 'CUTPROB'];
const RANK: Record<string, number> = { window: 1, start: 2, date: 3, end: 3, frequency: 4, asOf: 6, headers: 7 };
const ID = 0;
const OPTION = 5;

let params: Map<string, string[]>;
beforeAll(async () => {
  await ensureAddinBuilt();
  const meta = JSON.parse(readFileSync(join(DIST, 'functions.json'), 'utf8')) as { functions: { id: string; parameters: { name: string }[] }[] };
  params = new Map(meta.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]));
}, 60_000);

/** Ids come before any named argument; unnamed ones after it are the function's options. */
function ranks(names: string[]): number[] {
  let seenNamed = false;
  return names.map((n) => {
    if (n in RANK) {
      seenNamed = true;
      return RANK[n];
    }
    return seenNamed ? OPTION : ID;
  });
}

describe('argument order of the TIDE data functions', () => {
  it('every data function takes asOf, just before headers where it has headers', () => {
    for (const id of DATA_FUNCTIONS) {
      const names = params.get(id)!;
      expect(names, id).toContain('asOf');
      const h = names.indexOf('headers');
      if (h >= 0) expect(names[h - 1], id).toBe('asOf');
    }
  });

  it('ids, window, start, end, frequency, options, asOf, headers: in that order in every one', () => {
    for (const id of DATA_FUNCTIONS) {
      const r = ranks(params.get(id)!);
      expect(r, `${id}(${params.get(id)!.join(', ')})`).toEqual([...r].sort((a, b) => a - b));
    }
  });

  it('CORR, BETA and RELVOL, the pair functions, take the same arguments', () => {
    expect(params.get('RELVOL')).toEqual(params.get('CORR'));
    expect(params.get('BETA')).toEqual(params.get('CORR'));
    expect(params.get('CORR')).toEqual(['a', 'b', 'window', 'start', 'end', 'frequency', 'options', 'asOf', 'headers']);
  });

  it('every function with a window takes options (minObservations) in the options slot, just before asOf', () => {
    const windowed = [...params]
      .filter(([, names]) => names.includes('window'))
      .map(([id]) => id)
      .sort();
    expect(windowed).toEqual(['BETA', 'CORR', 'RELVOL', 'VOL']);
    for (const id of windowed) {
      const names = params.get(id)!;
      expect(names.indexOf('options'), id).toBe(names.indexOf('asOf') - 1);
      expect(names.indexOf('options'), id).toBe(names.indexOf('frequency') + 1);
    }
    expect(params.get('VOL')).toEqual(['id', 'window', 'start', 'end', 'frequency', 'options', 'asOf', 'headers']);
  });
});
