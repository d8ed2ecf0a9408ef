import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { graphqlError } from './errors.js';
import { isIsoDate } from '../series/dates.js';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw graphqlError('BAD_USER_INPUT', `Invalid date ${JSON.stringify(value)}: expected a real calendar date written YYYY-MM-DD, e.g. "2024-07-31"`);
  }
  return value;
}

/** Serialization of scalars whose values are held as they are sent (leaf-lists.ts checks long lists of them in one pass). */
export const serializeAsIs = (value: unknown): unknown => value;

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: serializeAsIs,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : ((ast as { value?: unknown }).value ?? ast.kind)),
});

function literalToJson(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map(literalToJson);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value)]));
    default:
      return null;
  }
}

export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: serializeAsIs,
  parseValue: (value) => value,
  parseLiteral: literalToJson,
});
