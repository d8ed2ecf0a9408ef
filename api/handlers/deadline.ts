import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { setMaxListeners } from 'node:events';
import { graphqlError } from '../graphql/errors.js';
import { logger } from '../observability/logger.js';
import { requestDeadlineMs } from '../graphql/limits/settings.js';
import { errorResult } from './error-response.js';

// Time kept back from the Lambda's own timeout, so the coded answer is sent before the runtime kills it.
const MARGIN_MS = 1_000;

/**
 * Runs one request under a deadline (TIDE_REQUEST_DEADLINE_MS, and never past the Lambda's own
 * remaining time). When it passes, the caller is answered with DEADLINE_EXCEEDED at once, and the
 * signal handed to `work` aborts: the request's reads in flight are cancelled and no new one starts.
 */
export async function withDeadline(context: Context, work: (signal: AbortSignal) => Promise<APIGatewayProxyResultV2>): Promise<APIGatewayProxyResultV2> {
  const ms = Math.max(1, Math.min(requestDeadlineMs(), context.getRemainingTimeInMillis() - MARGIN_MS));
  const controller = new AbortController();
  setMaxListeners(0, controller.signal); // one listener per store read in flight; a 200-cell batch has many
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<APIGatewayProxyResultV2>((resolve) => {
    timer = setTimeout(() => {
      const message = `This request did not finish within ${ms} ms and was stopped; ask for less (a shorter range, fewer series or cells), or retry`;
      controller.abort(graphqlError('DEADLINE_EXCEEDED', message));
      logger.warn('request deadline passed', { requestId: context.awsRequestId, deadlineMs: ms });
      resolve(errorResult(504, message, 'DEADLINE_EXCEEDED'));
    }, ms);
  });
  const done = work(controller.signal);
  done.catch(() => undefined); // after the deadline nobody awaits it; its failure is already answered
  try {
    return await Promise.race([done, expired]);
  } finally {
    clearTimeout(timer);
  }
}
