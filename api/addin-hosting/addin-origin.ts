// Where the add-in is served under an origin, and how one build of it serves every origin: the
// add-in's build writes ORIGIN_PLACEHOLDER wherever its manifest names its own origin, and each
// server (the addin Lambda, the local server) puts its origin in when it serves the manifest, so no
// build names a machine. The build imports these from here; nothing here imports the build.

/** Stands for the origin serving the add-in in the manifest the build writes. */
export const ORIGIN_PLACEHOLDER = '{{TIDE_ORIGIN}}';

/** Where the add-in's files are served under an origin. */
export const ADDIN_PATH = '/addin';

/** A built manifest with the serving origin put in. */
export function withOrigin(manifest: string, origin: string): string {
  return manifest.replaceAll(ORIGIN_PLACEHOLDER, origin);
}
