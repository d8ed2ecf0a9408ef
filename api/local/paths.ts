import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the local runtime keeps its state: the one definition shared by `npm start` and every
// command-line tool (ingest, keys, load-sample), so they all open the same store.

export const LOCAL_TABLE = 'tide-local';

/** The repository root (this file sits in api/local/), whatever folder a command runs from. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The files kept in a data folder. */
export interface DataPaths {
  /** TIDE_DATA_DIR (relative to the current folder), else .data/ in the repository: git-ignored */
  dataDir: string;
  /** dynalite's files */
  dynaliteDir: string;
  /** while `npm start` runs: the endpoint of its DynamoDB, so tools write into the running server */
  endpointFile: string;
  /** the development API key `npm start` prints */
  devKeyFile: string;
}

/** What the local runtime reads from the repository. */
export interface RepoPaths {
  /** the bundled dataset (data/) */
  bundledDataDir: string;
  /** the built add-in served under /addin/ */
  addinDist: string;
}

export type LocalPaths = DataPaths & RepoPaths;

export function localPaths(env: NodeJS.ProcessEnv = process.env): LocalPaths {
  return { ...dataPaths(env.TIDE_DATA_DIR ? resolve(env.TIDE_DATA_DIR) : join(REPO_ROOT, '.data')), ...repoPaths() };
}

/** The files in a given data folder (tests and the bench pass folders of their own). */
export function dataPaths(dataDir: string): DataPaths {
  return { dataDir, dynaliteDir: join(dataDir, 'dynalite'), endpointFile: join(dataDir, 'endpoint'), devKeyFile: join(dataDir, 'dev-api-key') };
}

export function repoPaths(root: string = REPO_ROOT): RepoPaths {
  return { bundledDataDir: join(root, 'data'), addinDist: join(root, 'addin', 'dist') };
}
