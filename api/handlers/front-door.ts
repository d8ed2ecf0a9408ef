import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { frontDoor } from '../addin-hosting/site.js';
import { wantsPage, type StaleLine } from '../front-door/page.js';

/** Whether `event` asks for the front page: any GET of / (serverless.yml routes it here), or a browser opening /graphql. */
function asksForPage(event: APIGatewayProxyEventV2): boolean {
  const method = event.requestContext.http.method;
  if (event.rawPath === '/') return method.toUpperCase() === 'GET';
  return wantsPage(method, event.headers ?? {}, new URLSearchParams(event.rawQueryString ?? ''));
}

/**
 * Lambda middleware: the front page (no key needed to read it), with the stale series of the store this
 * function reads, for GET / and for a browser opening /graphql (rather than a 401 or Apollo's landing
 * page, which would load its IDE from another host). GET / is served here, not by the `addin` function,
 * because only this function reads the table: the deployed page lists stale series as `npm start`'s does.
 */
export function frontDoorForBrowsers(ide: boolean, staleSeries?: () => Promise<StaleLine[]>) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2 | void> => {
    if (!asksForPage(event)) return;
    const page = await frontDoor({ ide, staleSeries }, `https://${event.requestContext.domainName}`);
    return { statusCode: page.status, headers: page.headers, body: page.body.toString('utf8') };
  };
}
