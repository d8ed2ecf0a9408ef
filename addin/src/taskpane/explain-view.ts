// Renders an Explanation into the task pane (DOM only; the facts come from explain.ts).
import { serialToIso } from '../shared/dates.js';
import { staleNote } from './staleness.js';
import type { Explanation } from './explain.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const ORIGIN: Record<string, string> = {
  server: 'fetched from the server',
  'final cache': 'kept for good (its date is over): not fetched again',
  'recent cache': 'shown from the last answer while it refreshes',
};

/** An argument as Excel passed it; date serials are shown with the date they stand for. */
function showArg(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(omitted)';
  if (typeof v === 'number' && v > 20000 && v < 80000 && Number.isInteger(v)) return `${v} (${serialToIso(v)})`;
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export function renderExplanation(host: HTMLElement, e: Explanation, copy: (text: string) => Promise<void>): void {
  host.replaceChildren();
  if (e.kind !== 'explained') {
    host.append(el('p', e.kind === 'not-calculated' ? `${e.address}: ${e.formula}` : e.address, 'explain-cell'), el('p', e.message, 'explain-note'));
    return;
  }
  host.append(el('p', `${e.address}: ${e.formula}`, 'explain-cell'));
  const args = el('p', `TIDE.${e.fn}(${e.args.map(showArg).join(', ')})`, 'explain-args');
  host.append(args);

  e.calls.forEach((c, i) => {
    const box = el('section', undefined, 'explain-call');
    box.dataset.field = c.field;
    const head = el('div', undefined, 'explain-call-head');
    head.append(el('strong', `Query${e.calls.length > 1 ? ` ${i + 1}` : ''}`));
    const button = el('button', 'Copy query', 'copy-query');
    button.type = 'button';
    button.addEventListener('click', () => {
      copy(c.query).then(
        () => (button.textContent = 'Copied'),
        () => (button.textContent = 'Copy failed: select the text'),
      );
    });
    head.append(button);
    box.append(head, el('pre', c.query, 'explain-query'));
    const when = c.receivedAt ? ` (received ${c.receivedAt.slice(0, 16).replace('T', ' ')} UTC)` : '';
    box.append(el('p', `${c.asOf ? `As of ${c.asOf}` : 'Latest values'} · ${ORIGIN[c.origin]}${when}`, 'explain-origin'));
    const steps = el('ol', undefined, 'explain-steps');
    for (const s of c.steps) steps.append(el('li', s));
    box.append(steps);
    if (c.meta !== null && c.meta !== undefined) box.append(el('pre', JSON.stringify(c.meta, null, 2), 'explain-meta'));
    host.append(box);
  });

  const table = el('table', undefined, 'explain-series');
  const head = el('tr');
  for (const h of ['Series', 'Source', 'Unit', 'Values published by']) head.append(el('th', h));
  table.append(head);
  for (const s of e.series) {
    const row = el('tr');
    row.dataset.id = s.id;
    const name = el('td');
    name.append(el('strong', s.id), el('br'), el('span', s.name));
    const stale = staleNote(s.freshness);
    if (stale) name.append(el('br'), el('span', stale, 'explain-stale'));
    const source = el('td');
    if (s.source.url && /^https?:\/\//.test(s.source.url)) {
      const link = el('a', s.source.name);
      link.href = s.source.url;
      link.target = '_blank';
      link.rel = 'noopener';
      source.append(link);
    } else source.append(el('span', s.source.name));
    source.append(el('br'), el('code', s.source.sourceId));
    const vintage = el('td', s.vintage ?? 'nothing yet');
    if (s.latest) vintage.append(el('br'), el('span', `last value ${s.latest.date}, published ${s.latest.realtimeStart}`, 'explain-latest'));
    row.append(name, source, el('td', s.unit), vintage);
    table.append(row);
  }
  host.append(table);
}

/** Clipboard, with the older copy command as a fallback where the Office web view blocks the API. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('the clipboard is not available');
  }
}
