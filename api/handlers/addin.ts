import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { serveSite } from '../addin-hosting/site.js';

// Serves the Excel add-in's static files, the docs and (where the stage enables it) the GraphQL IDE
// from the deployment package (serverless.yml packages addin/dist, docs and dist/ide with this
// function). It has no access to the table: its role only writes its logs. So the front page, which
// lists the stale series, is routed to the graphql function (api/handlers/front-door.ts); this one
// still answers / (the page without that list) when invoked with it.
const root = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
const ide = process.env.TIDE_IDE === 'true';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const res = await serveSite(event.rawPath, `https://${event.requestContext.domainName}`, { root, ide });
  const binary = !/^(text\/|application\/(json|xml|javascript))/.test(res.headers['content-type']);
  return {
    statusCode: res.status,
    headers: res.headers,
    body: binary ? res.body.toString('base64') : res.body.toString('utf8'),
    isBase64Encoded: binary,
  };
}
