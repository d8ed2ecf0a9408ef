// searchSeries ranks what a person means first: the exact id, then series named by the words, then
// series that only mention them, then field-level series (CFTC report columns). Real bundled catalog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.close());

const search = async (text: string, first = 100): Promise<string[]> => {
  const res = await api.query('query($text: String, $first: Int) { searchSeries(text: $text, first: $first) { nodes { id } } }', { text, first });
  expect(res.errors).toBeUndefined();
  return res.data.searchSeries.nodes.map((n: { id: string }) => n.id);
};

describe('search ranking', () => {
  it('"russell" lists the index, the ETF and the future before the CFTC fields of the Russell E-mini', async () => {
    const ids = await search('russell');
    expect(ids.slice(0, 3)).toEqual(['RUT', 'IWM', 'RTY=F']);
    const cftc = ids.filter((id) => id.startsWith('CFTC_'));
    expect(cftc.length).toBeGreaterThanOrEqual(15);
    expect(ids.slice(ids.length - cftc.length)).toEqual(cftc); // every field-level series after every other
  });

  it('an exact id comes first, whatever else mentions it', async () => {
    expect((await search('DGS2'))[0]).toBe('DGS2');
    expect((await search('dff'))[0]).toBe('DFF');
    expect((await search('CPIAUCSL'))[0]).toBe('CPIAUCSL');
  });

  it('series named by the words come before series that only mention them in notes or source', async () => {
    const ids = await search('nasdaq');
    const named = ['NASDAQCOM', 'QQQ', 'NQ=F'];
    expect(ids.slice(0, named.length).sort()).toEqual([...named].sort());
  });

  it('a CFTC field is still found, and first, by its exact id', async () => {
    const ids = await search('CFTC_239742_F_ASSET_MGR_LONG');
    expect(ids).toEqual(['CFTC_239742_F_ASSET_MGR_LONG']);
  });

  it('pages follow the ranking: the second page continues where the first stopped', async () => {
    const all = await search('russell', 40);
    const first = await api.query('{ searchSeries(text: "russell", first: 3) { nodes { id } pageInfo { endCursor } } }');
    const cursor = first.data.searchSeries.pageInfo.endCursor;
    const second = await api.query(`{ searchSeries(text: "russell", first: 5, after: "${cursor}") { nodes { id } } }`);
    expect(second.data.searchSeries.nodes.map((n: { id: string }) => n.id)).toEqual(all.slice(3, 8));
  });
});
