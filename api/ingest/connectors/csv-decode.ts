import { fail, type Origin } from '../errors.js';

/**
 * Bytes → text, refusing anything that is not UTF-8 rather than guessing: a silently mis-decoded
 * file would store wrong labels or numbers. UTF-16 with a byte-order mark (Excel's "Unicode Text")
 * is decoded; a UTF-8 BOM (Excel's "CSV UTF-8") is dropped.
 */
export function decodeCsv(bytes: Uint8Array, origin: Origin): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul >= 0) {
    fail(origin, lineOf(body, nul), 'file contains NUL bytes: it looks like UTF-16 without a byte-order mark; save it as "CSV UTF-8" and try again');
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    fail(origin, lineOf(body, bad), `byte 0x${body[bad].toString(16)} at offset ${bad + start} is not valid UTF-8 (likely Windows-1252/Latin-1); save the file as "CSV UTF-8" and try again`);
  }
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629 sequence lengths). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return b.length - 1;
}
