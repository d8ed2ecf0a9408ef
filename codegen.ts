import type { CodegenConfig } from '@graphql-codegen/cli';

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
    'api/generated/schema-document.ts': { plugins: ['./codegen/schema-document-plugin.cjs'] },
  },
};
export default config;
