// Pin, Explain and Freeze/Unfreeze against a stand-in of Excel.run and the document settings
// (support/addin/excel-stand-in.ts), with the add-in's real functions, runtime and answer
// cache calculating the sample workbook against the real local Tide server (dynalite + bundled data).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { cellRecord } from '../../addin/src/client/call-log.js';
import { PIN_SETTING, readPin, setWorkbookPin, workbookPin } from '../../addin/src/client/pin.js';
import { tideClient, workbookFetcher } from '../../addin/src/client/runtime.js';
import { recalculateWorkbook } from '../../addin/src/functions/recalculate.js';
import { explainCell, inlineQuery, selectedFormulaCell } from '../../addin/src/taskpane/explain.js';
import { staleNote } from '../../addin/src/taskpane/staleness.js';
import { asTyped, freeze, FROZEN_SHEET, frozenNote, frozenRecords, unfreeze } from '../../addin/src/taskpane/freeze.js';
import { changePin, pinProblem, type PinRuntime } from '../../addin/src/taskpane/workbook-pin.js';
import { isoToSerial } from '../../addin/src/shared/dates.js';
import type { ExcelApi } from '../../addin/src/shared/excel-api.js';
import { WorkbookStandIn } from '../../support/addin/excel-stand-in.js';
import { connect, evaluator } from './helpers/functions-runtime.js';
import { openSample, sampleCells } from '../../support/addin/sample-workbook.js';
import { closes } from '../../support/browser/data.js';
import { HOST_PROFILES, type HostProfile } from '../../support/addin/host-profiles.js';

let server: Awaited<ReturnType<typeof startLocalServer>>;
let book: WorkbookStandIn;
const evaluate = evaluator();
const excel = () => book.excel as unknown as ExcelApi;
const fetch = <T>(call: Parameters<ReturnType<typeof workbookFetcher>['fetch']>[0]) => workbookFetcher().fetch<T>(call);
const runtime = (): PinRuntime => ({ pin: workbookPin, setPin: setWorkbookPin, recalculate: () => recalculateWorkbook(excel()) });
const rut = closes('rut_daily_yahoo.csv');

/** Opens the sample as Excel does: the pin from the file's settings, then a full calculation. */
async function open(settings: Record<string, unknown> = {}, host: HostProfile = HOST_PROFILES.microsoft365): Promise<WorkbookStandIn> {
  setWorkbookPin(readPin({ get: (n) => settings[n] ?? null, set() {}, remove() {}, saveAsync() {} }));
  book = await openSample(evaluate, settings, host);
  return book;
}

