// The README's formula examples, read from the README itself and run as printed: the GraphQL ones
// against the local server, the Excel ones through the add-in's real functions in the Excel
// stand-in. Expected figures are those the README prints, which come from pandas
// (test/graphql/reference/expressions_reference.py); the mega-cap formula runs once its series are loaded.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { WorkbookStandIn } from '../../support/addin/excel-stand-in.js';
import { connect, evaluator } from './helpers/functions-runtime.js';

const README = readFileSync('README.md', 'utf8');
const REF = JSON.parse(readFileSync('test/graphql/reference/expressions_reference.json', 'utf8'));
const MEGA_CAPS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL', 'META', 'TSLA', 'RSP'];

let server: Awaited<ReturnType<typeof startLocalServer>>;
beforeAll(async () => {
  server = await startLocalServer({});
  connect(server);
}, 120_000);
afterAll(() => server?.close());

async function query(text: string) {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey }, body: JSON.stringify({ query: `{ ${text} }` }) });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

/** The README's "More:" example whose description starts with `label`: its query, as printed. */
function example(label: string): string {
  const line = README.split('\n').find((l) => l.startsWith(`- ${label}`));
  if (!line) throw new Error(`README has no example "${label}"`);
  const m = /: `(.+)`( →.*)?$/.exec(line);
  return m![1];
}

/** The README's Excel line that starts with `formula`, and the formula itself as printed. */
function excelLine(start: string): string {
  const line = README.split('\n').find((l) => l.startsWith(start));
  if (!line) throw new Error(`README has no Excel line starting ${start}`);
  return line.split(/\s{2,}/)[0].trim();
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

describe('README formula examples, in GraphQL, as printed', () => {
  it('small caps against the Nasdaq: 0.1135 on 07-01, 0.1281 on 07-31', async () => {
    const res = await query(example('small caps against the Nasdaq, one formula'));
    expect(res.errors).toBeUndefined();
    const { dates, values } = res.data.series.observations;
    expect([dates[0], round(values[0], 4), dates.at(-1), round(values.at(-1), 4)]).toEqual(['2024-07-01', 0.1135, '2024-07-31', 0.1281]);
    expect(round(values.at(-1) / values[0] - 1, 3)).toBe(0.128);
  });

  it('the 2-year yield over fed funds: Percent, −1.17', async () => {
    const res = await query(example('the 2-year yield over fed funds'));
    expect(res.errors).toBeUndefined();
    expect(res.data.series.unit).toBe('Percent');
    expect(round(res.data.series.observations.values[0], 2)).toBe(-1.17);
  });

  it('an indicator of a formula: −0.194', async () => {
    const res = await query(example('an indicator of a formula'));
    expect(res.errors).toBeUndefined();
    expect(round(res.data.indicator.values[0], 3)).toBe(-0.194);
  });

  it("the mega-cap figure the README prints is pandas' (test/graphql/reference/expressions_reference.py on the breadth files)", () => {
    const line = README.split('\n').find((l) => l.startsWith('- the seven mega-caps against the equal-weight S&P 500'))!;
    const printed = Number(/` → ([\d.]+)/.exec(line)![1]);
    expect(printed).toBe(round(REF['mega-caps over RSP, rebased 2023-01-03']['2024-12-31'].values[0], 3));
  });

  it('the mega-caps against RSP: runs once the breadth series are loaded; until then NOT_FOUND names exactly the missing ones', async () => {
    const res = await query(example('the seven mega-caps against the equal-weight S&P 500'));
    const held = (await query(`${MEGA_CAPS.map((id) => `${id}: series(id: "${id}") { id }`).join(' ')}`)).data;
    const missing = MEGA_CAPS.filter((id) => !held[id]);
    if (missing.length) {
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', missing });
      return;
    }
    expect(res.errors).toBeUndefined();
    const { dates, values } = res.data.series.observations;
    expect(dates).toEqual(['2024-12-31']);
    // pandas on the breadth files (test/graphql/reference/expressions_reference.py): 2.678, the mega-caps' lead over RSP
    const ref = REF['mega-caps over RSP, rebased 2023-01-03'];
    expect(values[0]).toBeCloseTo(ref['2024-12-31'].values[0], 9);
    const base = await query(
      'series(id: """rebase(basket(AAPL, MSFT, NVDA, AMZN, GOOGL, META, TSLA), "2023-01-03") / rebase(RSP, "2023-01-03")""") { observations(from: "2023-01-03", to: "2023-01-03") { values } }',
    );
    expect(base.data.series.observations.values).toEqual([1]); // both indexes are 100 on the base date
  });
});

describe('README formula examples, in Excel, as printed', () => {
  const book = new WorkbookStandIn({ evaluate: evaluator() });
  const shown = async (formula: string) => {
    await book.setCells('Sheet1!A1', [[formula]]);
    return book.layout(book.sheet('Sheet1')!).shown;
  };

  it('=TIDE.SERIES("RUT / NASDAQCOM",…): dated, 0.1135 … 0.1281', async () => {
    const cells = await shown(excelLine('=TIDE.SERIES("RUT / NASDAQCOM"'));
    expect(round(cells.get('0,1') as number, 4)).toBe(0.1135);
    const rows = [...cells.keys()].filter((k) => k.endsWith(',1')).length;
    expect(round(cells.get(`${rows - 1},1`) as number, 4)).toBe(0.1281);
  });

  it('=TIDE.SERIES("DGS2 - DFF",…) and =TIDE.CORR("RUT/QQQ","DGS2",63,…) = −0.194', async () => {
    const spread = await shown(excelLine('=TIDE.SERIES("DGS2 - DFF"'));
    expect(round(spread.get('0,1') as number, 2)).toBe(-1.45); // 2024-09-03 (dgs2/dff_daily_fred.csv: 3.88 − 5.33)
    const corr = await shown(excelLine('=TIDE.CORR("RUT/QQQ"'));
    expect(round(corr.get('0,1') as number, 3)).toBe(-0.194);
  });

  it('the mega-cap formula: an error naming what is missing until the breadth series are loaded, else 100 ÷ 100 on the base date', async () => {
    const cells = await shown(excelLine(`=TIDE.SERIES("rebase(basket(AAPL`));
    const first = cells.get('0,0');
    if (typeof first === 'string')
      expect(first).toMatch(/^#/); // an Excel error: the ids are not in the store yet
    else expect(cells.get('0,1')).toBe(1);
  });
});

describe('the other functions that take an id take a formula', () => {
  const book = new WorkbookStandIn({ evaluate: evaluator() });
  const first = async (formula: string) => {
    await book.setCells('Sheet1!A1', [[formula]]);
    return book.layout(book.sheet('Sheet1')!).shown;
  };

  it('VALUE, CHANGE and INFO of "RUT / QQQ" (closes from rut_daily_yahoo.csv and qqq_daily_yahoo.csv)', async () => {
    const ratio = (await query('series(id: "RUT / QQQ") { observations(from: "2024-07-09", to: "2024-07-16") { dates values } }')).data.series.observations;
    const change = await first('=TIDE.CHANGE("RUT / QQQ","2024-07-09","2024-07-16")');
    expect(change.get('0,0')).toBeCloseTo(ratio.values.at(-1) / ratio.values[0] - 1, 12);
    expect((await first('=TIDE.INFO("RUT/QQQ","name")')).get('0,0')).toBe('RUT / QQQ');
    const value = await first('=TIDE.VALUE("RUT / QQQ","2024-07-16")');
    expect(value.get('0,0')).toBeCloseTo(ratio.values.at(-1), 12);
  });
});
