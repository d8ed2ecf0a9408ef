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
  /** the add-in manifest `npm start` writes for its https origin: the file a user uploads or sideloads */
  manifestFile: string;
}

/** What the local runtime reads from the repository. */
export interface RepoPaths {
  /** the bundled dataset (data/) */
  bundledDataDir: string;
  /** the built add-in served under /addin/ */
  addinDist: string;
}

export type LocalPaths = DataPaths &
  RepoPaths & {
    /** TIDE_CERT_DIR: where the Office developer certificate is kept; undefined = the Office tools' own folder */
    certDir?: string;
  };

export function localPaths(env: NodeJS.ProcessEnv = process.env): LocalPaths {
  return {
    ...dataPaths(env.TIDE_DATA_DIR ? resolve(env.TIDE_DATA_DIR) : join(REPO_ROOT, '.data')),
    ...repoPaths(),
    ...(env.TIDE_CERT_DIR ? { certDir: resolve(env.TIDE_CERT_DIR) } : {}),
  };
}

/** The files in a given data folder (tests and the bench pass folders of their own). */
export function dataPaths(dataDir: string): DataPaths {
  return { dataDir, dynaliteDir: join(dataDir, 'dynalite'), endpointFile: join(dataDir, 'endpoint'), devKeyFile: join(dataDir, 'dev-api-key'), manifestFile: join(dataDir, 'manifest.xml') };
}

export function repoPaths(root: string = REPO_ROOT): RepoPaths {
  return { bundledDataDir: join(root, 'data'), addinDist: join(root, 'addin', 'dist') };
}

/** The folder holding dynalite's files and, while npm start runs, its endpoint. */
export const localDataDir = (): string => localPaths().dataDir;

/** The manifest npm start writes for its https origin: the file a user uploads to Excel or sideloads. */
export const localManifestPath = (): string => localPaths().manifestFile;

/** The https port of npm start (Office loads add-ins over https only); 3000 as in Office's own templates. */
export const localHttpsPort = (): number => Number(process.env.HTTPS_PORT ?? 3000);