const spill = (address: string) => book.layout(book.sheet(address.split('!')[0].replace(/'/g, ''))!);

/** The dated rows a spill shows, read through Excel.run as the add-in would. */
async function shownRows(address: string): Promise<unknown[][]> {
  return excel().run(async (ctx) => {
    const [sheet, cell] = address.split('!');
    const anchor = ctx.workbook.worksheets.getItem(sheet).getRange(cell);
    const range = anchor.getSpillingToRangeOrNullObject().load('values');
    await ctx.sync();
    return range.values;
  });
}

beforeAll(async () => {
  server = await startLocalServer({});
  connect(server);
}, 120_000);
afterAll(() => server?.close());

describe('pin the workbook to a date', () => {
  it('stores the pin in the document settings, recalculates, and every TIDE cell without asOf answers for it with one batch', async () => {
    await open();
    const live = await shownRows('Run-up!A11');
    expect(live.at(-1)![0]).toBe(isoToSerial('2024-07-31')); // B4, the end date
    void spill;

    const before = tideClient().stats.requests;
    const change = await changePin(book.settings as never, runtime(), '2024-07-20', '2026-11-27');
    expect(change).toEqual({ pin: '2024-07-20', previous: undefined, recalculated: true });
    expect(book.savedSettings[PIN_SETTING]).toBe('2024-07-20'); // saved into the file
    expect(book.log.calculations).toEqual(['Full']);
    expect(tideClient().stats.requests - before).toBe(1); // the new date: one batch

    const pinned = await shownRows('Run-up!A11');
    // The last close known on Saturday 2024-07-20 is Friday's; rebased to 100 on 2024-06-03.
    expect(pinned[0]).toEqual(['Date', 'RUT']);
    expect(pinned.at(-1)![0]).toBe(isoToSerial('2024-07-19'));
    const base = rut.values[rut.dates.indexOf('2024-06-03')];
    expect(pinned.at(-1)![1]).toBeCloseTo((100 * rut.values[rut.dates.indexOf('2024-07-19')]) / base, 9);
    // A cell's own asOf wins over the pin: the Cut odds sheet asks for prices as of B3 (2024-08-16).
    expect(book.cellAt("'Cut odds'!A6").shown).toBe('Lower bound');
    const cutCalls = cellRecord("'Cut odds'!A6")!.calls;
    expect(cutCalls.map((c) => c.call.args.find((a) => a.name === 'asOf')?.value)).toEqual(['2024-08-16']);
  });

  it('reopening a pinned workbook: the pin comes from the file and no request is sent', async () => {
    const saved = { ...book.savedSettings };
    const before = tideClient().stats.requests;
    await workbookFetcher().flushCache();
    await open(saved);
    expect(workbookPin()).toBe('2024-07-20');
    expect((await shownRows('Run-up!A11')).at(-1)![0]).toBe(isoToSerial('2024-07-19'));
    expect(tideClient().stats.requests - before).toBe(0);
  });

  it('unpinning removes the setting and brings back the latest values; bad dates are refused', async () => {
    await changePin(book.settings as never, runtime(), undefined, '2026-11-27');
    expect(PIN_SETTING in book.savedSettings).toBe(false);
    expect((await shownRows('Run-up!A11')).at(-1)![0]).toBe(isoToSerial('2024-07-31'));
    expect(pinProblem('2024-02-30')).toBe('"2024-02-30" is not a date; pick one or type YYYY-MM-DD');
    expect(pinProblem('2030-01-01', '2026-11-27')).toBe('2030-01-01 is after today: a pin must be a day whose data can be known');
    await expect(changePin(book.settings as never, runtime(), '2030-01-01', '2026-11-27')).rejects.toThrow(/after today/);
  });
});

describe('explain this cell', () => {
  it('a cell of a spilled series: the function, the query with the pin as asOf, the series, its vintage and the steps', async () => {
    await changePin(book.settings as never, runtime(), '2024-07-20', '2026-11-27');
    book.select('Run-up', 'B15'); // inside the spill of A11
    const cell = await selectedFormulaCell(excel());
    expect(cell).toEqual({ address: "'Run-up'!A11", formula: '=TIDE.SERIES("RUT","2024-06-01",B4,,"REBASE_100",,TRUE)', spillKnown: true });
    const e = await explainCell(cell, cellRecord, fetch, '2026-11-27');
    if (e.kind !== 'explained') throw new Error(e.kind);
    expect(e.fn).toBe('SERIES');
    expect(e.args).toEqual(['RUT', '2024-06-01', isoToSerial('2024-07-31'), null, 'REBASE_100', null, true]);
    expect(e.calls).toHaveLength(1);
    expect(e.calls[0].query).toBe(
      'query {\n  series(id: "RUT") {\n    id observations(from: "2024-06-01", to: "2024-07-31", transform: REBASE_100, asOf: "2024-07-20") {\n      dates values\n    }\n  }\n}',
    );
    expect(e.calls[0]).toMatchObject({ asOf: '2024-07-20', final: true, steps: ['RUT: observations 2024-06-01 to 2024-07-31, as published by 2024-07-20', 'transformed: REBASE_100'] });
    expect(e.series).toEqual([
      expect.objectContaining({
        id: 'RUT',
        name: 'Russell 2000 Index',
        unit: 'Index',
        source: expect.objectContaining({ name: 'Yahoo Finance', sourceId: '^RUT' }),
        vintage: '2024-07-19',
        latest: { date: '2024-07-19', value: rut.values[rut.dates.indexOf('2024-07-19')], realtimeStart: '2024-07-19' },
      }),
    ]);
    expect(e.series[0].source.url).toMatch(/^https:\/\//);
    // The bundled RUT closes end 2024-12-31 (a Tuesday; data/real/rut_daily_yahoo.csv) and no ingest
    // keeps it here. It trades on the NYSE calendar (data/catalog.json): 2025-01-01 is closed, so the
    // next close, 01-02's, was due by 2025-01-03 (series/publisher-calendar.ts), long past: the pane says so.
    expect(e.series[0].freshness).toEqual({ lastObservation: '2024-12-31', lastChecked: null, expectedBy: '2025-01-03', expectedFrom: 'CALENDAR', calendar: 'the NYSE trading calendar', stale: true });
    expect(staleNote(e.series[0].freshness)).toBe(
      'Stale: the next value was due by 2025-01-03 (the NYSE trading calendar) and has not arrived (last observation 2024-12-31; no scheduled ingest keeps it).',
    );
    expect(staleNote({ ...e.series[0].freshness, expectedFrom: 'RULE', calendar: null })).toContain('due by 2025-01-03 (estimated from the usual publication lag) and');
    expect(staleNote({ ...e.series[0].freshness, expectedFrom: 'RULE', calendar: "BLS's CPI release schedule" })).toContain("(estimated: BLS's CPI release schedule has no date that far)");
    expect(staleNote({ ...e.series[0].freshness, lastChecked: '2025-01-09T23:40:00.000Z' })).toContain('the source was last checked 2025-01-09');
    expect(staleNote({ ...e.series[0].freshness, stale: false })).toBeNull();
    // The copied query runs as it is.
    const res = await globalThis.fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
      body: JSON.stringify({ query: e.calls[0].query }),
    });
    const body = (await res.json()) as { data: { series: { observations: { dates: string[] } } } };
    expect(body.data.series.observations.dates.at(-1)).toBe('2024-07-19');
  });

  it('CHANGE shows the indicator meta; POSITIONING names the CFTC series behind it; other cells are not explained', async () => {
    const change = await explainCell({ address: "'Run-up'!B6", formula: '=TIDE.CHANGE("RUT",B3,B4)' }, cellRecord, fetch, '2026-11-27');
    if (change.kind !== 'explained') throw new Error(change.kind);
    // Pinned to 2024-07-20: the change runs to the last close known then.
    expect(change.calls[0].meta).toMatchObject({ start: { date: '2024-07-09' }, end: { date: '2024-07-19' }, measure: 'RELATIVE', asOf: '2024-07-20' });
    expect(change.calls[0].steps.at(-1)).toBe('CHANGE, 2024-07-09 to 2024-07-31');

    const cot = await explainCell({ address: 'CFTC!A3', formula: '=TIDE.POSITIONING("239742","ASSET_MANAGER",,,"LONG_SHARE",,,TRUE)' }, cellRecord, fetch, '2026-11-27');
    if (cot.kind !== 'explained') throw new Error(cot.kind);
    expect(cot.series.map((s) => s.id)).toEqual(['CFTC_239742_F_ASSET_MGR_LONG', 'CFTC_239742_F_ASSET_MGR_SHORT', 'CFTC_239742_F_OPEN_INTEREST']);
    expect(cot.series.every((s) => s.source.name === 'CFTC' && s.unit === 'Contracts')).toBe(true);
    // Weekly reports are published the Friday after their Tuesday: the last one known on Sat 2024-07-20 came out on 07-19.
    expect(cot.series[0].vintage).toBe('2024-07-19');

    expect(await explainCell({ address: 'About!A1', formula: 'Small caps' }, cellRecord, fetch)).toMatchObject({ kind: 'none' });
    expect(await explainCell({ address: 'Other!Z9', formula: '=TIDE.VALUE("RUT")' }, cellRecord, fetch)).toMatchObject({ kind: 'not-calculated' });
  });

  it('an expression cell: =TIDE.SERIES("RUT / QQQ") and =TIDE.CORR("RUT/QQQ","DGS2",…) answer and list every operand with its source and vintage', async () => {
    book.addSheet('Ratios');
    await book.setCells('Ratios!A1', [['=TIDE.SERIES("RUT / QQQ","2024-07-01","2024-07-31")', null, '=TIDE.CORR("RUT/QQQ","DGS2",63,"2024-07-18","2024-07-18")']]);
    // Pinned to 2024-07-20: the ratio's last row is the last day both closes were known.
    const qqq = closes('qqq_daily_yahoo.csv');
    const rows = await shownRows('Ratios!A1');
    expect(rows.at(-1)).toEqual([isoToSerial('2024-07-19'), rut.values[rut.dates.indexOf('2024-07-19')]! / qqq.values[qqq.dates.indexOf('2024-07-19')]!]);
    // DGS2 of a day is published the next business day (H.15): as of Saturday 07-20 the last is 07-18.
    expect(book.cellAt('Ratios!C1').shown).toEqual(expect.any(Number)); // a correlation, not an error
    for (const [address, formula] of [
      ['Ratios!A1', '=TIDE.SERIES("RUT / QQQ","2024-07-01","2024-07-31")'],
      ['Ratios!C1', '=TIDE.CORR("RUT/QQQ","DGS2",63,"2024-07-18","2024-07-18")'],
    ]) {
      const e = await explainCell({ address, formula }, cellRecord, fetch, '2026-11-27');
      if (e.kind !== 'explained') throw new Error(`${address}: ${e.kind}`);
      expect(e.series.map((s) => [s.id, s.source.name, s.vintage])).toEqual(
        address === 'Ratios!A1'
          ? [
              ['RUT', 'Yahoo Finance', '2024-07-19'],
              ['QQQ', 'Yahoo Finance', '2024-07-19'],
            ]
          : [
              ['RUT', 'Yahoo Finance', '2024-07-19'],
              ['QQQ', 'Yahoo Finance', '2024-07-19'],
              ['DGS2', 'FRED', '2024-07-19'],
            ],
      );
    }
  });

  it('writes every argument of the query out, enums bare and lists bracketed', () => {
    const q = inlineQuery({
      field: 'indicator',
      args: [
        { name: 'name', type: 'IndicatorName!', value: 'CORRELATION' },
        { name: 'inputs', type: '[ID!]!', value: ['RUT', 'DGS2'] },
        { name: 'window', type: 'Int', value: 60 },
        { name: 'from', type: 'Date', value: undefined },
      ],
      selection: 'dates values',
    });
    expect(q).toBe('query {\n  indicator(name: CORRELATION, inputs: ["RUT", "DGS2"], window: 60) {\n    dates values\n  }\n}');
  });
});

describe('freeze and unfreeze', () => {
  it('freezing the sheet writes the values shown, a note on each formula cell and the formulas in a very hidden sheet; unfreezing restores them byte for byte', async () => {
    await changePin(book.settings as never, runtime(), undefined, '2026-11-27');
    // A formula written with unusual spacing and case, and a cell note of the user's own.
    await book.setCells("'Run-up'!C8", [['=1+TIDE.VALUE( "RUT" , B3 )*0']]);
    await excel().run(async (ctx) => {
      ctx.workbook.notes.add("'Run-up'!B6", 'my own note');
      await ctx.sync();
    });
    const formulas = Object.fromEntries(
      sampleCells()
        .filter((c) => c.sheet === 'Run-up' && String(c.content).startsWith('='))
        .map((c) => [c.cell, c.content]),
    );
    formulas.C8 = '=1+TIDE.VALUE( "RUT" , B3 )*0';
    const shownBefore = Object.fromEntries(Object.keys(formulas).map((c) => [c, book.cellAt(`'Run-up'!${c}`).shown]));
    const spillBefore = await shownRows('Run-up!A11');
    expect(typeof shownBefore.B6).toBe('number');

    book.select('Run-up', 'A1');
    const frozen = await freeze(excel(), 'sheet', { now: new Date('2026-11-27T09:30:00Z') });
    expect(frozen.map((r) => r.cell).sort()).toEqual(Object.keys(formulas).sort());
    for (const [cell, formula] of Object.entries(formulas)) {
      const c = book.cellAt(`'Run-up'!${cell}`);
      expect(c.formula, cell).toBeUndefined();
      expect(c.value, cell).toEqual(shownBefore[cell]);
    }
    // The spill became plain values, every row as it was.
    const a11 = frozen.find((r) => r.cell === 'A11')!;
    expect(a11.range).toBe(`A11:B${10 + spillBefore.length}`);
    const after = await excel().run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Run-up').getRange(a11.range).load(['values', 'formulas']);
      await ctx.sync();
      return { values: r.values, formulas: r.formulas };
    });
    expect(after.values).toEqual(spillBefore);
    expect(after.formulas.flat().some((f) => String(f).startsWith('='))).toBe(false);
    expect(book.cellAt("'Run-up'!A12").numberFormat).toBeUndefined(); // formats untouched
    // Notes say it was frozen and when.
    expect(book.cellAt("'Run-up'!B6").note).toBe(
      'Frozen by Tide on 2026-11-27 09:30 UTC: values of =TIDE.CHANGE("RUT",B3,B4), latest values on 2026-11-27. Unfreeze in the Tide task pane restores the formula.',
    );
    expect(book.cellAt("'Run-up'!A11").note).toBe(frozenNote(a11));
    // The formulas are kept in a very hidden sheet, as text.
    expect(book.sheet(FROZEN_SHEET)!.visibility).toBe('VeryHidden');
    expect((await frozenRecords(excel())).map((r) => r.formula).sort()).toEqual(Object.values(formulas).sort());

    const restored = await unfreeze(excel(), 'sheet');
    expect(restored).toHaveLength(Object.keys(formulas).length);
    for (const [cell, formula] of Object.entries(formulas)) expect(book.cellAt(`'Run-up'!${cell}`).formula, cell).toBe(formula);
    expect(book.cellAt("'Run-up'!B6").note).toBe('my own note');
    expect(book.cellAt("'Run-up'!B7").note).toBeUndefined();
    expect(book.sheet(FROZEN_SHEET)).toBeUndefined();
    // Recalculated from the restored formulas: the same numbers, the spill back.
    expect(await shownRows('Run-up!A11')).toEqual(spillBefore);
    expect(book.cellAt("'Run-up'!B6").shown).toBe(shownBefore.B6);
  });

  it('freezing a selection inside a spilled array freezes that formula only, with the pin as its asOf; unfreeze of the selection restores it', async () => {
    await changePin(book.settings as never, runtime(), '2024-07-20', '2026-11-27');
    book.select('Correlation', 'B10');
    const asOfOf = (address: string) =>
      cellRecord(address)
        ?.calls.map((c) => c.call.args.find((a) => a.name === 'asOf')?.value)
        .find((v) => typeof v === 'string') as string | undefined;
    const [record] = await freeze(excel(), 'selection', { pin: '2024-07-20', asOfOf, now: new Date('2026-11-27T10:00:00Z') });
    expect(record).toMatchObject({ sheet: 'Correlation', cell: 'A3', formula: '=TIDE.CORR("RUT","DGS2",60,"2023-01-01","2024-12-31",,,,TRUE)', asOf: '2024-07-20', pin: '2024-07-20' });
    expect(book.cellAt('Correlation!A3').formula).toBeUndefined();
    expect(book.cellAt('Run-up!B6').formula).toBe('=TIDE.CHANGE("RUT",B3,B4)'); // other sheets untouched
    await unfreeze(excel(), 'selection');
    expect(book.cellAt('Correlation!A3').formula).toBe(record.formula);
  });

  it('where Excel has no notes API, freezing still keeps and restores the formula, and writes no note', async () => {
    book.select('Run-up', 'B7');
    const [record] = await freeze(excel(), 'selection', { notes: false });
    expect(record).toMatchObject({ cell: 'B7', formula: '=TIDE.CHANGE("RUT",B3,B4,"MAX_RUNUP")', previousNote: null });
    expect(book.cellAt('Run-up!B7')).toMatchObject({ formula: undefined, note: undefined });
    expect(typeof book.cellAt('Run-up!B7').value).toBe('number');
    await unfreeze(excel(), 'selection', { notes: false });
    expect(book.cellAt('Run-up!B7').formula).toBe(record.formula);
  });

  it('text that Excel would read as a number stays text', async () => {
    expect(asTyped('0.5')).toBe("'0.5");
    expect(asTyped('RUT')).toBe('RUT');
    expect(asTyped(0.5)).toBe(0.5);
    await excel().run(async (ctx) => {
      ctx.workbook.worksheets.getItem('About').getRange('Z1:Z2').values = [[asTyped('0.5')], [asTyped('=1')]];
      await ctx.sync();
    });
    expect(book.cellAt('About!Z1')).toMatchObject({ value: '0.5', formula: undefined });
    expect(book.cellAt('About!Z2')).toMatchObject({ value: '=1', formula: undefined });
  });
});

