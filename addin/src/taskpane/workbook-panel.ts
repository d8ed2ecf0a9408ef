// The task pane's workbook section: the pin (As of), Explain this cell, Freeze/Unfreeze, and what
// the answer cache holds. It reaches the custom functions' state through the shared runtime.
import type { FieldCall } from '../client/query.js';
import { documentSettings, officeDocument, readPin } from '../client/pin.js';
import { sharedRuntime } from '../client/shared-runtime.js';
import { hostHas } from '../shared/host.js';
import { todayIso } from '../shared/dates.js';
import { excelApi } from '../shared/excel-api.js';
import { explainCell, selectedFormulaCell } from './explain.js';
import { copyText, renderExplanation } from './explain-view.js';
import { freeze, frozenAt, frozenNote, frozenRecords, unfreeze, type Scope } from './freeze.js';
import { changePin, pinBanner, pinProblem } from './workbook-pin.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Cell notes came with ExcelApi 1.18; older Excel freezes without them. */
const notesSupported = (): boolean => hostHas('notes');
/** Spill ranges came with ExcelApi 1.12; older Excel takes an array's size from the functions' call log. */
const spillsSupported = (): boolean => hostHas('spills');

export function initWorkbookPanel(status: (text: string, isError?: boolean) => void): void {
  const settings = documentSettings();
  const excel = excelApi();
  const shared = sharedRuntime();
  const pinInput = $<HTMLInputElement>('pin-date');
  pinInput.max = todayIso();

  const showPin = () => {
    const pin = shared?.pin() ?? readPin(settings);
    const banner = pinBanner(pin);
    $('pin-banner').textContent = banner.text;
    $('pin-banner').classList.toggle('pinned', banner.pinned);
    document.body.dataset.pin = pin ?? '';
    if (pin) pinInput.value = pin;
    $<HTMLButtonElement>('unpin').disabled = !pin || !settings;
    showCache();
  };

  const showCache = () => {
    const f = shared?.fetcher();
    if (!f) return;
    const kept = f.cacheUsage();
    const failed = f.lastRefreshError ? ` · last refresh failed: ${f.lastRefreshError}` : '';
    $('cache-status').textContent = `${kept.answers} answers kept on this computer (${kept.final} for good)${failed}`;
  };

  const setPin = async (next: string | undefined) => {
    if (!settings || !shared) return status('Pinning needs the workbook open in Excel with the Tide add-in.', true);
    if (next !== undefined) {
      const problem = pinProblem(next);
      if (problem) return status(problem, true);
    }
    try {
      status(next ? `Pinning to ${next}…` : 'Unpinning…');
      const change = await changePin(settings, shared, next);
      showPin();
      status(change.pin ? `Pinned to ${change.pin}${change.recalculated ? '; TIDE cells recalculated' : ''}` : 'Live: latest values');
    } catch (e) {
      status((e as Error).message, true);
    }
  };

  $('pin-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void setPin(pinInput.value || undefined);
  });
  $('unpin').addEventListener('click', () => void setPin(undefined));
  $('pin-today').addEventListener('click', () => {
    pinInput.value = todayIso();
  });
  if (!settings) {
    for (const id of ['pin-submit', 'unpin']) $<HTMLButtonElement>(id).disabled = true;
  }

  $('forget-answers').addEventListener('click', async () => {
    if (!shared) return;
    await shared.fetcher().forgetAnswers();
    showCache();
    const recalculated = await shared.recalculate().catch(() => false);
    status(`Kept answers forgotten${recalculated ? '; TIDE cells recalculated from the server' : ''}`);
  });

  $('explain').addEventListener('click', () => void explain());
  const explain = async () => {
    if (!excel || !shared) return status('Explain needs the workbook open in Excel.', true);
    try {
      const cell = await selectedFormulaCell(excel, spillsSupported());
      const fetch = <T>(call: FieldCall) => shared.fetcher().fetch<T>(call);
      let explanation = await explainCell(cell, (a) => shared.cell(a), fetch);
      if (explanation.kind === 'none') {
        // A frozen cell: say where its value came from.
        const record = frozenAt(await frozenRecords(excel), cell.address);
        if (record) explanation = { ...explanation, message: frozenNote(record) };
      }
      renderExplanation($('explanation'), explanation, copyText);
      $('explanation').dataset.kind = explanation.kind;
      status(explanation.kind === 'explained' ? `Explained ${explanation.address}` : explanation.message, explanation.kind !== 'explained');
    } catch (e) {
      status(`Could not explain the cell: ${(e as Error).message}`, true);
    }
  };

  const showFrozen = async () => {
    if (!excel) return;
    try {
      const records = await frozenRecords(excel);
      const last = records
        .map((r) => r.frozenAt)
        .sort()
        .at(-1);
      $('frozen-status').textContent = records.length
        ? `${records.length} TIDE formula${records.length === 1 ? '' : 's'} frozen in this workbook, last on ${last!.slice(0, 16).replace('T', ' ')} UTC`
        : 'No TIDE formulas are frozen in this workbook.';
      document.body.dataset.frozen = String(records.length);
    } catch (e) {
      $('frozen-status').textContent = `Frozen formulas unreadable: ${(e as Error).message}`;
    }
  };

  const asOfOf = (address: string): string | undefined => {
    const calls = shared?.cell(address)?.calls ?? [];
    for (const t of calls) {
      const v = t.call.args.find((a) => a.name === 'asOf')?.value;
      if (typeof v === 'string') return v;
    }
    return undefined;
  };

  const onFreeze = async (scope: Exclude<Scope, 'workbook'>) => {
    if (!excel) return status('Freeze needs the workbook open in Excel.', true);
    try {
      const notes = notesSupported();
      const skipped: string[] = [];
      const extentOf = (address: string) => shared?.cell(address)?.extent;
      const done = await freeze(excel, scope, { pin: shared?.pin(), asOfOf, notes, spills: spillsSupported(), extentOf, onSkipped: (a) => skipped.push(a) });
      const said = notes ? 'values and a note' : 'values (this Excel cannot add notes: ExcelApi 1.18)';
      const left = skipped.length
        ? `; left as formulas, not calculated since the add-in started (this Excel cannot tell where an array spills: ExcelApi 1.12; recalculate, then freeze again): ${skipped.join(', ')}`
        : '';
      const froze = done.length
        ? `Froze ${done.length} TIDE formula${done.length === 1 ? '' : 's'}: the cells hold ${said}; Unfreeze restores them`
        : skipped.length
          ? 'No TIDE formulas frozen'
          : `No TIDE formulas in the ${scope}`;
      status(`${froze}${left}`, done.length === 0);
    } catch (e) {
      status(`Could not freeze: ${(e as Error).message}`, true);
    }
    await showFrozen();
  };

  const onUnfreeze = async (scope: Scope) => {
    if (!excel) return status('Unfreeze needs the workbook open in Excel.', true);
    try {
      const done = await unfreeze(excel, scope, { notes: notesSupported() });
      status(done.length ? `Restored ${done.length} TIDE formula${done.length === 1 ? '' : 's'}` : `Nothing frozen in the ${scope}`, done.length === 0);
    } catch (e) {
      status(`Could not unfreeze: ${(e as Error).message}`, true);
    }
    await showFrozen();
  };

  $('freeze-selection').addEventListener('click', () => void onFreeze('selection'));
  $('freeze-sheet').addEventListener('click', () => void onFreeze('sheet'));
  $('unfreeze-selection').addEventListener('click', () => void onUnfreeze('selection'));
  $('unfreeze-sheet').addEventListener('click', () => void onUnfreeze('sheet'));
  $('unfreeze-workbook').addEventListener('click', () => void onUnfreeze('workbook'));
  if (!excel) for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('#workbook-tools button'))) b.disabled = true;

  // Explain follows the selection while its section is open.
  officeDocument()?.addHandlerAsync(Office.EventType.DocumentSelectionChanged, () => {
    if ($<HTMLDetailsElement>('explain-box').open && $('explanation').dataset.kind) void explain();
  });
  // What the cache holds changes as cells calculate; the line is cheap to redraw.
  setInterval(showCache, 2000);
  showPin();
  void showFrozen();
}
