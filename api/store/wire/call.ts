import { StandardRetryStrategy } from '@smithy/core/retry';
import { HttpRequest } from '@smithy/core/transport';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { collectNodeStream } from '../node-stream-collector.js';
import { retryErrorType } from '../transient-faults.js';
import { decodeBody, encodeBody } from './attribute-values.js';
import { errorFromResponse, malformedResponse } from './errors.js';
import type { WireSettings } from './settings.js';
import { createSigner } from './signer.js';

// One call of DynamoDB's JSON protocol (awsJson1_0): a POST naming the operation in X-Amz-Target,
// signed with SigV4, sent over a keep-alive connection, retried as the AWS SDK retries (its own
// standard strategy: backoff with jitter, a retry budget, throttling told apart).

const TARGET_PREFIX = 'DynamoDB_20120810.';
const CLOCK_SKEW_LIMIT_MS = 5 * 60_000;

export interface Caller {
  call(operation: string, body: object, signal?: AbortSignal): Promise<Record<string, unknown>>;
  destroy(): void;
}

export function createCaller(settings: WireSettings): Caller {
  const signer = createSigner('dynamodb', settings.region, settings.credentials);
  const http = new NodeHttpHandler({ requestTimeout: settings.requestTimeoutMs, connectionTimeout: settings.connectionTimeoutMs, throwOnRequestTimeout: true });
  const retries = new StandardRetryStrategy(settings.maxAttempts);
  const { protocol, hostname, port, host, pathname } = settings.endpoint;
  // Signatures carry the time; a clock the service finds off by minutes is corrected from its Date header.
  let clockOffsetMs = 0;

  async function once(operation: string, payload: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const request = new HttpRequest({
      protocol,
      hostname,
      port: port ? Number(port) : undefined,
      method: 'POST',
      path: pathname,
      headers: {
        host,
        'content-type': 'application/x-amz-json-1.0',
        'content-length': String(Buffer.byteLength(payload)),
        'x-amz-target': TARGET_PREFIX + operation,
        'user-agent': 'tide',
      },
      body: payload,
    });
    const signed = await signer.sign(request, { signingDate: new Date(Date.now() + clockOffsetMs) });
    const { response } = await http.handle(signed as HttpRequest, { abortSignal: signal });
    const bytes = await collectNodeStream(response.body);
    // Read in place: Buffer.from(bytes) alone would copy every answer, up to a 1 MB Query page, first.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const headers = response.headers as Record<string, string | undefined>;
    if (response.statusCode < 200 || response.statusCode >= 300) {
      const error = errorFromResponse(response.statusCode, headers, text);
      const serverTime = Date.parse(headers.date ?? '');
      if (Number.isFinite(serverTime) && Math.abs(serverTime - (Date.now() + clockOffsetMs)) >= CLOCK_SKEW_LIMIT_MS) clockOffsetMs = serverTime - Date.now();
      throw error;
    }
    try {
      return decodeBody(text);
    } catch {
      throw malformedResponse(operation, response.statusCode, `not JSON, ${text.length} characters: ${text.slice(0, 120)}`, headers['x-amzn-requestid']);
    }
  }

  return {
    async call(operation, body, signal) {
      const payload = encodeBody(body);
      let token = await retries.acquireInitialRetryToken('dynamodb');
      for (;;) {
        try {
          const out = await once(operation, payload, signal);
          retries.recordSuccess(token);
          return out;
        } catch (error) {
          if (signal?.aborted || !(error instanceof Error)) throw error;
          try {
            token = await retries.refreshRetryTokenForRetry(token, { errorType: retryErrorType(error) });
          } catch {
            throw error; // not retryable, or attempts or retry budget spent: the caller sees DynamoDB's error
          }
        }
      }
    },
    destroy: () => http.destroy(),
  };
}
