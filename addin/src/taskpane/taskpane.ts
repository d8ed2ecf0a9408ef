// Task pane: settings, series search, a chart of the selected series, and formula insertion.
import { BatchingClient } from '../client/batching-client.js';
import { apiUrlProblem, loadSettings, saveSettings, type TideSettings } from '../client/settings.js';
import { sharedRuntime } from '../client/shared-runtime.js';
import { excelApi } from '../shared/excel-api.js';
import { PaneApi, type CatalogRow } from './api.js';
import { setupChangedSince } from './changed-since.js';
import { drawSeriesChart } from './chart.js';
import { ratioExpression, seriesFormula } from './formula.js';
import { staleNote } from './staleness.js';
import { initWorkbookPanel } from './workbook-panel.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const api = new PaneApi(new BatchingClient({ url: '', batchDelayMs: 0 }));
let selected: CatalogRow | undefined;
// A ratio: after "Ratio to…", the next series picked divides the selected one (RUT / QQQ).
let pickingDenominator = false;
let denominator: CatalogRow | undefined;
const shownId = (): string => (denominator ? ratioExpression(selected!.id, denominator.id) : selected!.id);

function status(text: string, isError = false): void {
  const el = $('status');
  el.textContent = text;
  el.classList.toggle('error', isError);
}

function applySettings(s: TideSettings): void {
  const options = { url: s.apiUrl, apiKey: s.apiKey || undefined };
  api.client.configure(options);
  // In the shared runtime the custom functions' client lives in this page too.
  sharedRuntime()?.configure(options);
}

async function search(text: string): Promise<void> {
  status('Searching…');
  try {
    const { rows, total } = await api.search(text);
    const list = $('results');
    list.replaceChildren(
      ...rows.map((row) => {
        const li = document.createElement('li');
        li.dataset.id = row.id;
        li.innerHTML = `<span class="id"></span><span class="name"></span>`;
        li.querySelector('.id')!.textContent = row.id;
        li.querySelector('.name')!.textContent = row.name;
        li.addEventListener('click', () => void select(row, li));
        return li;
      }),
    );
    status(`${total} series${total > rows.length ? `, first ${rows.length} shown` : ''}`);
  } catch (e) {
    status((e as Error).message, true);
  }
}

async function select(row: CatalogRow, li: HTMLElement): Promise<void> {
  if (pickingDenominator && selected) {
    denominator = row;
    setPicking(false);
  } else {
    selected = row;
    denominator = undefined;
    for (const other of Array.from($('results').children)) other.setAttribute('aria-selected', String(other === li));
  }
  $('selected').hidden = false;
  const rows = denominator ? [selected!, denominator] : [selected!];
  $('selected-title').textContent = denominator ? `${shownId()} — ${selected!.name} / ${denominator.name}` : `${row.id} — ${row.name}`;
  $('selected-meta').textContent = rows
    .map((r) => {
      const stale = staleNote(r.freshness);
      return `${r.id}: ${r.unit} · ${r.frequency.toLowerCase()} · ${r.source.name} · ${r.firstDate ?? '?'} to ${r.lastDate ?? '?'}${stale ? ` · ${stale}` : ''}`;
    })
    .join('; ');
  $('ratio').textContent = denominator ? 'Clear the ratio' : 'Ratio to another series…';
  updateFormula();
  await redraw();
}

function setPicking(on: boolean): void {
  pickingDenominator = on;
  $('ratio').setAttribute('aria-pressed', String(on));
  if (on) status(`Pick the series to divide ${selected!.id} by`);
}

async function toggleRatio(): Promise<void> {
  if (!selected) return;
  if (!denominator) return setPicking(!pickingDenominator);
  denominator = undefined;
  $('ratio').textContent = 'Ratio to another series…';
  $('selected-title').textContent = `${selected.id} — ${selected.name}`;
  updateFormula();
  await redraw();
}

async function redraw(): Promise<void> {
  if (!selected) return;
  const start = $<HTMLInputElement>('start').value || undefined;
  const end = $<HTMLInputElement>('end').value || undefined;
  try {
    const id = shownId();
    const obs = await api.observations(id, start, end);
    drawSeriesChart($('chart'), id, obs.dates, obs.values);
    $('chart').dataset.points = String(obs.dates.length);
    status(`${id}: ${obs.dates.length} observations`);
  } catch (e) {
    status((e as Error).message, true);
  }
}

function currentFormula(): string {
  const start = $<HTMLInputElement>('start').value || undefined;
  const end = $<HTMLInputElement>('end').value || undefined;
  return seriesFormula(shownId(), start, end);
}

function updateFormula(): void {
  $('formula').textContent = currentFormula();
}

async function insertFormula(): Promise<void> {
  const formula = currentFormula();
  const excel = excelApi();
  if (!excel) {
    status('Not running inside Excel: copy the formula shown above.', true);
    return;
  }
  try {
    await excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.formulas = [[formula]];
      await context.sync();
    });
    status(`Inserted ${formula}`);
  } catch (e) {
    status(`Could not insert the formula: ${(e as Error).message}`, true);
  }
}

async function start(): Promise<void> {
  if (typeof Office !== 'undefined') await Office.onReady();
  const settings = await loadSettings();
  $<HTMLInputElement>('api-url').value = settings.apiUrl;
  $<HTMLInputElement>('api-key').value = settings.apiKey;
  applySettings(settings);
  $<HTMLButtonElement>('insert').disabled = excelApi() === undefined;

  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void search($<HTMLInputElement>('search-text').value.trim());
  });
  for (const id of ['start', 'end']) {
    $(id).addEventListener('change', () => {
      updateFormula();
      void redraw();
    });
  }
  $('insert').addEventListener('click', () => void insertFormula());
  $('ratio').addEventListener('click', () => void toggleRatio());
  setupChangedSince(status);
  $('settings-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const next = { apiUrl: $<HTMLInputElement>('api-url').value.trim(), apiKey: $<HTMLInputElement>('api-key').value.trim() };
    const problem = apiUrlProblem(next.apiUrl);
    if (problem) return status(problem, true);
    applySettings(next);
    saveSettings(next).then(
      () => status('Settings saved'),
      (err: Error) => status(`Settings not saved: ${err.message}`, true),
    );
  });
  initWorkbookPanel(status);
  document.body.dataset.ready = 'true';
}

void start();
