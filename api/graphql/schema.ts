import { buildASTSchema, GraphQLScalarType, isObjectType, isScalarType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { schemaDocument } from '../generated/schema-document.js';
import { resolvers } from './resolvers/index.js';

export interface SchemaOptions {
  /**
   * Skip graphql-js's schema validation at run time. The schema is fixed at build time and a test
   * validates exactly this build, so a cold container need not repeat it (default true).
   */
  assumeValid?: boolean;
}

type FieldImpl = GraphQLFieldResolver<unknown, unknown> | { resolve: GraphQLFieldResolver<unknown, unknown> };

/**
 * The executable schema: the pre-parsed document from codegen, with resolvers and scalars attached in
 * place. This is what graphql-tools' makeExecutableSchema did for Tide's schema (no interfaces, unions
 * or directives), minus parsing the SDL and rebuilding every type twice, which each cold start paid for.
 */
export function buildExecutableSchema(opts: SchemaOptions = {}): GraphQLSchema {
  const assumeValid = opts.assumeValid ?? true;
  return attachResolvers(buildASTSchema(schemaDocument, { assumeValid, assumeValidSDL: assumeValid }), resolvers as Record<string, unknown>);
}

/** Resolvers and scalar implementations attached to `schema` in place; one for a type or field the schema lacks is an error. */
export function attachResolvers(schema: GraphQLSchema, impls: Record<string, unknown>): GraphQLSchema {
  for (const [typeName, impl] of Object.entries(impls)) {
    const type = schema.getType(typeName);
    if (type && isScalarType(type) && impl instanceof GraphQLScalarType) {
      type.serialize = impl.serialize;
      type.parseValue = impl.parseValue;
      type.parseLiteral = impl.parseLiteral;
      continue;
    }
    if (!type || !isObjectType(type)) throw new Error(`Resolvers given for "${typeName}", which is not an object type or scalar of the schema`);
    const fields = type.getFields();
    for (const [fieldName, fieldImpl] of Object.entries(impl as Record<string, FieldImpl>)) {
      const field = fields[fieldName];
      if (!field) throw new Error(`${typeName}.${fieldName} defined in resolvers, but not in schema`);
      field.resolve = typeof fieldImpl === 'function' ? fieldImpl : fieldImpl.resolve;
    }
  }
  return schema;
}
