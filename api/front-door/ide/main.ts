// The IDE on the front page: GraphiQL, bundled from npm into /ide/ide.js (nothing from a CDN), with one
// tab per README example and the development key in the headers when the local runtime provides it.
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';
import { parse, print } from 'graphql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLES, exampleQuery } from '../examples.js';
import { IDE_CONFIG_ELEMENT, type IdeConfig } from '../page.js';

const config = JSON.parse(document.getElementById(IDE_CONFIG_ELEMENT)?.textContent ?? '{}') as IdeConfig;
const headers = JSON.stringify({ 'x-api-key': config.apiKey ?? 'paste your API key here' }, null, 2);

// A plain POST: the API needs nothing more (no subscriptions, no multipart), so no fetcher library.
// GraphiQL asks for the schema before its headers editor exists, with no headers: that request
// carries the page's key, so the schema (docs, completion) loads without a manual refetch.
const fetcher: GraphiQLProps['fetcher'] = async (params, opts) => {
  const given = opts?.headers && Object.keys(opts.headers).length > 0 ? opts.headers : config.apiKey ? { 'x-api-key': config.apiKey } : {};
  const res = await fetch(config.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...given },
    body: JSON.stringify(params),
  });
  return res.json();
};

const defaultTabs = EXAMPLES.map((e) => ({ query: `# ${e.title}\n${print(parse(exampleQuery(e)))}`, headers }));

createRoot(document.getElementById('ide')!).render(createElement(GraphiQL, { fetcher, defaultTabs, defaultHeaders: headers, defaultEditorToolsVisibility: 'headers' }));
