// SEARCH and INFO: what the catalog holds.
import { optionalBool, optionalChoice, optionalText, requiredText } from '../shared/args.js';
import { isoToSerial } from '../shared/dates.js';
import { ArgumentError } from '../shared/errors.js';
import { INFO_FIELDS } from './choices.js';
import { requireSeries, type Fetch } from './fetcher.js';
import { cell, tableMatrix, type Cell, type Matrix } from './matrix.js';

interface CatalogEntry {
  id: string;
  name: string;
  unit: string;
  frequency: string;
  notes: string | null;
  firstDate: string | null;
  lastDate: string | null;
  lastUpdated: string | null;
  source: { name: string; sourceId: string; url: string | null };
}

const ENTRY_SELECTION =
  'id name unit frequency notes firstDate lastDate lastUpdated source { name sourceId url }';

/** The most rows SEARCH spills; refine the words to see others. */
export const SEARCH_LIMIT = 100;

export const SEARCH_LABELS = ['Id', 'Name', 'Unit', 'Frequency', 'Source', 'First date', 'Last date'];

export async function searchMatrix(fetch: Fetch, rawText: unknown, rawHeaders: unknown): Promise<Matrix> {
  const text = optionalText('text', rawText);
  const headers = optionalBool('headers', rawHeaders, false);
  const result = await fetch<{ nodes: CatalogEntry[] }>({
    field: 'searchSeries',
    args: [
      { name: 'text', type: 'String', value: text },
      { name: 'first', type: 'Int', value: SEARCH_LIMIT },
    ],
    selection: `nodes { ${ENTRY_SELECTION} }`,
  });
  const rows: Matrix = result.nodes.map((s) => [
    s.id, s.name, s.unit, s.frequency, s.source.name, dateCell(s.firstDate), dateCell(s.lastDate),
  ]);
  return tableMatrix(rows, {
    headers,
    labels: SEARCH_LABELS,
    emptyMessage: text ? `No series matches "${text}"` : 'The catalog is empty',
  });
}

export async function infoCell(fetch: Fetch, rawId: unknown, rawField: unknown): Promise<Cell> {
  const id = requiredText('id', rawId);
  const field = optionalChoice('field', rawField, INFO_FIELDS);
  if (!field) throw new ArgumentError('field', `is required, one of: ${Object.keys(INFO_FIELDS).join(', ')}`);
  const series = requireSeries(
    await fetch<CatalogEntry | null>({
      field: 'series',
      args: [{ name: 'id', type: 'ID!', value: id }],
      selection: ENTRY_SELECTION,
    }),
    id,
  );
  switch (field) {
    case 'source':
      return series.source.name;
    case 'sourceId':
      return series.source.sourceId;
    case 'url':
      return cell(series.source.url);
    case 'firstDate':
    case 'lastDate':
      return dateCell(series[field]);
    default:
      return cell(series[field]);
  }
}

function dateCell(iso: string | null): Cell {
  return iso ? isoToSerial(iso) : '';
}
