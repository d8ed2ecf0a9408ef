import { mkdir, writeFile } from 'node:fs/promises';
import { addinRecalcFigures } from './figures/addin-recalc.js';
import { firstReleaseFigures } from './figures/first-release.js';
import { graphqlExecutionFigures } from './figures/graphql-execution.js';
import { lambdaBundleFigures } from './figures/lambda-bundle.js';
import { ingestMemoryFigures } from './figures/ingest-memory.js';
import { loadFigures } from './figures/load.js';
import { marketOpenFigures } from './figures/market-open.js';
import { rollingCorrelationFigures } from './figures/rolling-correlation.js';
import { soakFigures } from './figures/soak.js';
import { storeReadFigures } from './figures/store-read.js';
import { warmReadFigures } from './figures/warm-read.js';
import { workbookOpenFigures } from './figures/workbook-open.js';
import { printTable, type Row } from './harness.js';

// `npm run bench`: every figure beside a baseline measured in the same run. Medians after warm-up.
// Figures are printed, never asserted: a slow machine must not fail the build.

const figures: [string, () => Promise<Row[]>][] = [
  ['store read', storeReadFigures],
  ['warm read', warmReadFigures],
  ['GraphQL execution', graphqlExecutionFigures],
  ['rolling correlation', rollingCorrelationFigures],
  ['first release', firstReleaseFigures],
  ['lambda bundle', lambdaBundleFigures],
  ['add-in recalculation', addinRecalcFigures],
  ['workbook open', workbookOpenFigures],
  ['load', loadFigures],
  ['ingest memory', ingestMemoryFigures],
  ['market open', marketOpenFigures],
  ['soak', soakFigures],
];

const only = process.argv.slice(2);
const rows: Row[] = [];
for (const [name, run] of figures) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  process.stderr.write(`measuring ${name}...\n`);
  rows.push(...(await run()));
}
printTable(rows);
await mkdir('.bench', { recursive: true });
await writeFile('.bench/results.json', JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
console.log('\nwritten to .bench/results.json');
