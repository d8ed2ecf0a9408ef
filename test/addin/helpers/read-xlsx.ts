// Reads an .xlsx package the way a spreadsheet application opens it, independently of the exceljs
// code that writes the sample: the package relationships lead from the workbook to each sheet, from a
// sheet to its drawing and from the drawing to its charts. Returns each sheet's formulas and each
// chart's type, title and plotted ranges.
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { posix } from 'node:path';

const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkg: 'http://schemas.openxmlformats.org/package/2006/relationships',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  drawing: 'http://schemas.openxmlformats.org/drawingml/2006/main',
};
const CHART_TYPES = ['lineChart', 'barChart', 'areaChart', 'scatterChart', 'pieChart'];

export interface ReadChart {
  type: string;
  title: string;
  values: string[];
}
export type ReadWorkbook = Record<string, { formulas: Record<string, string>; charts: ReadChart[] }>;

export async function readXlsx(bytes: Uint8Array): Promise<ReadWorkbook> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`the package has no part ${path}`);
    return new DOMParser().parseFromString(await file.async('string'), 'application/xml').documentElement!;
  };
  /** The targets of a part's relationships by id, as package paths. */
  const rels = async (part: string): Promise<Map<string, string>> => {
    const relsPath = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
    if (!zip.file(relsPath)) return new Map();
    const root = await xml(relsPath);
    return new Map(all(root, NS.pkg, 'Relationship').map((r) => [r.getAttribute('Id')!, posix.join(posix.dirname(part), r.getAttribute('Target')!)]));
  };

  const rootRels = await rels('');
  const workbookPath = [...rootRels.values()].find((p) => p.endsWith('workbook.xml')) ?? 'xl/workbook.xml';
  const workbookRels = await rels(workbookPath);
  const out: ReadWorkbook = {};
  for (const sheet of all(await xml(workbookPath), NS.main, 'sheet')) {
    const sheetPath = workbookRels.get(sheet.getAttributeNS(NS.rel, 'id')!)!;
    const root = await xml(sheetPath);
    const formulas: Record<string, string> = {};
    for (const cell of all(root, NS.main, 'c')) {
      const f = all(cell, NS.main, 'f')[0];
      if (f) formulas[cell.getAttribute('r')!] = `=${f.textContent ?? ''}`;
    }
    const charts: ReadChart[] = [];
    const sheetRels = await rels(sheetPath);
    for (const d of all(root, NS.main, 'drawing')) {
      const drawingPath = sheetRels.get(d.getAttributeNS(NS.rel, 'id')!)!;
      const drawingRels = await rels(drawingPath);
      for (const ref of all(await xml(drawingPath), NS.chart, 'chart')) {
        charts.push(readChart(await xml(drawingRels.get(ref.getAttributeNS(NS.rel, 'id')!)!)));
      }
    }
    out[sheet.getAttribute('name')!] = { formulas, charts };
  }
  return out;
}

function readChart(root: Element): ReadChart {
  const plot = all(root, NS.chart, 'plotArea')[0];
  const kind = CHART_TYPES.find((t) => all(plot, NS.chart, t).length > 0) ?? 'unknown';
  const title = all(all(root, NS.chart, 'title')[0], NS.drawing, 't')
    .map((t) => t.textContent)
    .join('');
  const values = all(plot, NS.chart, 'val').map((v) => all(v, NS.chart, 'f')[0]?.textContent ?? '');
  return { type: kind, title, values };
}

function all(node: Element | undefined, ns: string, local: string): Element[] {
  if (!node) return [];
  return Array.from(node.getElementsByTagNameNS(ns, local) as unknown as ArrayLike<Element>);
}
