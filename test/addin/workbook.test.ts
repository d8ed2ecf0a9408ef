// The committed sample workbook: current with its generator, readable by a reader independent of the
// exceljs writer (helpers/read-xlsx.ts follows the package's relationships as Excel does), every formula a dynamic array calling a TIDE function with a valid argument count,
// and its charts pointing below the spills they plot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkbook, SAMPLE } from '../../addin/scripts/workbook.js';
import { SHEETS } from '../../addin/scripts/workbook-spec.js';
import { DIST } from '../../addin/scripts/build.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { topLevelArgs } from '../../support/addin/formula-args.js';
import { readXlsx, type ReadWorkbook } from './helpers/read-xlsx.js';

let committed: JSZip;
let read: ReadWorkbook;

beforeAll(async () => {
  await ensureAddinBuilt();
  const bytes = readFileSync(SAMPLE);
  committed = await JSZip.loadAsync(bytes);
  read = await readXlsx(bytes);
}, 60_000);

describe('sample workbook', () => {
  it('is what the generator writes today (run npm run addin:workbook after changing the spec)', async () => {
    const fresh = await JSZip.loadAsync(await buildWorkbook());
    const parts = Object.keys(fresh.files)
      .filter((p) => !p.endsWith('/') && p !== 'docProps/core.xml')
      .sort();
    expect(
      Object.keys(committed.files)
        .filter((p) => !p.endsWith('/') && p !== 'docProps/core.xml')
        .sort(),
    ).toEqual(parts);
    for (const p of parts) expect(await committed.file(p)!.async('string'), p).toBe(await fresh.file(p)!.async('string'));
  });

  it('has one sheet per analysis, each formula calling a TIDE function with a valid number of arguments', () => {
    expect(Object.keys(read)).toEqual(SHEETS.map((s) => s.name));
    const fns = new Map((JSON.parse(readFileSync(join(DIST, 'functions.json'), 'utf8')).functions as { id: string; parameters: { optional?: boolean }[] }[]).map((f) => [f.id, f.parameters]));
    const all = Object.values(read).flatMap((s) => Object.values(s.formulas));
    expect(all.length).toBe(SHEETS.reduce((n, s) => n + s.spills.length + (s.scalars?.length ?? 0), 0));
    for (const f of all) {
      const id = /^=_xldudf_TIDE_([A-Z]+)\(/.exec(f)?.[1];
      expect(fns.has(id!), f).toBe(true);
      const params = fns.get(id!)!;
      const n = topLevelArgs(f).length;
      expect(n, f).toBeLessThanOrEqual(params.length);
      expect(n, f).toBeGreaterThanOrEqual(params.filter((p) => !p.optional).length);
    }
    const used = new Set(all.map((f) => /TIDE_([A-Z]+)/.exec(f)![1]));
    for (const needed of ['CHANGE', 'SERIES', 'CORR', 'RELVOL', 'POSITIONING', 'CUTPROB']) expect(used).toContain(needed);
  });

  it('rebuilds its As of sheet as of the date in B3: every formula there passes B3 as its asOf', () => {
    const fns = new Map(
      (JSON.parse(readFileSync(join(DIST, 'functions.json'), 'utf8')).functions as { id: string; parameters: { name: string }[] }[]).map((f) => [f.id, f.parameters.map((p) => p.name)]),
    );
    const formulas = Object.values(read['As of'].formulas);
    expect(formulas.length).toBeGreaterThanOrEqual(4);
    for (const f of formulas) {
      const id = /^=_xldudf_TIDE_([A-Z]+)\(/.exec(f)![1];
      expect(topLevelArgs(f)[fns.get(id)!.indexOf('asOf')], f).toBe('B3');
    }
  });

  it('marks every formula as a dynamic array so results spill', async () => {
    expect(await committed.file('xl/_rels/workbook.xml.rels')!.async('string')).toContain('Target="metadata.xml"');
    expect(await committed.file('[Content_Types].xml')!.async('string')).toContain('/xl/metadata.xml');
    expect(await committed.file('xl/metadata.xml')!.async('string')).toContain('fDynamic="1"');
    for (let i = 1; i <= SHEETS.length; i++) {
      const xml = await committed.file(`xl/worksheets/sheet${i}.xml`)!.async('string');
      const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f[^>]*>_xldudf/g)].map((m) => m[0]);
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) expect(c, c).toMatch(/ cm="1"><f t="array" ref="([A-Z]+\d+)">/);
    }
  });

  it('charts every analysis sheet, plotting the rows under each spill', () => {
    for (const spec of SHEETS) {
      const charts = read[spec.name].charts;
      expect(charts.map((c) => c.title)).toEqual((spec.charts ?? []).map((c) => c.title));
      for (const [k, chart] of charts.entries()) {
        expect(chart.type).toBe(spec.charts![k].kind === 'line' ? 'lineChart' : 'barChart');
        for (const ref of chart.values) {
          const [, column, firstRow] = /!\$([A-Z]+)\$(\d+):/.exec(ref)!;
          // Each plotted column starts one row under a spill anchor with a header row (TRUE).
          const anchor = spec.spills.find((s) => {
            const [, c, r] = /^([A-Z]+)(\d+)$/.exec(s.cell)!;
            const col = (x: string) => x.charCodeAt(0) - 64;
            return Number(r) + 1 === Number(firstRow) && col(column) - col(c) >= 0 && col(column) - col(c) <= 3;
          });
          expect(anchor, `${spec.name} ${ref}`).toBeDefined();
        }
      }
    }
    expect(Object.values(read).flatMap((s) => s.charts)).toHaveLength(6);
  });
});
