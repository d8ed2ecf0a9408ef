import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the local runtime keeps its state: the one definition shared by `npm start` and every
// command-line tool (ingest, keys, load-sample), so they all open the same store.

export const LOCAL_TABLE = 'tide-local';

/** The repository root (this file sits in api/local/), whatever folder a command runs from. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface LocalPaths {
  /** TIDE_DATA_DIR (relative to the current folder), else .data/ in the repository: git-ignored */
  dataDir: string;
  /** dynalite's files */
  dynaliteDir: string;
  /** while `npm start` runs: the endpoint of its DynamoDB, so tools write into the running server */
  endpointFile: string;
  /** the development API key `npm start` prints */
  devKeyFile: string;
  /** the bundled dataset (data/ in the repository) */
  bundledDataDir: string;
  /** the built add-in served under /addin/ */
  addinDist: string;
}

export function localPaths(env: NodeJS.ProcessEnv = process.env): LocalPaths {
  return pathsUnder(env.TIDE_DATA_DIR ? resolve(env.TIDE_DATA_DIR) : join(REPO_ROOT, '.data'));
}

/** The files kept in a given data folder (tests and the bench pass their own folders). */
export function pathsUnder(dataDir: string, root = REPO_ROOT): LocalPaths {
  return {
    dataDir,
    dynaliteDir: join(dataDir, 'dynalite'),
    endpointFile: join(dataDir, 'endpoint'),
    devKeyFile: join(dataDir, 'dev-api-key'),
    bundledDataDir: join(root, 'data'),
    addinDist: join(root, 'addin', 'dist'),
  };
}
