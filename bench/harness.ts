import { performance } from 'node:perf_hooks';

export interface Row {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | null;
  note?: string;
}

/** Median wall time in ms of `runs` calls after `warmup` calls. */
export async function medianMs(fn: () => unknown, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Medians of several functions measured in turn within each round (a, b, a, b, ...), so a figure and
 * its baseline see the same machine load and the same state of the allocator and collector.
 */
export async function interleavedMedianMs(fns: (() => unknown)[], runs = 15, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let f = 0; f < fns.length; f++) {
      const start = performance.now();
      await fns[f]();
      times[f].push(performance.now() - start);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

export const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
export const times = (n: number): string => `${n.toFixed(2)}×`;

export function printTable(rows: Row[]): void {
  const cols: (keyof Row)[] = ['figure', 'value', 'baseline', 'ratio', 'target'];
  const cells = rows.map((r) => [...cols.map((c) => String(r[c] ?? '')), r.met === null ? 'n/a' : r.met ? 'met' : 'MISSED']);
  const header = [...cols, 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
  for (const r of rows) if (r.note) console.log(`- ${r.figure}: ${r.note}`);
}
