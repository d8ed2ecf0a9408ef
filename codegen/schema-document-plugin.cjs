// Emits the schema as an already-parsed document, so a cold Lambda neither reads a file nor parses SDL:
// JSON.parse of a string is V8's fastest way to build a large object (faster than an object literal).
const { parse, printSchema } = require('graphql');

module.exports = {
  plugin(schema) {
    const document = parse(printSchema(schema), { noLocation: true });
    return [
      '// Generated from schema.graphql by npm run codegen. Do not edit.',
      "import type { DocumentNode } from 'graphql';",
      '',
      `export const schemaDocument: DocumentNode = JSON.parse(${JSON.stringify(JSON.stringify(document))});`,
      '',
    ].join('\n');
  },
};
