/** Everything written to this process's stdout and stderr from now until `stop()`, as lines. */
export function captureOutput() {
  const chunks: string[] = [];
  const originals = { out: process.stdout.write, err: process.stderr.write };
  const tap = (original: typeof process.stdout.write) =>
    function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof process.stdout.write;
  process.stdout.write = tap(originals.out);
  process.stderr.write = tap(originals.err);
  return {
    lines: () => chunks.join('').split('\n').filter(Boolean),
    stop() {
      process.stdout.write = originals.out;
      process.stderr.write = originals.err;
    },
  };
}
