// One list of error codes: the schema's ErrorCode enum, documented there, generated for the API and
// the add-in. Every code the API can send is on it, and the add-in turns each into advice at the cell.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributeResponse } from '../../addin/src/client/response.js';
import { ERROR_CODE_HANDLING, errorForCode } from '../../addin/src/shared/error-codes.js';
import { excelErrorFor } from '../../addin/src/functions/excel-errors.js';
import { ErrorCode } from '../../api/generated/enums.js';
import { startApi } from '../helpers/local-api.js';

const CODES = Object.values(ErrorCode);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts'))
    .map((f) => join(f.parentPath, f.name))
    .filter((f) => !f.includes(`${join('api', 'generated')}`));
}

describe('the ErrorCode list', () => {
  it('documents every code in schema.graphql', () => {
    const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
    const values = (schema.getType('ErrorCode') as GraphQLEnumType).getValues();
    expect(values.map((v) => v.name).sort()).toEqual([...CODES].sort());
    for (const v of values) expect(v.description, v.name).toMatch(/\w{3,}.*\w{3,}/);
  });

  it('holds every code the API writes (code: "...", graphqlError/DomainError/errorResponse/errorResult/sendError arguments)', () => {
    const written = new Set<string>();
    for (const file of sourceFiles('api')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bcode: '([A-Z][A-Z_]+)'/g)) written.add(m[1]);
      for (const m of text.matchAll(/(?:graphqlError|new DomainError|refuse|errorResponse|errorResult|sendError)\([^)]*?'([A-Z][A-Z_]{3,})'/g)) written.add(m[1]);
    }
    expect(written.size).toBeGreaterThan(5);
    expect([...written].filter((c) => !(CODES as string[]).includes(c))).toEqual([]);
  });
});

describe('the add-in', () => {
  it('tells the user what to do for every code', () => {
    for (const code of CODES) {
      const e = errorForCode(code, 'the server says why');
      expect(e.message, code).toContain('the server says why');
      const { advice } = ERROR_CODE_HANDLING[code];
      // Null only where the server's message names what to change (an argument, an id).
      if (advice === null) expect(['BAD_USER_INPUT', 'NOT_FOUND', 'NO_DATA']).toContain(code);
      else expect(e.message.startsWith(advice), code).toBe(true);
    }
    expect(errorForCode('QUERY_TOO_COMPLEX', 'x').message).toMatch(/^Too much for one request: split it/);
    expect(errorForCode('RESPONSE_TOO_LARGE', 'x').message).toMatch(/split it/);
    expect(errorForCode('SOMETHING_NEW', 'x')).toMatchObject({ kind: 'server', message: 'x (SOMETHING_NEW)' });
  });

  describe('against the API', () => {
    let api: Awaited<ReturnType<typeof startApi>>;
    beforeAll(async () => {
      api = await startApi();
    });
    afterAll(() => api?.close());

    it('a formula asking for more points than allowed shows #N/A advising to split it', async () => {
      process.env.TIDE_MAX_POINTS = '50';
      try {
        const res = await api.query('{ f0: series(id: "RUT") { observations(from: "2024-01-01", to: "2024-06-30") { values } } }');
        const [outcome] = distributeResponse(res as never, ['f0']).fields;
        expect(outcome.type).toBe('error');
        const cell = excelErrorFor(outcome.type === 'error' ? outcome.error : null);
        expect(cell.code).toBe('#N/A');
        expect(cell.message).toMatch(/^Too many values for one formula: split it into several with shorter start-end ranges.*RUT has \d+ points/);
      } finally {
        delete process.env.TIDE_MAX_POINTS;
      }
    });

    it('a formula costing more than the limit advises to split it', async () => {
      const fields = Array.from({ length: 700 }, (_, i) => `f${i}: series(id: "RUT") { observations(from: "2024-07-01") { values } }`).join(' ');
      const res = await api.query(`{ ${fields} }`);
      expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
      const { requestError } = distributeResponse(res as never, ['f0']);
      expect(excelErrorFor(requestError).message).toMatch(/^Too much for one request: split it into several formulas/);
    });

    it('a service error reaches the client with its code and the argument it blames', async () => {
      const res = await api.query('{ indicator(name: VOLATILITY, inputs: ["RUT"], window: 1) { values } }');
      expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'window' });
      const missing = await api.query('{ series(id: "RUT") { observations(from: "2024-08-01", to: "2024-07-01") { values } } }');
      expect(missing.errors?.[0]).toMatchObject({ path: ['series', 'observations'], extensions: { code: 'BAD_USER_INPUT', argumentName: 'from' } });
    });
  });
});
