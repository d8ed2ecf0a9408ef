import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { collectNodeStream } from './node-stream-collector.js';
import { DEFAULT_MAX_ATTEMPTS, LOCAL_CREDENTIALS } from './table.js';

export interface ClientOptions {
  /** A local DynamoDB-compatible server (also DYNAMODB_ENDPOINT): the client then signs with dummy keys. */
  endpoint?: string;
  region?: string;
  credentials?: DynamoDBClientConfig['credentials'];
  /** Attempts per call, the first included; else AWS_MAX_ATTEMPTS, else DEFAULT_MAX_ATTEMPTS. */
  maxAttempts?: number;
  /** A request not answered in this time is abandoned and retried, so no caller waits forever. */
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
}

/**
 * The AWS SDK's document client: the one DynamoDB client of every function, the local server and the
 * tools. Region, credentials (environment, profiles, SSO, the function's role), retry mode
 * (AWS_RETRY_MODE: standard, or adaptive for client-side rate limiting) and endpoint overrides come
 * from the SDK's own configuration chain unless given here.
 */
export function createDocumentClient(opts: ClientOptions = {}): DynamoDBDocumentClient {
  const endpoint = opts.endpoint ?? (process.env.DYNAMODB_ENDPOINT?.trim() || undefined);
  const client = new DynamoDBClient({
    // A local server takes any region; AWS needs one, which the SDK reads from AWS_REGION or the profile.
    region: opts.region ?? (endpoint ? (process.env.AWS_REGION ?? 'us-east-1') : undefined),
    ...(endpoint ? { endpoint } : {}),
    credentials: opts.credentials ?? (endpoint ? LOCAL_CREDENTIALS : undefined),
    maxAttempts: opts.maxAttempts ?? (process.env.AWS_MAX_ATTEMPTS ? undefined : DEFAULT_MAX_ATTEMPTS),
    streamCollector: collectNodeStream,
    // Without throwOnRequestTimeout the SDK only warns when the timeout passes and keeps waiting.
    requestHandler: { requestTimeout: opts.requestTimeoutMs ?? 5_000, connectionTimeout: opts.connectionTimeoutMs ?? 2_000, throwOnRequestTimeout: true },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
