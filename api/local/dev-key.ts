import { readFile, writeFile } from 'node:fs/promises';
import { apiKeyProblem } from '../auth/api-key.js';
import type { ApiKeyStore } from '../auth/key-store.js';

/**
 * The key the local runtime accepts: the one given (TIDE_API_KEY), else the one kept in `keyFile`
 * from an earlier start, else a new one. It is registered in the local table like any other key.
 */
export async function ensureDevelopmentKey(keys: ApiKeyStore, given?: string, keyFile?: string): Promise<string> {
  if (given !== undefined) {
    const problem = apiKeyProblem(given);
    if (problem) throw new Error(`TIDE_API_KEY cannot be used: ${problem}`);
    await register(keys, given, 'TIDE_API_KEY');
    return given;
  }
  const saved = keyFile ? (await readFile(keyFile, 'utf8').catch(() => '')).trim() : '';
  if (saved) {
    const record = await keys.findByKey(saved);
    if (record && !record.revoked) return saved;
  }
  const { key } = await keys.create('development');
  if (keyFile) await writeFile(keyFile, `${key}\n`, { mode: 0o600 });
  return key;
}

async function register(keys: ApiKeyStore, key: string, name: string): Promise<void> {
  const record = await keys.findByKey(key);
  if (record?.revoked) throw new Error(`the key in TIDE_API_KEY (id ${record.keyId}) was revoked on ${record.revoked}; choose another`);
  if (!record) await keys.create(name, key);
}
