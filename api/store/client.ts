import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { collectNodeStream } from './node-stream-collector.js';
import { DEFAULT_MAX_ATTEMPTS, LOCAL_CREDENTIALS } from './table.js';

export interface ClientOptions {
  endpoint?: string;
  region?: string;
  /** Attempts per request, the first included (default DEFAULT_MAX_ATTEMPTS). */
  maxAttempts?: number;
}

/**
 * The AWS SDK's document client, for the command-line tools against AWS (sdk-table.ts) and for tests'
 * own look at a table; a local endpoint gets dummy credentials so no AWS account is needed.
 */
export function createDocumentClient(opts: ClientOptions = {}): DynamoDBDocumentClient {
  const endpoint = opts.endpoint ?? process.env.DYNAMODB_ENDPOINT;
  const client = new DynamoDBClient({
    region: opts.region ?? process.env.AWS_REGION ?? 'us-east-1',
    ...(endpoint ? { endpoint, credentials: LOCAL_CREDENTIALS } : {}),
    maxAttempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    streamCollector: collectNodeStream,
    // A request not answered in 5 s is abandoned and retried, so no caller waits forever; without
    // throwOnRequestTimeout the SDK only warns when the timeout passes and keeps waiting.
    requestHandler: { requestTimeout: 5_000, connectionTimeout: 2_000, throwOnRequestTimeout: true },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
