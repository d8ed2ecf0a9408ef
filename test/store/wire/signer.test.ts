import { HttpRequest } from '@smithy/core/transport';
import { describe, expect, it } from 'vitest';
import { createSigner, NodeSha256 } from '../../../api/store/wire/signer.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('SHA-256 and HMAC-SHA-256 for the signer', () => {
  it('gives the published test vectors', async () => {
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    const sha = new NodeSha256();
    sha.update('abc');
    expect(hex(await sha.digest())).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // RFC 4231, test case 2: key "Jefe", in two updates and as bytes.
    const hmac = new NodeSha256(new TextEncoder().encode('Jefe'));
    hmac.update('what do ya want ');
    hmac.update(new TextEncoder().encode('for nothing?'));
    expect(hex(await hmac.digest())).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    hmac.reset();
    hmac.update('what do ya want for nothing?');
    expect(hex(await hmac.digest())).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('SigV4', () => {
  // AWS's Signature Version 4 test suite: its example credentials, date, region and service.
  const signer = createSigner('service', 'us-east-1', { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' });
  const signingDate = new Date('2015-08-30T12:36:00Z');
  const sign = async (query: Record<string, string> = {}) =>
    (await signer.sign(new HttpRequest({ method: 'GET', protocol: 'https:', hostname: 'example.amazonaws.com', path: '/', query, headers: { host: 'example.amazonaws.com' } }), { signingDate })).headers.authorization;

  it('signs get-vanilla and get-vanilla-query-order-key-case as the suite does', async () => {
    expect(await sign()).toBe('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
    expect(await sign({ Param2: 'value2', Param1: 'value1' })).toMatch(/Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500$/);
  });
});
