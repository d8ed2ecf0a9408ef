import { createHash, randomBytes } from 'node:crypto';

// A key is 32 random bytes (256 bits): a stored SHA-256 of it cannot be reversed or guessed, so no
// slow hash or salt is needed, and a lookup by hash is one GetItem.

export const API_KEY_PREFIX = 'tide_';
/** A key set by hand (TIDE_API_KEY) must be at least this long to be worth hashing. */
export const MIN_KEY_LENGTH = 24;

export const generateApiKey = (): string => API_KEY_PREFIX + randomBytes(32).toString('base64url');

/** The public handle of a key, for listing, revoking and logs; unrelated to the key's bytes. */
export const generateKeyId = (): string => randomBytes(6).toString('hex');

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** Why a hand-chosen key cannot be used, or undefined when it can. */
export function apiKeyProblem(key: string): string | undefined {
  if (key.length < MIN_KEY_LENGTH) return `an API key must be at least ${MIN_KEY_LENGTH} characters (got ${key.length}); \`npm run keys -- create\` makes a random one`;
  if (/\s/.test(key)) return 'an API key cannot contain spaces or line breaks';
  return undefined;
}
