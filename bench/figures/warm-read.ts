import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ApiKeyStore } from '../../api/auth/key-store.js';
import { loadBundled } from '../../api/dataset/load-bundled.js';
import { createGraphqlHandler } from '../../api/handlers/create-handler.js';
import { lambdaContext, toLambdaEvent } from '../../api/local/lambda-event.js';
import { startTestStore } from '../../support/local-store.js';
import { medianMs, ms, times, type Row } from '../harness.js';

const TEN = ['RUT', 'NASDAQCOM', 'DGS2', 'DFF', 'QQQ', 'IWM', 'DFEDTARU', 'RTY=F', 'NQ=F', 'ZQU24'];

/** Warm repeated reads through the handler, with the container's read cache and without it, against a query that reads no data. */
export async function warmReadFigures(): Promise<Row[]> {
  const t = await startTestStore('tide-bench-warm');
  try {
    await loadBundled(t.store, 'data');
    const { key } = await new ApiKeyStore(t.store.table, t.store.tableName).create('bench');
    const event = (query: string) =>
      toLambdaEvent({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: Buffer.from(JSON.stringify({ query })), sourceIp: '127.0.0.1' });
    const rut = event('{ series(id: "RUT") { observations(from: "2022-01-01", to: "2024-12-31") { values } } }');
    const ten = event(`{ ${TEN.map((id, i) => `s${i}: series(id: "${id}") { observations(from: "2022-01-01", to: "2024-12-31") { values } }`).join(' ')} }`);
    const none = event('{ fomcMeetings(from: "2024-01-01", to: "2024-12-31") }');
    const run = (handler: ReturnType<typeof createGraphqlHandler>, e: ReturnType<typeof event>) => async () => {
      const out = (await handler(e, lambdaContext('bench'), () => undefined)) as APIGatewayProxyStructuredResultV2;
      if (out.statusCode !== 200 || out.body?.includes('"errors"')) throw new Error(`warm read failed: ${out.body?.slice(0, 200)}`);
    };
    const cached = createGraphqlHandler(t.store); // version TTL 1 s, as deployed
    const uncached = createGraphqlHandler(t.store, { cache: false });
    const noData = await medianMs(run(cached, none), 21, 5);
    const rutCached = await medianMs(run(cached, rut), 21, 5);
    const rutUncached = await medianMs(run(uncached, rut), 21, 5);
    const tenCached = await medianMs(run(cached, ten), 15, 3);
    const tenUncached = await medianMs(run(uncached, ten), 15, 3);
    const before = t.store.stats.requests;
    await run(cached, rut)();
    const reads = t.store.stats.requests - before;
    return [
      {
        figure: 'warm repeated read, 3 years of RUT, read cache',
        value: `${ms(rutCached)}, ${reads} DynamoDB request(s)`,
        baseline: `query reading no data: ${ms(noData)}; without the cache: ${ms(rutUncached)}`,
        ratio: times(rutCached / noData),
        target: '≤ 1 small read',
        met: reads <= 1,
      },
      {
        figure: 'warm repeated read, 3 years of ten series, read cache',
        value: ms(tenCached),
        baseline: `without the cache: ${ms(tenUncached)}`,
        ratio: `${times(tenUncached / tenCached)} faster`,
        target: 'report',
        met: null,
      },
    ];
  } finally {
    await t.close();
  }
}
