import type { CodegenConfig } from '@graphql-codegen/cli';

const ENUMS = { onlyEnums: true, enumsAsConst: true, namingConvention: { enumValues: 'keep' } };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  silent: true,
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
    'api/generated/type-defs.ts': { plugins: ['./codegen/typedefs-plugin.cjs'] },
    // The schema's enums as values (ErrorCode's list, the choices a function accepts), for code that
    // needs them at run time: the API below its GraphQL layer, and the add-in.
    'api/generated/enums.ts': { plugins: ['typescript'], config: ENUMS },
    'addin/src/generated/enums.ts': { plugins: ['typescript'], config: ENUMS },
  },
};
export default config;
