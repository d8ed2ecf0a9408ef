// The sample analysis, sheet by sheet: can the small-cap rally continue while rate cuts are
// priced in? Formulas are written as a person types them (=TIDE.SERIES(...)).

export interface Chart {
  title: string;
  kind: 'line' | 'bar';
  /** Category column and one value column per line/bar set, as absolute row ranges. */
  categories: string;
  series: { name: string; values: string }[];
  /** Where the chart sits: top-left and bottom-right cells (0-based col,row). */
  from: [number, number];
  to: [number, number];
}

export interface SheetSpec {
  name: string;
  lines: string[];
  /** Labelled inputs in A/B, starting on the row after the text lines. Dates are ISO text here. */
  inputs?: [string, string | number, 'date'?][];
  /** Single-value formulas with a label, written after the inputs. */
  scalars?: { label: string; formula: string; format?: string }[];
  /** Spilling formulas, each anchored at a cell; the column left of nothing else. */
  spills: { cell: string; formula: string; dateColumn?: boolean; /** Number formats of spilled columns, e.g. { D: '0.0%' } for fractions. */ formats?: Record<string, string> }[];
  charts?: Chart[];
}

/** Rows charts cover below a spill anchor: enough for three years of daily data. */
const ROWS = 800;
const col = (c: string, top: number) => `$${c}$${top}:$${c}$${top + ROWS}`;

