// SEARCH and INFO: what the catalog holds.
import { optionalBool, optionalChoice, optionalText, requiredText } from '../shared/args.js';
import { isoToSerial } from '../shared/dates.js';
import { ArgumentError } from '../shared/errors.js';
import { INFO_FIELDS } from './choices.js';
import { SearchCatalog, SeriesInfo } from '../generated/operations.js';
import { ask, askValue } from '../client/operation.js';
import { requireSeries, type Fetch } from './fetcher.js';
import { cell, tableMatrix, type Cell, type Matrix } from './matrix.js';

/** The most rows SEARCH spills; refine the words to see others. */
export const SEARCH_LIMIT = 100;

export const SEARCH_LABELS = ['Id', 'Name', 'Unit', 'Frequency', 'Source', 'First date', 'Last date'];

export async function searchMatrix(fetch: Fetch, rawText: unknown, rawHeaders: unknown): Promise<Matrix> {
  const text = optionalText('text', rawText);
  const headers = optionalBool('headers', rawHeaders, false);
  const result = await askValue(fetch, SearchCatalog, { text, first: SEARCH_LIMIT });
  const rows: Matrix = result.nodes.map((s) => [s.id, s.name, s.unit, s.frequency, s.source.name, dateCell(s.firstDate), dateCell(s.lastDate)]);
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
  const series = requireSeries(await ask(fetch, SeriesInfo, { id }), id);
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
