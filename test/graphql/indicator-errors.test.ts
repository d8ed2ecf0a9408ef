// Bad indicator, positioning and FedWatch input: each gets a specific code, the argument it
// concerns and a message saying what to do; the server keeps answering after each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const ind = (args: string) => `{ indicator(${args}) { dates values } }`;
const cut = (meeting: string, asOf: string) => `{ cutProbabilities(meeting: "${meeting}", asOf: "${asOf}") { outcomes { probability } } }`;

const cases: { name: string; query: string; code: string; argument?: string; says: RegExp }[] = [
  { name: 'window 1', query: ind('name: VOLATILITY, inputs: ["RUT"], window: 1'), code: 'BAD_USER_INPUT', argument: 'window', says: /at least 2; got 1/ },
  { name: 'negative window', query: ind('name: ZSCORE, inputs: ["DGS2"], window: -5'), code: 'BAD_USER_INPUT', argument: 'window', says: /at least 2; got -5/ },
  {
    name: 'window longer than the data',
    query: ind('name: CORRELATION, inputs: ["RUT", "DGS2"], window: 5000'),
    code: 'BAD_USER_INPUT',
    argument: 'window',
    says: /window \(5000\) is longer than the \d+ changes on the dates RUT and DGS2 share/,
  },
  {
    name: 'window as long as the prices, one more than the returns',
    query: ind('name: VOLATILITY, inputs: ["RUT"], window: 753'),
    code: 'BAD_USER_INPUT',
    argument: 'window',
    says: /window \(753\) is longer than the 752 returns of RUT available/,
  },
  {
    name: 'minObservations above the window',
    query: ind('name: VOLATILITY, inputs: ["RUT"], window: 20, minObservations: 21'),
    code: 'BAD_USER_INPUT',
    argument: 'minObservations',
    says: /from 2 to the window \(20\); got 21/,
  },
  { name: 'minObservations for RETURNS', query: ind('name: RETURNS, inputs: ["RUT"], minObservations: 5'), code: 'BAD_USER_INPUT', argument: 'minObservations', says: /RETURNS has no window/ },
  {
    name: 'RELATIVE_VOL of a price against a rate',
    query: ind('name: RELATIVE_VOL, inputs: ["RUT", "DGS2"], frequency: DAILY'),
    code: 'BAD_USER_INPUT',
    argument: 'inputs',
    says: /like with like.*DGS2 in basis points/,
  },
  {
    name: 'window longer than a short range',
    query: ind('name: VOLATILITY, inputs: ["RUT"], window: 40, from: "2022-01-03", to: "2022-01-31"'),
    code: 'BAD_USER_INPUT',
    argument: 'window',
    says: /window \(40\) is longer than the \d+ returns of RUT available up to 2022-01-31.*widen the range/,
  },
  { name: 'window for CHANGE', query: ind('name: CHANGE, inputs: ["RUT"], window: 5, from: "2024-07-01"'), code: 'BAD_USER_INPUT', argument: 'window', says: /CHANGE has no window/ },
  { name: 'unknown id', query: ind('name: VOLATILITY, inputs: ["NOPE"]'), code: 'NOT_FOUND', argument: 'inputs', says: /No series "NOPE".*searchSeries/ },
  { name: 'unknown second id', query: ind('name: BETA, inputs: ["RUT", "SPX"]'), code: 'NOT_FOUND', argument: 'inputs', says: /"SPX"/ },
  { name: 'one input for CORRELATION', query: ind('name: CORRELATION, inputs: ["RUT"]'), code: 'BAD_USER_INPUT', argument: 'inputs', says: /CORRELATION takes 2 inputs \(a, b\); got 1/ },
  { name: 'two inputs for VOLATILITY', query: ind('name: VOLATILITY, inputs: ["RUT", "QQQ"]'), code: 'BAD_USER_INPUT', argument: 'inputs', says: /takes 1 input \(series\); got 2/ },
  {
    name: 'mismatched frequencies',
    query: ind('name: CORRELATION, inputs: ["RUT", "CPIAUCSL"]'),
    code: 'BAD_USER_INPUT',
    argument: 'frequency',
    says: /RUT is DAILY, CPIAUCSL is MONTHLY.*frequency: MONTHLY/,
  },
  {
    name: 'frequency higher than an input',
    query: ind('name: SURPRISE, inputs: ["CPIAUCSL", "CPIAUCNS"], frequency: DAILY'),
    code: 'BAD_USER_INPUT',
    argument: 'frequency',
    says: /CPIAUCSL is MONTHLY.*lower frequency/,
  },
  { name: 'CHANGE without from', query: ind('name: CHANGE, inputs: ["RUT"]'), code: 'BAD_USER_INPUT', argument: 'from', says: /CHANGE needs from/ },
  {
    name: 'CHANGE from before the data',
    query: ind('name: CHANGE, inputs: ["RUT"], from: "2010-01-01", to: "2024-01-01"'),
    code: 'NO_DATA',
    argument: 'from',
    says: /no observation on or before 2010-01-01.*starts 2022-01-03/,
  },
  { name: 'from after to', query: ind('name: VOLATILITY, inputs: ["RUT"], from: "2024-08-01", to: "2024-07-01"'), code: 'BAD_USER_INPUT', argument: 'from', says: /after "to".*swap/ },
  {
    name: 'range outside the data',
    query: ind('name: MAX_RUNUP, inputs: ["RUT"], from: "2030-01-01"'),
    code: 'NO_DATA',
    argument: 'from',
    says: /RUT has no values in 2030-01-01.*data from 2022-01-03/,
  },
  {
    name: 'indicator asOf before any data',
    query: ind('name: VOLATILITY, inputs: ["RUT"], asOf: "2010-01-01"'),
    code: 'NO_DATA',
    argument: 'asOf',
    says: /Nothing of RUT had been published by asOf 2010-01-01.*earliest vintage held is 2022-01-03/,
  },
  {
    name: 'GDP asOf before its first release',
    query: ind('name: CHANGE, inputs: ["GDPC1"], from: "2024-01-01", asOf: "2024-01-01"'),
    code: 'NO_DATA',
    argument: 'asOf',
    says: /Nothing of GDPC1 had been published by asOf 2024-01-01.*earliest vintage held is/,
  },
  {
    name: 'unknown contract',
    query: '{ positioning(contract: "999999", group: DEALER) { dates } }',
    code: 'NOT_FOUND',
    argument: 'contract',
    says: /No CFTC contract "999999".*stored contracts: 239742/,
  },
  {
    name: 'malformed contract',
    query: '{ positioning(contract: "russell 2000", group: DEALER) { dates } }',
    code: 'BAD_USER_INPUT',
    argument: 'contract',
    says: /CFTC contract market code such as 239742/,
  },
  {
    name: 'positioning asOf before any report',
    query: '{ positioning(contract: "239742", group: DEALER, asOf: "2023-06-01") { dates } }',
    code: 'NO_DATA',
    argument: 'asOf',
    says: /had been published by asOf 2023-06-01.*earliest vintage held is/,
  },
  {
    name: 'meeting not on the calendar',
    query: cut('2024-09-17', '2024-07-10'),
    code: 'BAD_USER_INPUT',
    argument: 'meeting',
    says: /2024-09-17 is not a scheduled FOMC decision date.*nearest are 2024-07-31 and 2024-09-18/,
  },
  { name: 'meeting already past on asOf', query: cut('2024-06-12', '2024-07-10'), code: 'BAD_USER_INPUT', argument: 'meeting', says: /not after asOf 2024-07-10/ },
  {
    name: 'cutProbabilities asOf before any data',
    query: cut('2024-09-18', '2010-07-10'),
    code: 'NO_DATA',
    argument: 'asOf',
    says: /asOf 2010-07-10 is before any data.*DFEDTARU.*held is 2022-01-01/,
  },
  { name: 'no futures contract for the meeting', query: cut('2025-03-19', '2024-07-10'), code: 'NO_DATA', argument: 'meeting', says: /no fed funds futures price on 2024-07-10 for ZQH25/ },
  {
    name: 'positioning range without reports',
    query: '{ positioning(contract: "239742", group: DEALER, from: "2030-01-01") { dates } }',
    code: 'NO_DATA',
    argument: 'from',
    says: /no values in 2030-01-01/,
  },
  { name: 'fomcMeetings from after to', query: '{ fomcMeetings(from: "2025-01-01", to: "2024-01-01") }', code: 'BAD_USER_INPUT', argument: 'from', says: /swap/ },
];

describe('bad indicator input gets a specific error and the server stays up', () => {
  it.each(cases)('$name → $code', async ({ query, code, argument, says }) => {
    const res = await api.query(query);
    expect(res.status).toBe(200);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    if (argument) expect(res.errors?.[0]?.extensions?.argumentName).toBe(argument);
    expect(res.errors?.[0]?.message).toMatch(says);
    const ok = await api.query('{ indicator(name: CHANGE, inputs: ["RUT"], from: "2024-07-05", to: "2024-07-16") { values } }');
    expect(ok.errors).toBeUndefined();
    expect(ok.data.indicator.values[0]).toBeCloseTo(0.1169, 4);
  });
});
