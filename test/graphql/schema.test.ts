import { readFileSync } from 'node:fs';
import { buildSchema, graphql, lexicographicSortSchema, printSchema, validateSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { resolvers } from '../../api/graphql/resolvers/index.js';
import { attachResolvers, buildExecutableSchema } from '../../api/graphql/schema.js';

// The server runs on a schema built from codegen's pre-parsed document, with validation skipped at run
// time (a cold start need not repeat it). These tests are where that validation and the resolver
// wiring are checked instead.

describe('the executable schema', () => {
  it('is exactly schema.graphql (codegen sorts the types)', () => {
    const fromSdl = buildSchema(readFileSync('schema.graphql', 'utf8'));
    expect(printSchema(lexicographicSortSchema(buildExecutableSchema()))).toBe(printSchema(lexicographicSortSchema(fromSdl)));
  });

  it('is a valid schema (the check the server skips)', () => {
    expect(validateSchema(buildExecutableSchema({ assumeValid: false }))).toEqual([]);
  });

  it('runs every resolver given, on the field it names', () => {
    const schema = buildExecutableSchema();
    for (const [typeName, impl] of Object.entries(resolvers)) {
      const type = schema.getType(typeName)!;
      if (!('getFields' in type)) continue;
      const fields = type.getFields() as Record<string, { resolve?: unknown }>;
      for (const [field, fn] of Object.entries(impl as Record<string, unknown>)) expect(fields[field].resolve, `${typeName}.${field}`).toBe(fn);
    }
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(Object.keys(resolvers.Query!)));
  });

  it('coerces Date with its own rules, as a variable and as a literal', async () => {
    const schema = buildExecutableSchema();
    const asVariable = await graphql({ schema, source: 'query ($d: Date) { series(id: "X") { latest(asOf: $d) { value } } }', variableValues: { d: '2024-02-30' } });
    expect(asVariable.errors?.[0].message).toMatch(/Invalid date "2024-02-30": expected a real calendar date/);
    const asLiteral = await graphql({ schema, source: '{ series(id: "X") { latest(asOf: "2024-13-01") { value } } }' });
    expect(asLiteral.errors?.[0].message).toMatch(/Invalid date "2024-13-01"/);
  });

  it('refuses resolvers for a type or field the schema lacks', () => {
    expect(() => attachResolvers(buildExecutableSchema(), { Series: { nosuch: () => 1 } })).toThrow('Series.nosuch defined in resolvers, but not in schema');
    expect(() => attachResolvers(buildExecutableSchema(), { Nosuch: {} })).toThrow('"Nosuch", which is not an object type or scalar');
  });
});
