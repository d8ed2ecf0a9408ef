import type { Readable } from 'node:stream';

/**
 * The bytes of a response body. The SDK's own collector first asks whether the body is a web
 * ReadableStream, and reading that global loads Node's web streams (2–3 ms) on every cold start; the
 * Node HTTP handler the clients use always gives a Node stream.
 */
export const collectNodeStream = (body: unknown): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = body as Readable;
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('error', reject);
    stream.once('end', () => resolve(Buffer.concat(chunks)));
  });
