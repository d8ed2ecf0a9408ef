import type { CodegenConfig } from '@graphql-codegen/cli';

const ENUMS = { onlyEnums: true, enumsAsConst: true, namingConvention: { enumValues: 'keep' } };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  silent: true,
  // The schema's own order, not sorted: enum values keep it (DAILY before WEEKLY), and lists of choices show it.
  config: { sort: false },
  generates: {
    'api/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../graphql/context.js#GraphQLContext',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', JSON: 'unknown' },
        maybeValue: 'T | null | undefined',
        mappers: {
          Series: '../series/types.js#SeriesMeta',
          Observations: '../services/observations.js#ObservationResult',
        },
      },
    },
    'api/generated/schema-document.ts': { plugins: ['./codegen/schema-document-plugin.cjs'] },
    // The schema's enums as values (ErrorCode's list, the choices a function accepts), for code that
    // needs them at run time: the API below its GraphQL layer, and the add-in.
    'api/generated/enums.ts': { plugins: ['typescript'], config: ENUMS },
    'addin/src/generated/enums.ts': { plugins: ['typescript'], config: ENUMS },
    // The add-in's queries (its operations.graphql files), checked against the schema: their result
    // and variables types, and each one's spec for the batching client.
    'addin/src/generated/operations.ts': {
      documents: ['addin/src/**/*.graphql'],
      plugins: ['typescript-operations', './codegen/field-calls-plugin.cjs'],
      config: { skipTypename: true, scalars: { Date: 'string', JSON: 'unknown' } },
    },
  },
};
export default config;
