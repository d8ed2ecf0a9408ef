// TIDE.REVISIONS and SERIES's release option through the built functions bundle in headless
// chromium, against the local server with the bundled dataset. Expected values come from the vintage
// files themselves (see test/graphql/revisions.test.ts for where each date and value is from).
import { describe, expect, it } from 'vitest';
import { useFunctionsSheet } from '../helpers/functions-sheet.js';
import { sourceColumn } from '../helpers/source-csv.js';
import ref from '../graphql/reference/revisions_reference.json' with { type: 'json' };
import { excelSerial } from '../../support/browser/data.js';

const sheet = useFunctionsSheet();
const recalc = sheet.recalc;

const cpi = (vintage: string) => sourceColumn(`cpiaucsl_monthly_fred_vintage_${vintage}.csv`, 'CPIAUCSL').find(([d]) => d === '2024-06-01')![1];

describe('TIDE.REVISIONS', () => {
  it('spills the publication dates and values of CPIAUCSL June 2024, oldest first', async () => {
    const [plain, headed, asOf, serialDate] = await recalc([
      ['REVISIONS', ['CPIAUCSL', '2024-06-01']],
      ['REVISIONS', ['CPIAUCSL', '2024-06-01', null, true]],
      ['REVISIONS', ['CPIAUCSL', '2024-06-01', '2025-12-31']],
      ['REVISIONS', ['CPIAUCSL', excelSerial('2024-06-01')]],
    ]);
    const rows = [
      [excelSerial('2024-07-11'), cpi('2024-12')], // BLS release of June 2024
      [excelSerial('2025-02-12'), cpi('2026-01')], // 2025 seasonal revision
      [excelSerial('2026-02-13'), cpi('2026-04')], // 2026 seasonal revision
    ];
    expect(rows.map((r) => r[1])).toEqual([313.049, 313.131, 313.044]);
    expect(plain.value).toEqual(rows);
    expect(headed.value).toEqual([['Published', 'CPIAUCSL 2024-06-01'], ...rows]);
    expect(asOf.value).toEqual(rows.slice(0, 2));
    expect(serialDate.value).toEqual(rows);
  });

  it('says which date to ask for, and which argument is wrong', async () => {
    const [midMonth, noDate, unknown, early] = await recalc([
      ['REVISIONS', ['CPIAUCSL', '2024-06-15']],
      ['REVISIONS', ['CPIAUCSL']],
      ['REVISIONS', ['NOPE', '2024-06-01']],
      ['REVISIONS', ['CPIAUCSL', '2024-06-01', '2024-07-10']],
    ]);
    expect(midMonth.error).toMatchObject({ code: '#N/A', isCustomFunctionsError: true });
    expect(midMonth.error!.message).toMatch(/ask for 2024-06-01/);
    expect(noDate.error).toMatchObject({ code: '#VALUE!' });
    expect(noDate.error!.message).toMatch(/^date: is required/);
    expect(unknown.error).toMatchObject({ code: '#N/A' });
    expect(unknown.error!.message).toMatch(/^Unknown series id "NOPE"/);
    expect(early.error).toMatchObject({ code: '#VALUE!' });
    expect(early.error!.message).toMatch(/first published on 2024-07-11/);
  });
});

describe('TIDE.SERIES release option', () => {
  it('FIRST gives the first releases: GDP growth 2024Q1 1.4 and Q2 2.8 (today 0.8 and 3.6)', async () => {
    const q = ['A191RL1Q225SBEA', '2024-01-01', '2024-04-01', null];
    const [first, named, latest, omitted] = await recalc([
      ['SERIES', [...q, 'FIRST']],
      ['SERIES', [...q, 'release=first']],
      ['SERIES', [...q, 'LATEST']],
      ['SERIES', q],
    ]);
    const dated = (values: number[]) => [
      [excelSerial('2024-01-01'), values[0]],
      [excelSerial('2024-04-01'), values[1]],
    ];
    expect(first.value).toEqual(dated([1.4, 2.8]));
    expect(named.value).toEqual(dated([1.4, 2.8]));
    expect(latest.value).toEqual(dated([0.8, 3.6]));
    expect(omitted.value).toEqual(dated([0.8, 3.6]));
  });

  it('composes with a transform in the same argument: GDPC1 annualized growth as first published', async () => {
    const [both, reversed, transformOnly] = await recalc([
      ['SERIES', ['GDPC1', '2024-01-01', '2024-07-01', null, 'ANNUALIZED, FIRST']],
      ['SERIES', ['GDPC1', '2024-01-01', '2024-07-01', null, 'release=FIRST; transform=ANNUALIZED']],
      ['SERIES', ['GDPC1', '2024-01-01', '2024-07-01', null, 'ANNUALIZED']],
    ]);
    const first = Object.values(ref.gdpc1_annualized_first);
    const latest = Object.values(ref.gdpc1_annualized_latest);
    (both.value as number[][]).forEach((row, i) => expect(row[1]).toBeCloseTo(first[i], 10));
    expect(reversed.value).toEqual(both.value);
    (transformOnly.value as number[][]).forEach((row, i) => expect(row[1]).toBeCloseTo(latest[i], 10));
  });

  it('an unknown release or two of one kind is #VALUE! naming the options argument', async () => {
    const [unknown, unknownNamed, twice, badKey] = await recalc([
      ['SERIES', ['CPIAUCSL', '2024-06-01', '2024-06-01', null, 'SECOND']],
      ['SERIES', ['CPIAUCSL', '2024-06-01', '2024-06-01', null, 'release=SECOND']],
      ['SERIES', ['CPIAUCSL', '2024-06-01', '2024-06-01', null, 'YOY, PCT']],
      ['SERIES', ['CPIAUCSL', '2024-06-01', '2024-06-01', null, 'vintage=FIRST']],
    ]);
    expect(unknown.error).toMatchObject({ code: '#VALUE!' });
    expect(unknown.error!.message).toMatch(/^options: "SECOND" is neither a transform \(.*\) nor a release \(LATEST, LAST, FIRST/);
    expect(unknownNamed.error!.message).toMatch(/^options: "SECOND" is not one of: LATEST, LAST, FIRST/);
    expect(twice.error!.message).toBe('options: gives two transforms (YOY and PCT_CHANGE); keep one');
    expect(badKey.error!.message).toMatch(/^options: "vintage" is not an option/);
  });
});
