import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { frontDoor } from '../addin-hosting/site.js';
import { wantsPage, type StaleLine } from '../front-door/page.js';

/**
 * Lambda middleware: a browser opening /graphql gets the front page (no key needed to read it) rather
 * than a 401 or Apollo's landing page, which would load its IDE from another host.
 */
export function frontDoorForBrowsers(ide: boolean, staleSeries?: () => Promise<StaleLine[]>) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2 | void> => {
    if (!wantsPage(event.requestContext.http.method, event.headers ?? {}, new URLSearchParams(event.rawQueryString ?? ''))) return;
    const page = await frontDoor({ ide, staleSeries }, `https://${event.requestContext.domainName}`);
    return { statusCode: page.status, headers: page.headers, body: page.body.toString('utf8') };
  };
}
