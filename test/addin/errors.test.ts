import { describe, expect, it } from 'vitest';
import { asExcelResult, excelError, excelErrorFor, MAX_MESSAGE_LENGTH } from '../../addin/src/functions/excel-errors.js';
import { MANIFEST_REQUIREMENTS } from '../../addin/src/shared/host.js';
import { floorHost, HOST_PROFILES } from '../../support/addin/host-profiles.js';
import { CustomFunctionsError, installOffice } from '../../support/addin/office-globals.js';
import { distributeResponse } from '../../addin/src/client/response.js';
import { ArgumentError, TideError } from '../../addin/src/shared/errors.js';

describe('Excel error for each failure', () => {
  it('bad arguments are #VALUE!, everything else #N/A, each with its message', () => {
    expect(excelErrorFor(new ArgumentError('window', '1 is not a whole number from 2 to 2520'))).toEqual({
      code: '#VALUE!',
      message: 'window: 1 is not a whole number from 2 to 2520',
    });
    for (const kind of ['notFound', 'unreachable', 'timeout', 'unauthorised', 'unavailable', 'tooLarge', 'server'] as const) {
      expect(excelErrorFor(new TideError(kind, `a ${kind} message`))).toEqual({ code: '#N/A', message: `a ${kind} message` });
    }
    expect(excelErrorFor(new Error('boom'))).toEqual({ code: '#N/A', message: 'boom' });
  });

  it('shortens long messages at a word', () => {
    const { message } = excelErrorFor(new TideError('server', 'word '.repeat(100)));
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(message.endsWith('word…')).toBe(true);
  });
});

describe('GraphQL errors mapped to their alias', () => {
  it('gives each alias its own value or error and classifies by extensions.code', () => {
    const { fields, requestError } = distributeResponse(
      {
        data: { f0: { x: 1 }, f1: null, f2: null },
        errors: [
          { message: 'Unknown series "NOPE"', path: ['f1'], extensions: { code: 'NOT_FOUND' } },
          { message: 'window must be at least 2', path: ['f2', 'values'], extensions: { code: 'BAD_USER_INPUT' } },
        ],
      },
      ['f0', 'f1', 'f2'],
    );
    expect(requestError).toBeUndefined();
    expect(fields[0]).toEqual({ type: 'value', value: { x: 1 } });
    expect(fields[1]).toEqual({ type: 'error', error: new TideError('notFound', 'Unknown series "NOPE"') });
    expect(fields[2].type === 'error' && fields[2].error.kind).toBe('badArgument');
  });

  it('marks aliases lost to another alias nulling the whole data as missing', () => {
    const { fields } = distributeResponse({ data: null, errors: [{ message: 'no such series', path: ['f1'], extensions: { code: 'NOT_FOUND' } }] }, ['f0', 'f1']);
    expect(fields.map((f) => f.type)).toEqual(['missing', 'error']);
  });

  it('applies an error without a path to every alias', () => {
    const { fields, requestError } = distributeResponse({ errors: [{ message: 'API key required', extensions: { code: 'UNAUTHENTICATED' } }] }, ['f0', 'f1']);
    expect(requestError?.kind).toBe('unauthorised');
    expect(fields.every((f) => f.type === 'error' && f.error.kind === 'unauthorised')).toBe(true);
  });
});

describe('the error a function throws, by host (support/addin/host-profiles.ts)', () => {
  it('CustomFunctions.Error with its code from CustomFunctionsRuntime 1.2; on a host of only the manifest floor, a plain Error (Excel shows #VALUE!) with the message', async () => {
    for (const host of [HOST_PROFILES.microsoft365, HOST_PROFILES.office2021, HOST_PROFILES.mac16_35]) {
      const uninstall = installOffice(host);
      try {
        const e = await asExcelResult(() => Promise.reject(new TideError('notFound', 'no series FOO'))).catch((x: unknown) => x);
        expect(e, host.id).toBeInstanceOf(CustomFunctionsError);
        expect(e).toMatchObject({ code: '#N/A', message: 'no series FOO' });
        expect(excelError('#VALUE!', 'bad')).toMatchObject({ code: '#VALUE!' });
      } finally {
        uninstall();
      }
    }
    const uninstall = installOffice(floorHost(MANIFEST_REQUIREMENTS));
    try {
      expect((globalThis as { CustomFunctions?: { Error?: unknown } }).CustomFunctions?.Error).toBeUndefined();
      const e = await asExcelResult(() => Promise.reject(new ArgumentError('window', 'too small'))).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(Error);
      expect(e).not.toBeInstanceOf(CustomFunctionsError);
      expect((e as Error).message).toBe('window: too small');
    } finally {
      uninstall();
    }
  });
});