describe('on an Excel below ExcelApi 1.12 and 1.18 (Excel on Mac 16.35, support/addin/host-profiles.ts)', () => {
  const extentOf = (address: string) => cellRecord(address)?.extent;

  it('the spill and note APIs fail there, as Excel fails them: the guarded paths are the ones that run', async () => {
    await open({}, HOST_PROFILES.mac16_35);
    book.select('Run-up', 'A1');
    await expect(freeze(excel(), 'sheet')).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(freeze(excel(), 'sheet', { notes: false })).rejects.toThrow(/getSpillingToRangeOrNullObject needs ExcelApi 1.12/);
    await expect(selectedFormulaCell(excel())).rejects.toThrow(/getSpillParentOrNullObject needs ExcelApi 1.12/);
  });

  it("freezing takes each array's size from what its function returned, and unfreezing restores every formula", async () => {
    book.select('Run-up', 'A1');
    const spillBefore = book.layout(book.sheet('Run-up')!).spills.get('10,0')!; // A11's array
    const shownBefore = book.cellAt("'Run-up'!B20").shown;
    const frozen = await freeze(excel(), 'sheet', { notes: false, spills: false, extentOf });
    expect(frozen).toHaveLength(6);
    const a11 = frozen.find((r) => r.cell === 'A11')!;
    const [r0, c0, r1, c1] = spillBefore;
    expect(a11.range).toBe(`A${r0 + 1}:${String.fromCharCode(65 + c1)}${r1 + 1}`);
    expect(c0).toBe(0);
    expect(book.cellAt("'Run-up'!B20")).toMatchObject({ formula: undefined, value: shownBefore, note: undefined });
    await unfreeze(excel(), 'sheet', { notes: false });
    expect(book.cellAt("'Run-up'!A11").formula).toBe('=TIDE.SERIES("RUT","2024-06-01",B4,,"REBASE_100",,TRUE)');
    expect(book.cellAt("'Run-up'!B20").shown).toBe(shownBefore);
  });

  it('a formula not calculated in this session is left as it is, and said so', async () => {
    book.select('Run-up', 'A1');
    const skipped: string[] = [];
    const frozen = await freeze(excel(), 'sheet', { notes: false, spills: false, extentOf: () => undefined, onSkipped: (a) => skipped.push(a) });
    expect(frozen).toEqual([]);
    expect(skipped).toHaveLength(6);
    expect(book.cellAt("'Run-up'!A11").formula).toBe('=TIDE.SERIES("RUT","2024-06-01",B4,,"REBASE_100",,TRUE)');
  });

  it('Explain takes the selected cell itself, and says why a cell of an array cannot be traced', async () => {
    book.select('Run-up', 'B15');
    const cell = await selectedFormulaCell(excel(), false);
    expect(cell).toEqual({ address: "'Run-up'!B15", formula: '', spillKnown: false });
    expect(await explainCell(cell, cellRecord, fetch)).toMatchObject({ kind: 'none', message: expect.stringMatching(/before ExcelApi 1\.12/) });
    book.select('Run-up', 'A11');
    expect((await explainCell(await selectedFormulaCell(excel(), false), cellRecord, fetch)).kind).toBe('explained');
  });
});
