// npm run addin:sideload -- desktop|web [--document <workbook URL>] and npm run addin:stop: load the
// add-in into Excel from the manifest npm start wrote, and take it out again, with Microsoft's
// office-addin-debugging (the yo-office `start`/`stop` pair). npm start must be running: it is the
// https server the manifest names, so no dev server is started here.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localHttpsPort, localManifestPath } from '../../api/local/paths.js';

const USAGE = `Usage:
  npm run addin:sideload -- desktop                           Excel on Windows or Mac
  npm run addin:sideload -- web --document "<workbook URL>"   Excel on the web (a workbook in OneDrive or SharePoint)
  npm run addin:stop                                          remove the sideloaded add-in`;

/** The office-addin-debugging arguments for a command, or a message saying what is missing. */
export function debuggingArgs(command: string | undefined, rest: string[], manifest: string, platform: NodeJS.Platform = process.platform): string[] | { error: string } {
  if (command === 'stop') return ['stop', manifest];
  if (command !== 'sideload') return { error: USAGE };
  const [target, ...options] = rest;
  if (target === 'desktop') {
    if (platform !== 'win32' && platform !== 'darwin') {
      return { error: `Excel desktop runs on Windows and Mac only. On ${platform}, use Excel on the web:\n${USAGE}` };
    }
    return ['start', manifest, 'desktop', '--no-debug', '--no-live-reload', ...options];
  }
  if (target === 'web') {
    if (!options.includes('--document')) {
      return { error: `Excel on the web needs the workbook to open: create or open one in OneDrive or SharePoint, copy its URL from the address bar, and pass it with --document.\n${USAGE}` };
    }
    return ['start', manifest, 'web', '--no-debug', '--no-live-reload', ...options];
  }
  return { error: USAGE };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = localManifestPath();
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'sideload' && !existsSync(manifest)) {
    console.error(`No local manifest at ${manifest}. Run npm start first (it serves https://localhost:${localHttpsPort()} and writes the manifest), and leave it running.`);
    process.exit(1);
  }
  const args = debuggingArgs(command, rest, manifest);
  if ('error' in args) {
    console.error(args.error);
    process.exit(1);
  }
  const cli = join(dirname(createRequire(import.meta.url).resolve('office-addin-debugging/package.json')), 'lib', 'cli.js');
  const run = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
