// Embeds data/fomc_meetings.csv into a TypeScript module, so the Lambda bundle carries the
// calendar without reading files at run time. The CSV stays the one definition.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const csv = readFileSync(`${root}data/fomc_meetings.csv`, 'utf8');
const out = '// Generated from data/fomc_meetings.csv by scripts/generate-fomc-meetings.ts — do not edit by hand.\n' + `export const FOMC_MEETINGS_CSV = ${JSON.stringify(csv)};\n`;
writeFileSync(`${root}api/indicators/fomc-meetings.data.ts`, out);
