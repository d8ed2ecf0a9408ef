import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { regionalEndpoint, wireSettings, WireSettingsError } from '../../../api/store/wire/settings.js';

// Expected endpoints come from an independent implementation: the AWS SDK's own endpoint rules for
// DynamoDB (its generated ruleset, evaluated by the SDK's rules engine).
const sdk = new DynamoDBClient({ region: 'us-east-1' });
const sdkEndpoint = (Region: string, UseFIPS: boolean, UseDualStack: boolean): string => {
  try {
    return sdk.config.endpointProvider({ Region, UseFIPS, UseDualStack } as never).url.href;
  } catch {
    return 'refused';
  }
};
const ours = (region: string, fips: boolean, dualStack: boolean): string => {
  try {
    return regionalEndpoint(region, { fips, dualStack }).href;
  } catch (err) {
    expect(err).toBeInstanceOf(WireSettingsError);
    return 'refused';
  }
};

describe('regional endpoints', () => {
  const regions = ['us-east-1', 'eu-central-1', 'ap-southeast-7', 'il-central-1', 'mx-central-1', 'cn-north-1', 'cn-northwest-1', 'us-gov-west-1', 'us-gov-east-1', 'us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'eusc-de-east-1', 'xx-future-9', 'local'];
  for (const region of regions) {
    it(`${region}: the SDK's host for plain, FIPS, dual-stack and both`, () => {
      for (const fips of [false, true]) for (const dualStack of [false, true]) expect([fips, dualStack, ours(region, fips, dualStack)]).toEqual([fips, dualStack, sdkEndpoint(region, fips, dualStack)]);
    });
  }

  it('refuses a region that would change the host rather than name a region', () => {
    for (const bad of ['us-east-1.evil.example', 'us-east-1/x', 'US-EAST-1', 'useast1', '']) expect(() => regionalEndpoint(bad)).toThrow(WireSettingsError);
  });
});

describe('settings from the environment', () => {
  const lambda = { AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' };

  it("a function's environment: its region's endpoint and the role's keys, session token included", () => {
    const s = wireSettings({}, lambda);
    expect(s.endpoint.href).toBe('https://dynamodb.eu-west-2.amazonaws.com/');
    expect(s.region).toBe('eu-west-2');
    expect(s.credentials).toEqual({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' });
    expect([s.requestTimeoutMs, s.connectionTimeoutMs, s.maxAttempts]).toEqual([5_000, 2_000, 5]);
    expect(wireSettings({}, { ...lambda, AWS_MAX_ATTEMPTS: '3' }).maxAttempts).toBe(3);
  });

  it('takes the endpoint the SDK would: the DynamoDB one over the general one, neither when told to ignore them', () => {
    expect(wireSettings({}, { ...lambda, AWS_ENDPOINT_URL: 'https://general.example', AWS_ENDPOINT_URL_DYNAMODB: 'https://ddb.example:8443' }).endpoint.href).toBe('https://ddb.example:8443/');
    expect(wireSettings({}, { ...lambda, AWS_ENDPOINT_URL: 'https://general.example' }).endpoint.href).toBe('https://general.example/');
    expect(wireSettings({}, { ...lambda, AWS_ENDPOINT_URL: 'https://general.example', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }).endpoint.href).toBe('https://dynamodb.eu-west-2.amazonaws.com/');
    expect(wireSettings({}, { ...lambda, AWS_USE_FIPS_ENDPOINT: 'true' }).endpoint.href).toBe('https://dynamodb-fips.eu-west-2.amazonaws.com/');
    expect(wireSettings({}, { ...lambda, AWS_USE_DUALSTACK_ENDPOINT: 'true' }).endpoint.href).toBe('https://dynamodb.eu-west-2.api.aws/');
    // A configured endpoint keeps the role's keys: it is still AWS (a VPC endpoint, a proxy).
    expect(wireSettings({}, { ...lambda, AWS_ENDPOINT_URL_DYNAMODB: 'https://vpce.example' }).credentials).toMatchObject({ accessKeyId: 'AKIDEXAMPLE' });
  });

  it('a local server (given, or DYNAMODB_ENDPOINT) needs no keys or region', () => {
    for (const s of [wireSettings({ endpoint: 'http://127.0.0.1:8000' }, {}), wireSettings({}, { DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' })]) {
      expect(s.endpoint.href).toBe('http://127.0.0.1:8000/');
      expect(s.credentials).toEqual({ accessKeyId: 'local', secretAccessKey: 'local' });
      expect(s.region).toBe('us-east-1');
    }
  });

  it('names what is missing or wrong', () => {
    expect(() => wireSettings({}, { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' })).toThrow(/AWS_REGION/);
    expect(() => wireSettings({}, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'a' })).toThrow(/AWS_SECRET_ACCESS_KEY/);
    expect(() => wireSettings({}, { ...lambda, AWS_ENDPOINT_URL_DYNAMODB: 'not a url' })).toThrow(/not a URL/);
    expect(() => wireSettings({}, { ...lambda, AWS_ENDPOINT_URL_DYNAMODB: 'ftp://x.example' })).toThrow(/not http/);
    expect(() => wireSettings({}, { ...lambda, AWS_MAX_ATTEMPTS: 'three' })).toThrow(/AWS_MAX_ATTEMPTS/);
  });
});
