// What a page loads in place of office.js: Excel's custom functions runtime and Office.js as one
// host (a profile from support/addin/host-profiles.ts; Office LTSC 2024 unless told) has them
// (support/browser/office-page-entry.ts, bundled once): isSetSupported answers for every set from the
// profile, CustomFunctions.Error exists from CustomFunctionsRuntime 1.2 only, and `window.__recalc`
// calculates cells as Excel would.
import { buildSync } from 'esbuild';
import { DEFAULT_HOST, type HostProfile } from '../addin/host-profiles.js';

let bundle: string | undefined;

function officeBundle(): string {
  bundle ??= buildSync({
    entryPoints: ['support/browser/office-page-entry.ts'],
    bundle: true,
    format: 'iife',
    globalName: '__tideOffice',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
  }).outputFiles[0].text;
  return bundle;
}

export function officeStandIn(opts: { host?: HostProfile } = {}): string {
  return `${officeBundle()}\n__tideOffice.install(${JSON.stringify(opts.host ?? DEFAULT_HOST)});`;
}

export const OFFICE_STAND_IN = officeStandIn();

export type CellResult = { value: unknown; error?: undefined } | { value?: undefined; error: { code: string; message: string; isCustomFunctionsError: boolean } };
