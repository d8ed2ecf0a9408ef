import { join } from 'node:path';

// Where the local runtime keeps its state; shared by npm start and the command-line tools.

export const LOCAL_TABLE = 'tide-local';

/** The git-ignored folder holding dynalite's files and, while npm start runs, its endpoint. */
export const localDataDir = (): string => process.env.TIDE_DATA_DIR ?? join(process.cwd(), '.data');

/** The manifest npm start writes for its https origin: the file a user uploads to Excel or sideloads. */
export const localManifestPath = (): string => join(localDataDir(), 'manifest.xml');

/** The https port of npm start (Office loads add-ins over https only); 3000 as in Office's own templates. */
export const localHttpsPort = (): number => Number(process.env.HTTPS_PORT ?? 3000);
