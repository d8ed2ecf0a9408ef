// The README's example queries, once: the front door's IDE opens one tab per example and the plain
// page lists them, and a test checks that the README still shows each call and that each one runs.

export interface Example {
  /** The operation name, which the IDE shows as the tab's title. */
  name: string;
  title: string;
  /** The root field with its selection, written exactly as the README writes it. */
  call: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    name: 'CpiFirstPrintAndRevised',
    title: 'June 2024 CPI as first printed and as revised since',
    call: 'series(id: "CPIAUCSL") { firstPrint: observations(from: "2024-06-01", to: "2024-06-01", asOf: "2024-08-15") { values } latest: observations(from: "2024-06-01", to: "2024-06-01") { values } }',
  },
  {
    name: 'WeeklyRussellReturns',
    title: 'Weekly Russell 2000 returns',
    call: 'series(id: "RUT") { observations(from: "2024-06-01", frequency: WEEKLY, transform: PCT_CHANGE) { dates values } }',
  },
  {
    name: 'RunUpSinceADate',
    title: 'The run-up since a date',
    call: 'indicator(name: MAX_RUNUP, inputs: ["RUT"], from: "2024-07-09", to: "2024-07-31") { values unit meta }',
  },
  {
    name: 'SmallCapsVsTwoYear',
    title: 'Small caps against the 2-year yield',
    call: 'indicator(name: CORRELATION, inputs: ["RUT", "DGS2"], window: 63, from: "2024-07-31", to: "2024-07-31") { values }',
  },
  {
    name: 'AssetManagersLongShare',
    title: "Asset managers' long share in Russell E-mini futures",
    call: 'positioning(contract: "239742", group: ASSET_MANAGER, from: "2024-07-01") { dates longShare }',
  },
  {
    name: 'TwoYearVolatility',
    title: "The 2-year yield's volatility, in basis points a year",
    call: 'indicator(name: VOLATILITY, inputs: ["DGS2"], window: 250, from: "2024-12-31", to: "2024-12-31") { values unit }',
  },
  {
    name: 'SmallCapsOverNasdaq',
    title: 'Small caps against the Nasdaq, one formula',
    call: 'series(id: "RUT / NASDAQCOM") { observations(from: "2024-07-01", to: "2024-07-31") { dates values } }',
  },
  {
    name: 'TwoYearOverFedFunds',
    title: 'The 2-year yield over fed funds, in percentage points',
    call: 'series(id: "DGS2 - DFF") { unit observations(from: "2024-09-30", to: "2024-09-30") { values } }',
  },
  {
    name: 'SeptemberCutOdds',
    title: 'The odds of a September 2024 cut',
    call: 'cutProbabilities(meeting: "2024-09-18", asOf: "2024-07-10") { outcomes { changeBp probability } assumedUnchangedMeetings }',
  },
  {
    name: 'GdpSurpriseVsConsensus',
    title: 'Q2 2024 GDP against the consensus',
    call: 'indicator(name: SURPRISE, inputs: ["A191RL1Q225SBEA", "CONSENSUS_US_GDP_QOQ_SAAR"], from: "2024-04-01", to: "2024-04-01", asOf: "2024-07-26") { values }',
  },
  {
    name: 'ExpectedRatePath',
    title: 'The expected rate path',
    call: 'ratePath(asOf: "2024-07-10") { meetings { meeting expectedMidpoint expectedChangeBp pCut pHold pHike } }',
  },
  {
    name: 'SmallCapsVsCutExpectations',
    title: 'Rate-cut expectations as a series, in any indicator',
    call: 'indicator(name: CORRELATION, inputs: ["RUT", "FEDWATCH:2024-09-18:EXPECTED_BP"], window: 20, from: "2024-07-31", to: "2024-07-31") { values }',
  },
];

/** The example as a whole query document. */
export const exampleQuery = (example: Example): string => `query ${example.name} { ${example.call} }`;
