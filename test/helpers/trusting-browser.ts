// A browser HOME whose certificate database (NSS, ~/.pki/nssdb, which chromium reads) trusts the
// Office developer CA the way a browser trusts a CA once it is installed, or trusts nothing: no flag
// that ignores certificate errors.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const CERTUTIL = process.env.CERTUTIL_PATH ?? '/usr/bin/certutil';

/** A new HOME under `dir` whose NSS database trusts `caPath` as a CA for websites, or trusts nothing. */
export function browserHome(dir: string, name: string, caPath?: string): string {
  const home = join(dir, name);
  const db = `sql:${join(home, '.pki', 'nssdb')}`;
  mkdirSync(join(home, '.pki', 'nssdb'), { recursive: true });
  execFileSync(CERTUTIL, ['-d', db, '-N', '--empty-password']);
  if (caPath) execFileSync(CERTUTIL, ['-d', db, '-A', '-t', 'C,,', '-n', 'Developer CA for Microsoft Office Add-ins', '-i', caPath]);
  return home;
}
