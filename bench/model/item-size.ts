// DynamoDB's item size, by its published rules, from the wire (AttributeValue JSON) form: attribute
// names count their UTF-8 bytes; strings their UTF-8 bytes; numbers about one byte per two
// significant digits plus one; sets and lists the sum of their elements plus 3 bytes (1 per element).

type Wire = Record<string, unknown>;

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function numberSize(n: string): number {
  const digits = n.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

export function valueSize(v: Wire): number {
  if ('S' in v) return utf8(String(v.S));
  if ('N' in v) return numberSize(String(v.N));
  if ('B' in v) return Buffer.from(String(v.B), 'base64').length;
  if ('BOOL' in v || 'NULL' in v) return 1;
  if ('SS' in v) return (v.SS as string[]).reduce((n, s) => n + utf8(s), 0);
  if ('NS' in v) return (v.NS as string[]).reduce((n, s) => n + numberSize(s), 0);
  if ('L' in v) return 3 + (v.L as Wire[]).reduce((n, e) => n + 1 + valueSize(e), 0);
  if ('M' in v) return 3 + Object.entries(v.M as Record<string, Wire>).reduce((n, [k, e]) => n + 1 + utf8(k) + valueSize(e), 0);
  return 0;
}

export const itemSize = (item: Record<string, Wire>): number => Object.entries(item).reduce((n, [k, v]) => n + utf8(k) + valueSize(v), 0);
