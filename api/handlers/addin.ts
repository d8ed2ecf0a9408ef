import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { join } from 'node:path';
import { serveAddin } from '../addin-hosting/serve-addin.js';

// Serves the Excel add-in's static files from the deployment package (serverless.yml packages
// addin/dist with this function). It has no access to the table: its role only writes its logs.
const distDir = join(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), 'addin', 'dist');

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const res = await serveAddin(distDir, event.rawPath, `https://${event.requestContext.domainName}`);
  const binary = !/^(text\/|application\/(json|xml|javascript))/.test(res.headers['content-type']);
  return {
    statusCode: res.status,
    headers: res.headers,
    body: binary ? res.body.toString('base64') : res.body.toString('utf8'),
    isBase64Encoded: binary,
  };
}
