// Embeds the release calendars in data/calendars/ into a TypeScript module, so the Lambda bundle
// carries them without reading files at run time. The CSVs stay the one definition.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (name: string) => readFileSync(`${root}data/calendars/${name}`, 'utf8');
const out =
  '// Generated from data/calendars/*.csv by scripts/generate-release-calendars.ts — do not edit by hand.\n' +
  `export const CPI_RELEASE_DATES_CSV = ${JSON.stringify(read('cpi_release_dates.csv'))};\n` +
  `export const GDP_RELEASE_DATES_CSV = ${JSON.stringify(read('gdp_release_dates.csv'))};\n` +
  `export const FEDERAL_RESERVE_HOLIDAYS_CSV = ${JSON.stringify(read('federal_reserve_holidays.csv'))};\n` +
  `export const CFTC_COT_RELEASE_DATES_CSV = ${JSON.stringify(read('cftc_cot_release_dates.csv'))};\n`;
writeFileSync(`${root}api/series/release-calendars.data.ts`, out);
