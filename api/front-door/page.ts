// The front door: what GET / (and a browser's GET /graphql) answers. With the IDE, a GraphiQL bundled
// from npm and served by Tide itself; without it (production, unless a stage enables it), a plain page
// with the same links and the example queries to copy. Nothing on either page comes from another host.
import { EXAMPLES, exampleQuery } from './examples.js';

export interface FrontDoorOptions {
  /** Show the GraphQL IDE (its files are served under /ide/). */
  ide: boolean;
  /** A key to prefill in the IDE's headers: only the local runtime's development key. */
  apiKey?: string;
  /** This server's origin, for the copyable curl example. */
  origin: string;
  /** Series late past their expected release (services/freshness.ts), listed under the header; absent where the page has no store to ask. */
  stale?: StaleLine[];
}

/** One stale series as the front page lists it. */
export interface StaleLine {
  id: string;
  name: string;
  lastObservation: string | null;
  expectedBy: string | null;
  /** CALENDAR: expectedBy is the publisher's release day (of `calendar`); RULE: Tide's lag rule estimated it. */
  expectedFrom?: 'CALENDAR' | 'RULE' | null;
  calendar?: string | null;
  daysLate: number;
  lastChecked: string | null;
}

/** Where expectedBy came from, in front of how late it is. */
const basis = (s: StaleLine): string => (s.expectedFrom === 'CALENDAR' && s.calendar ? `${s.calendar}; ` : s.expectedFrom === 'RULE' ? 'estimated; ' : '');

/** How many stale series the page names before "and N more". */
export const STALE_SHOWN = 12;

/** The documentation pages served under /docs/, as the README's table lists them. */
export const DOC_PAGES: readonly { file: string; title: string }[] = [
  { file: 'series.md', title: 'Series: frequencies, aggregations, transforms, point in time' },
  { file: 'indicators.md', title: 'Indicators: formulas, parameters, defaults' },
  { file: 'excel.md', title: 'Excel: loading the add-in, the functions' },
  { file: 'ingest.md', title: 'Ingest: keeping data current' },
  { file: 'deploy.md', title: 'Deploy: your AWS account, keys, limits' },
];

export const MANIFEST_PATH = '/addin/manifest.xml';
export const GRAPHQL_PATH = '/graphql';

/** The configuration the IDE script reads from the page. */
export interface IdeConfig {
  endpoint: string;
  apiKey?: string;
}
export const IDE_CONFIG_ELEMENT = 'tide-ide-config';

// Only our own origin, so a page that tried to load anything from elsewhere would fail visibly.
export const FRONT_DOOR_CSP =
  "default-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// JSON inside <script> must not be able to close the element.
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const STYLE = `
  html, body { margin: 0; height: 100%; font: 14px/1.45 system-ui, sans-serif; color: #1b1f23; }
  body { display: flex; flex-direction: column; }
  header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .4rem 1.2rem; padding: .5rem 1rem; border-bottom: 1px solid #d0d7de; }
  header h1 { font-size: 1.1rem; margin: 0; }
  header nav { display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
  a { color: #005a66; }
  #ide { flex: 1; min-height: 0; }
  main { max-width: 62rem; padding: 0 1rem 2rem; }
  pre { background: #f6f8fa; padding: .6rem .8rem; overflow-x: auto; white-space: pre-wrap; }
  #stale-series { padding: .3rem 1rem; background: #fff8c5; border-bottom: 1px solid #d4a72c; }
  #stale-series ul { margin: .2rem 0; padding-left: 1.2rem; }
`;

/** The stale series, named with what is late and since when; nothing when every series is current. */
function staleSection(stale: StaleLine[] | undefined): string {
  if (!stale || stale.length === 0) return '';
  const item = (s: StaleLine) =>
    `<li><code>${escapeHtml(s.id)}</code> ${escapeHtml(s.name)}: last observation ${escapeHtml(s.lastObservation ?? 'none')}, next expected by ${escapeHtml(s.expectedBy ?? '-')} (${escapeHtml(basis(s))}${s.daysLate} day${s.daysLate === 1 ? '' : 's'} late); last checked ${escapeHtml(s.lastChecked ? s.lastChecked.slice(0, 10) : 'never by an ingest')}</li>`;
  const more = stale.length > STALE_SHOWN ? `<li>and ${stale.length - STALE_SHOWN} more (<code>npm run ingest -- status</code> lists all)</li>` : '';
  // Folded: one line above the IDE until opened, however many series are late.
  return `<section id="stale-series" aria-label="Stale series"><details>
    <summary><strong>${stale.length} stale series</strong>, late past their expected release</summary>
    <ul>${stale.slice(0, STALE_SHOWN).map(item).join('')}${more}</ul>
  </details></section>`;
}

function links(): string {
  const docs = DOC_PAGES.map((d) => `<a href="/docs/${d.file}" title="${escapeHtml(d.title)}">${escapeHtml(d.file.replace('.md', ''))}</a>`).join(' ');
  return `<nav aria-label="Tide">
    <a href="${MANIFEST_PATH}" id="manifest-link">Excel add-in manifest</a>
    <span>Docs: ${docs}</span>
    <span>API: <code>POST ${GRAPHQL_PATH}</code> with an <code>x-api-key</code> header</span>
  </nav>`;
}

function plainBody(origin: string): string {
  const examples = EXAMPLES.map((e) => `<h3>${escapeHtml(e.title)}</h3>\n<pre>${escapeHtml(exampleQuery(e))}</pre>`).join('\n');
  return `<main>
  <p>Send a query as JSON to <code>${GRAPHQL_PATH}</code> with your API key (<code>npm run keys -- create --stage &lt;stage&gt;</code> makes one):</p>
  <pre>curl -s ${escapeHtml(origin)}${GRAPHQL_PATH} -H 'content-type: application/json' -H "x-api-key: $KEY" -d '{"query": "{ series(id: \\"RUT\\") { name latest { date value } } }"}'</pre>
  <p>Load the add-in in Excel from the <a href="${MANIFEST_PATH}">manifest</a> (<a href="/docs/excel.md">how</a>). Example queries:</p>
  ${examples}
  </main>`;
}

export function frontDoorHtml(opts: FrontDoorOptions): string {
  const config: IdeConfig = { endpoint: GRAPHQL_PATH, ...(opts.apiKey ? { apiKey: opts.apiKey } : {}) };
  const head = opts.ide ? '<link rel="stylesheet" href="/ide/ide.css">' : '';
  const body = opts.ide
    ? `<div id="ide"></div>
  <script type="application/json" id="${IDE_CONFIG_ELEMENT}">${scriptJson(config)}</script>
  <script src="/ide/ide.js"></script>`
    : plainBody(opts.origin);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Tide</title>
  <style>${STYLE}</style>
  ${head}
</head>
<body>
  <header>
    <h1>Tide</h1>
    <span>market and macro series, and the indicators strategists compute from them</span>
    ${links()}
  </header>
  ${staleSection(opts.stale)}
  ${body}
</body>
</html>
`;
}

/** True for a browser asking for a page (GET, HTML accepted) rather than a client sending a query. */
export function wantsPage(method: string, headers: Record<string, string | undefined>, query: URLSearchParams): boolean {
  if (method.toUpperCase() !== 'GET' || query.has('query') || query.has('extensions')) return false;
  const accept = Object.entries(headers).find(([k]) => k.toLowerCase() === 'accept')?.[1] ?? '';
  return accept.includes('text/html');
}
