// DynamoDB's errors as the rest of Tide (and the SDK's retry rules) read them: the error's name is
// DynamoDB's error type (ProvisionedThroughputExceededException, ConditionalCheckFailedException, …),
// with the HTTP status and request id where the SDK keeps them.

export interface ResponseMetadata {
  httpStatusCode: number;
  requestId?: string;
}

export class DynamoDBError extends Error {
  readonly $metadata: ResponseMetadata;
  readonly $fault: 'client' | 'server';

  constructor(name: string, message: string, metadata: ResponseMetadata) {
    super(message);
    this.name = name;
    this.$metadata = metadata;
    this.$fault = metadata.httpStatusCode >= 500 ? 'server' : 'client';
  }
}

/**
 * The type of an error response. DynamoDB names it in the body's `__type` (or the x-amzn-errortype
 * header) as `namespace#Name`, sometimes followed by `:` and more; only Name is the type.
 */
export function errorType(raw: string): string {
  const name = raw.split(':')[0];
  return name.slice(name.lastIndexOf('#') + 1);
}

/** The error an HTTP error response stands for; a body that is not DynamoDB's JSON still gives a named error. */
export function errorFromResponse(status: number, headers: Record<string, string | undefined>, body: string): DynamoDBError {
  const metadata = { httpStatusCode: status, requestId: headers['x-amzn-requestid'] };
  let parsed: { __type?: unknown; code?: unknown; message?: unknown; Message?: unknown } = {};
  try {
    parsed = JSON.parse(body);
  } catch {
    // a proxy's or load balancer's page: keep the status, show the start of what came
  }
  const raw = headers['x-amzn-errortype'] ?? (typeof parsed.__type === 'string' ? parsed.__type : typeof parsed.code === 'string' ? parsed.code : undefined);
  const message = typeof parsed.message === 'string' ? parsed.message : typeof parsed.Message === 'string' ? parsed.Message : undefined;
  if (raw) {
    const type = errorType(raw);
    return new DynamoDBError(type, message ?? type, metadata);
  }
  const name = status >= 500 ? (status === 503 ? 'ServiceUnavailable' : 'InternalServerError') : 'UnknownError';
  return new DynamoDBError(name, `DynamoDB answered HTTP ${status} without an error type${body ? `: ${body.slice(0, 200)}` : ''}`, metadata);
}

/** A 2xx answer that is not what the operation returns: not JSON (cut short, or not DynamoDB answering), or of another shape. */
export function malformedResponse(operation: string, status: number, detail: string, requestId?: string): DynamoDBError {
  return new DynamoDBError('MalformedResponse', `DynamoDB's answer to ${operation} is not what ${operation} returns (HTTP ${status}): ${detail.slice(0, 240)}`, { httpStatusCode: status, requestId });
}
