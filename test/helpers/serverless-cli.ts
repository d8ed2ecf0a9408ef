import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the real osls CLI from the repository root, offline: dummy credentials, no telemetry. Each run
// builds in its own folder (TIDE_BUILD_DIR) so test files can run side by side, and gets a temporary
// folder of its own (TMPDIR), removed when it ends: serverless-esbuild leaves in it a copy of each
// function's files it zipped.

const baseEnv = (buildDir: string, scratch: string): NodeJS.ProcessEnv => ({
  ...process.env,
  TMPDIR: scratch,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  SLS_TELEMETRY_DISABLED: '1',
  SLS_NOTIFICATIONS_MODE: 'off',
  TIDE_BUILD_DIR: `.esbuild/${buildDir}`,
});

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['serverless', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

export interface Packaged {
  template: any;
  /** Zip size in bytes per function name. */
  zipBytes: Record<string, number>;
  dir: string;
}

/** `serverless package --stage <stage>` (with `--param=k=v` for each of `params`) into a temporary folder; the generated CloudFormation template and zips. */
export async function packageStage(stage: string, params: Record<string, string> = {}): Promise<Packaged> {
  const dir = await mkdtemp(join(tmpdir(), `tide-package-${stage}-`));
  const scratch = await mkdtemp(join(tmpdir(), 'tide-sls-'));
  const paramArgs = Object.entries(params).map(([k, v]) => `--param=${k}=${v}`);
  const buildDir = `package-${stage}${paramArgs.length ? '-params' : ''}`;
  const { code, output } = await run(['package', '--stage', stage, '--package', dir, ...paramArgs], baseEnv(buildDir, scratch)).finally(() => rm(scratch, { recursive: true, force: true }));
  if (code !== 0) throw new Error(`serverless package --stage ${stage} failed (exit ${code}):\n${output}`);
  const zipBytes: Record<string, number> = {};
  for (const f of await readdir(dir)) if (f.endsWith('.zip')) zipBytes[f.replace(/\.zip$/, '')] = (await stat(join(dir, f))).size;
  return { template: JSON.parse(await readFile(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')), zipBytes, dir };
}

export interface Offline {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** `serverless offline` on loopback, its functions seeing `env` (--localEnvironment); resolves once it serves. */
export async function startOffline(opts: { stage: string; httpPort: number; lambdaPort: number; env: Record<string, string> }): Promise<Offline> {
  const args = ['serverless', 'offline', '--stage', opts.stage, '--localEnvironment', '--host', '127.0.0.1', '--httpPort', String(opts.httpPort), '--lambdaPort', String(opts.lambdaPort)];
  // Its own process group, so stopping it also stops the npx and node processes under it.
  const scratch = await mkdtemp(join(tmpdir(), 'tide-sls-'));
  const child: ChildProcess = spawn('npx', args, { env: { ...baseEnv(`offline-${opts.stage}-${opts.httpPort}`, scratch), ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const ready = new Set<() => void>();
  const collect = (d: Buffer) => {
    output += d;
    if (output.includes('Server ready')) for (const f of ready) f();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const closed = new Promise((resolve) => child.once('close', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await closed;
    }
    await rm(scratch, { recursive: true, force: true });
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serverless offline did not start in 90 s:\n${output}`)), 90_000);
    ready.add(() => {
      clearTimeout(timer);
      resolve();
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`serverless offline exited (${code}) before serving:\n${output}`));
    });
  }).catch(async (err) => {
    await stop();
    throw err;
  });
  return { url: `http://127.0.0.1:${opts.httpPort}`, output: () => output, stop };
}
