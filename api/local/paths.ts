import { join } from 'node:path';

// Where the local runtime keeps its state; shared by npm start and the command-line tools.

export const LOCAL_TABLE = 'tide-local';

/** The git-ignored folder holding dynalite's files and, while npm start runs, its endpoint. */
export const localDataDir = (): string => process.env.TIDE_DATA_DIR ?? join(process.cwd(), '.data');
