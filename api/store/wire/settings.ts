import { partition } from '@aws-sdk/core/client';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { DEFAULT_MAX_ATTEMPTS, LOCAL_CREDENTIALS } from '../table.js';

// Where and as whom the client talks to DynamoDB. Deployed, everything comes from the function's
// environment, under the names the AWS SDKs and tools use (Lambda sets the region and the role's
// keys); nothing is read from files, so a cold start opens none.

export interface WireSettings {
  endpoint: URL;
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** A request not answered in this time is abandoned and retried, so no caller waits forever. */
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  /** Attempts per call, the first included; throttling, 5xx and network errors are retried. */
  maxAttempts: number;
}

export interface WireOptions {
  /** A local DynamoDB-compatible server: the client then signs with dummy keys. */
  endpoint?: string;
  region?: string;
  credentials?: WireSettings['credentials'];
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
  maxAttempts?: number;
}

export class WireSettingsError extends Error {
  override readonly name = 'WireSettingsError';
}

type Env = Record<string, string | undefined>;
const text = (env: Env, name: string): string | undefined => env[name]?.trim() || undefined;
const flag = (env: Env, name: string): boolean => text(env, name)?.toLowerCase() === 'true';

/**
 * DynamoDB's regional endpoint, FIPS and dual-stack as asked: the host the SDK's endpoint rules give,
 * from the SDK's own table of partitions and their DNS suffixes.
 */
export function regionalEndpoint(region: string, opts: { fips?: boolean; dualStack?: boolean } = {}): URL {
  if (region === 'local') {
    if (opts.fips || opts.dualStack) throw new WireSettingsError('DynamoDB local has no FIPS or dual-stack endpoint');
    return new URL('http://localhost:8000/');
  }
  if (!/^[a-z0-9]+(-[a-z0-9]+)+$/.test(region)) throw new WireSettingsError(`"${region}" is not an AWS region name (e.g. us-east-1)`);
  const p = partition(region);
  if (opts.fips && !p.supportsFIPS) throw new WireSettingsError(`DynamoDB has no FIPS endpoint in ${region}`);
  if (opts.dualStack && !p.supportsDualStack) throw new WireSettingsError(`DynamoDB has no dual-stack endpoint in ${region}`);
  // GovCloud's regional endpoints are FIPS endpoints already.
  const fips = opts.fips && !(p.name === 'aws-us-gov' && !opts.dualStack) ? '-fips' : '';
  return new URL(`https://dynamodb${fips}.${region}.${opts.dualStack ? p.dualStackDnsSuffix : p.dnsSuffix}/`);
}

/** The settings: each from `opts`, else from the environment, else the default the SDK would use. */
export function wireSettings(opts: WireOptions = {}, env: Env = process.env): WireSettings {
  // A local server, given here or as DYNAMODB_ENDPOINT (serverless offline, the tools), takes any keys and region.
  const local = opts.endpoint ?? text(env, 'DYNAMODB_ENDPOINT');
  const region = opts.region ?? text(env, 'AWS_REGION') ?? text(env, 'AWS_DEFAULT_REGION') ?? (local ? 'us-east-1' : undefined);
  if (!region) throw new WireSettingsError('No AWS region: set AWS_REGION (Lambda sets it)');
  const configured = flag(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS') ? undefined : (text(env, 'AWS_ENDPOINT_URL_DYNAMODB') ?? text(env, 'AWS_ENDPOINT_URL'));
  const endpoint = local ?? configured;
  return {
    endpoint: endpoint ? parseEndpoint(endpoint) : regionalEndpoint(region, { fips: flag(env, 'AWS_USE_FIPS_ENDPOINT'), dualStack: flag(env, 'AWS_USE_DUALSTACK_ENDPOINT') }),
    region,
    credentials: opts.credentials ?? (local ? LOCAL_CREDENTIALS : credentialsFromEnvironment(env)),
    requestTimeoutMs: opts.requestTimeoutMs ?? 5_000,
    connectionTimeoutMs: opts.connectionTimeoutMs ?? 2_000,
    maxAttempts: opts.maxAttempts ?? attempts(env) ?? DEFAULT_MAX_ATTEMPTS,
  };
}

function attempts(env: Env): number | undefined {
  const value = text(env, 'AWS_MAX_ATTEMPTS');
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new WireSettingsError(`AWS_MAX_ATTEMPTS is "${value}": give a whole number of attempts, 1 or more`);
  return Number(value);
}

function parseEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new WireSettingsError(`DynamoDB endpoint "${endpoint}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WireSettingsError(`DynamoDB endpoint "${endpoint}" is not http(s)`);
  return url;
}

/** The keys Lambda gives a function's role; a missing one is named. */
function credentialsFromEnvironment(env: Env): AwsCredentialIdentity {
  const accessKeyId = text(env, 'AWS_ACCESS_KEY_ID');
  const secretAccessKey = text(env, 'AWS_SECRET_ACCESS_KEY');
  if (!accessKeyId || !secretAccessKey) throw new WireSettingsError('No AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set (Lambda sets them for the function role)');
  const sessionToken = text(env, 'AWS_SESSION_TOKEN');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