export const SHEETS: SheetSpec[] = [
  {
    name: 'About',
    lines: [
      'Small caps vs rate cuts — a Tide sample workbook',
      'Every number here is a live TIDE.* formula. Load the Tide add-in (see docs/excel.md), then recalculate (Ctrl+Alt+F9 on desktop).',
      'Sheets: Run-up (Russell 2000 since a date), Correlation (with the 2-year yield), Relative vol (vs the Nasdaq),',
      'CFTC (asset manager and leveraged fund long shares in Russell E-mini futures), Cut odds (fed funds futures implied outcomes),',
      'As of (the same questions as they could be answered on a past date: every formula takes that date as its asOf).',
      'Data: the Tide server configured in the add-in (the bundled sample covers 2022-2024). Yahoo and Barchart samples are for personal, non-commercial use.',
    ],
    spills: [{ cell: 'A8', formula: 'TIDE.SEARCH("russell",TRUE)', dateColumn: false }],
  },
  {
    name: 'Run-up',
    lines: ['Russell 2000 run-up since a date; change the dates in B3:B4.'],
    inputs: [
      ['Start', '2024-07-09', 'date'],
      ['End', '2024-07-31', 'date'],
    ],
    scalars: [
      { label: 'RUT change', formula: 'TIDE.CHANGE("RUT",B3,B4)', format: '0.00%' },
      { label: 'RUT max run-up', formula: 'TIDE.CHANGE("RUT",B3,B4,"MAX_RUNUP")', format: '0.00%' },
      { label: 'IWM change', formula: 'TIDE.CHANGE("IWM",B3,B4)', format: '0.00%' },
      { label: 'Nasdaq change', formula: 'TIDE.CHANGE("NASDAQCOM",B3,B4)', format: '0.00%' },
    ],
    spills: [
      { cell: 'A11', formula: 'TIDE.SERIES("RUT","2024-06-01",B4,,"REBASE_100",,TRUE)', dateColumn: true },
      { cell: 'D11', formula: 'TIDE.SERIES("NASDAQCOM","2024-06-01",B4,,"REBASE_100",,TRUE)', dateColumn: true },
    ],
    charts: [
      {
        title: 'Russell 2000 vs Nasdaq, rebased to 100',
        kind: 'line',
        categories: col('A', 12),
        series: [
          { name: 'RUT', values: col('B', 12) },
          { name: 'NASDAQCOM', values: col('E', 12) },
        ],
        from: [6, 1],
        to: [16, 22],
      },
    ],
  },
  {
    name: 'Correlation',
    lines: ['60-day rolling correlation of Russell 2000 and 2-year Treasury yield changes.'],
    spills: [{ cell: 'A3', formula: 'TIDE.CORR("RUT","DGS2",60,"2023-01-01","2024-12-31",,,,TRUE)', dateColumn: true }],
    charts: [{ title: 'RUT vs DGS2, 60-day correlation', kind: 'line', categories: col('A', 4), series: [{ name: 'Correlation', values: col('B', 4) }], from: [3, 1], to: [13, 20] }],
  },
  {
    name: 'Relative vol',
    lines: ['Volatility of weekly Russell 2000 returns relative to the Nasdaq Composite, 26-week window.'],
    spills: [{ cell: 'A3', formula: 'TIDE.RELVOL("RUT","NASDAQCOM",26,"2023-01-01",,"WEEKLY",,,TRUE)', dateColumn: true }],
    charts: [{ title: 'RUT / Nasdaq relative volatility (weekly, 26w)', kind: 'line', categories: col('A', 4), series: [{ name: 'Relative vol', values: col('B', 4) }], from: [3, 1], to: [13, 20] }],
  },
  {
    name: 'CFTC',
    lines: ['Long share = long / (long + short) of each trader group in Russell E-mini futures (CFTC code 239742); fractions, shown as %.'],
    spills: [
      { cell: 'A3', formula: 'TIDE.POSITIONING("239742","ASSET_MANAGER",,,"LONG_SHARE",,,TRUE)', dateColumn: true, formats: { B: '0.0%' } },
      { cell: 'D3', formula: 'TIDE.POSITIONING("239742","LEVERAGED_FUNDS",,,"LONG_SHARE",,,TRUE)', dateColumn: true, formats: { E: '0.0%' } },
    ],
    charts: [
      {
        title: 'Long share: asset managers vs leveraged funds',
        kind: 'line',
        categories: col('A', 4),
        series: [
          { name: 'Asset managers', values: col('B', 4) },
          { name: 'Leveraged funds', values: col('E', 4) },
        ],
        from: [6, 1],
        to: [16, 20],
      },
    ],
  },
  {
    name: 'Cut odds',
    lines: ['Implied probability of each target-range outcome at the September and December 2024 FOMC meetings, from fed funds futures as of B3.'],
    inputs: [['Prices as of', '2024-08-16', 'date']], // the bundled futures end on 2024-08-16
    spills: [
      { cell: 'A6', formula: 'TIDE.CUTPROB("2024-09-18",B3,TRUE)', formats: { D: '0.0%' } },
      { cell: 'F6', formula: 'TIDE.CUTPROB("2024-12-18",B3,TRUE)', formats: { I: '0.0%' } },
    ],
    charts: [
      { title: 'September 18, 2024: probability by change (bp)', kind: 'bar', categories: '$C$7:$C$12', series: [{ name: 'Probability', values: '$D$7:$D$12' }], from: [0, 14], to: [5, 30] },
      { title: 'December 18, 2024: probability by change (bp)', kind: 'bar', categories: '$H$7:$H$12', series: [{ name: 'Probability', values: '$I$7:$I$12' }], from: [5, 14], to: [10, 30] },
    ],
  },
  {
    name: 'As of',
    lines: ['The numbers as they stood on the date in B3: each formula passes B3 as its asOf, so nothing published after it is used.'],
    inputs: [['As of', '2024-07-15', 'date']],
    scalars: [
      // The end (07-31) lies after B3: the change runs to the last close known on B3.
      { label: 'RUT change since 2024-07-09, as known on B3', formula: 'TIDE.CHANGE("RUT","2024-07-09","2024-07-31",,B3)', format: '0.00%' },
      { label: 'June 2024 CPI, first print as known on B3', formula: 'TIDE.VALUE("CPIAUCSL","2024-06-01",B3)', format: '0.000' },
    ],
    spills: [
      { cell: 'A9', formula: 'TIDE.CORR("RUT","DGS2",60,"2024-07-01","2024-07-31",,,B3,TRUE)', dateColumn: true },
      { cell: 'D9', formula: 'TIDE.POSITIONING("239742","ASSET_MANAGER","2024-06-01","2024-07-31","LONG_SHARE",,B3,TRUE)', dateColumn: true },
    ],
  },
];

/** How Excel stores an add-in's custom function in a file: =TIDE.SERIES( is _xldudf_TIDE_SERIES(. */
export function storedFormula(formula: string): string {
  return formula.replace(/\bTIDE\.([A-Z]+)\(/g, '_xldudf_TIDE_$1(');
}
