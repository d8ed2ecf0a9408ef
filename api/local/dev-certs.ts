// The developer certificate for https://localhost, the way Office add-in projects get one: Microsoft's
// office-addin-dev-certs generates a CA and a localhost certificate signed by it, into the folder every
// Office add-in project on the machine shares (~/.office-addin-dev-certs), and installs the CA as
// trusted. Office refuses add-ins over plain http and over certificates it does not trust.
//
// Unlike the package's own ensureCertificatesAreInstalled, this never deletes a CA another project
// installed, takes a folder (tests use a temporary one), and on failure to install the CA keeps going
// and says what to run, instead of stopping the server.
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import devCerts from 'office-addin-dev-certs';

/** The folder office-addin-dev-certs uses, shared by every Office add-in project of this user. */
export const DEFAULT_CERT_DIR = join(homedir(), '.office-addin-dev-certs');
/** What the certificate is valid for; Office and browsers reach the add-in at localhost. */
const DOMAINS = ['localhost', '127.0.0.1'];
/** Microsoft's default lifetime: a leaked key of a trusted CA is a risk, so it is short. */
const DAYS_VALID = 30;
const DAY_MS = 86_400_000;

export interface DevCertificate {
  dir: string;
  caPath: string;
  certPath: string;
  keyPath: string;
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  /** True when this call generated a new CA and certificate (first start, or the old ones expired). */
  generated: boolean;
  trust: CaTrust;
}

export type CaTrust =
  /** The operating system already trusts the CA, or this call just installed it. */
  | { trusted: true; installedNow: boolean }
  /** Not trusted (or not known to be): `command` is the one thing the user runs to trust it. */
  | { trusted: false; command: string; reason: string };

export interface DevCertificateOptions {
  dir?: string;
  /** Try to install a newly generated CA into the operating system's trust store (default true). */
  installCa?: boolean;
}

const paths = (dir: string) => ({ caPath: join(dir, 'ca.crt'), certPath: join(dir, 'localhost.crt'), keyPath: join(dir, 'localhost.key') });

/** The CA and localhost certificate in `dir`, generated when missing, broken or about to expire. */
export async function ensureDevCertificate(opts: DevCertificateOptions = {}): Promise<DevCertificate> {
  const dir = opts.dir ?? DEFAULT_CERT_DIR;
  const p = paths(dir);
  let generated = false;
  if (!usable(p.caPath, p.certPath, p.keyPath)) {
    // generateCertificates writes nothing if a CA file is already there: clear the old set first.
    for (const file of [p.caPath, p.certPath, p.keyPath]) rmSync(file, { force: true });
    await devCerts.generateCertificates(p.caPath, p.certPath, p.keyPath, DAYS_VALID, DOMAINS);
    chmodSync(p.keyPath, 0o600); // the package leaves the private key readable by everyone
    generated = true;
  }
  const [ca, cert, key] = [p.caPath, p.certPath, p.keyPath].map((f) => readFileSync(f));
  const trust = await caTrust(p.caPath, dir, generated && (opts.installCa ?? true));
  return { dir, ...p, ca, cert, key, generated, trust };
}

/** A certificate for localhost, signed by the CA beside it, matching its key, valid for another day. */
function usable(caPath: string, certPath: string, keyPath: string): boolean {
  try {
    const ca = new X509Certificate(readFileSync(caPath));
    const cert = new X509Certificate(readFileSync(certPath));
    const soon = Date.now() + DAY_MS;
    return (
      cert.verify(ca.publicKey) &&
      cert.checkPrivateKey(createPrivateKey(readFileSync(keyPath))) &&
      cert.checkHost('localhost') !== undefined &&
      Date.parse(cert.validTo) > soon &&
      Date.parse(ca.validTo) > soon
    );
  } catch {
    return false;
  }
}

async function caTrust(caPath: string, dir: string, install: boolean): Promise<CaTrust> {
  const command = trustCommand(caPath);
  // The package's check looks at the CA of its default folder only.
  const isDefaultDir = dir === DEFAULT_CERT_DIR;
  if (!install) {
    if (isDefaultDir && installedPerPackage()) return { trusted: true, installedNow: false };
    return { trusted: false, command, reason: 'the CA is not installed as trusted' };
  }
  if (process.platform === 'linux' && !sudoWithoutPrompt()) {
    return { trusted: false, command, reason: 'installing it needs sudo, which is not available without a password prompt here' };
  }
  try {
    await devCerts.installCaCertificate(caPath);
    return { trusted: true, installedNow: true };
  } catch (e) {
    return { trusted: false, command, reason: (e as Error).message.split('\n')[0] };
  }
}

function installedPerPackage(): boolean {
  try {
    return devCerts.isCaCertificateInstalled();
  } catch {
    return false;
  }
}

function sudoWithoutPrompt(): boolean {
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
}

/** The one command that makes this machine trust the CA, as office-addin-dev-certs would run it. */
export function trustCommand(caPath: string, platform: NodeJS.Platform = process.platform): string {
  switch (platform) {
    case 'darwin':
      return `security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db '${caPath}'`;
    case 'win32':
      return `certutil -user -addstore Root "${caPath}"`;
    default: {
      const script = join(dirname(createRequire(import.meta.url).resolve('office-addin-dev-certs/package.json')), 'scripts', 'install_linux.sh');
      return `sudo sh '${script}' '${caPath}'`;
    }
  }
}

/** Linux browsers keep their own trust store (NSS): the command that adds the CA to the user's. */
export function nssTrustCommand(caPath: string): string {
  return `certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Developer CA for Microsoft Office Add-ins" -i '${caPath}'`;
}
