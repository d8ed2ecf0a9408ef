// The add-in's operations are typed from schema.graphql by codegen (operations.graphql -> generated
// specs and types); every one, merged into a batch as the client does, is a valid query for the schema.
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldCall, type Operation } from '../../addin/src/client/operation.js';
import { buildBatchQuery } from '../../addin/src/client/query.js';
import * as generated from '../../addin/src/generated/operations.js';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
const operations = (Object.entries(generated) as [string, unknown][]).filter((e): e is [string, Operation<unknown, object>] => typeof e[1] === 'object' && e[1] !== null && 'selection' in e[1]);
const plugin = (await import('../../codegen/field-calls-plugin.cjs' as string)).default as { plugin(schema: unknown, docs: { document: unknown }[]): string };

describe('add-in operations', () => {
  it('are all generated, and merged into one batch they validate against the schema', () => {
    expect(operations.map(([name]) => name).sort()).toEqual([
      'CutProbabilities',
      'ExplainIndicatorMeta',
      'ExplainSeries',
      'Indicator',
      'IndicatorWithMeta',
      'PaneObservations',
      'PaneSearch',
      'Positioning',
      'RatePath',
      'SearchCatalog',
      'SeriesInfo',
      'SeriesLatest',
      'SeriesObservations',
      'SeriesRevisions',
    ]);
    const batch = buildBatchQuery(operations.map(([, op]) => fieldCall(op, {})));
    expect(validate(schema, parse(batch.query))).toEqual([]);
    expect(batch.variables).toEqual({}); // nothing given, nothing sent: the schema's defaults apply
  });

  it('send a given variable under its alias, and leave out an undefined one', () => {
    const batch = buildBatchQuery([fieldCall(generated.SeriesObservations, { id: 'RUT', from: '2024-07-01', to: undefined })]);
    expect(batch.variables).toEqual({ f0_id: 'RUT', f0_from: '2024-07-01' });
    expect(batch.query).toContain(
      'f0: series(id: $f0_id) { id observations(from: $f0_from, to: $f0_to, frequency: $f0_frequency, transform: $f0_transform, release: $f0_release, asOf: $f0_asOf) { dates values } }',
    );
  });

  it('codegen refuses an operation the batching client could not alias', () => {
    const run = (doc: string) => () => plugin.plugin(schema, [{ document: parse(doc) }]);
    expect(run('query Two { fomcMeetings series(id: "RUT") { id } }')).toThrow(/exactly one root field/);
    expect(run('query Renamed($x: ID!) { series(id: $x) { id } }')).toThrow(/must take \$id/);
    expect(run('query Literal { series(id: "RUT") { id } }')).toThrow(/must be a variable/);
    expect(run('fragment F on Series { id } query Spread($id: ID!) { series(id: $id) { ...F } }')).toThrow(/no fragment spreads/);
  });
});
