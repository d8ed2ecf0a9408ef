// Emits the schema as a string module so the Lambda bundle carries it without reading a file at run time.
const { printSchema } = require('graphql');

module.exports = {
  plugin(schema) {
    const sdl = printSchema(schema);
    return `// Generated from schema.graphql by npm run codegen. Do not edit.\nexport const typeDefs = ${JSON.stringify(sdl)};\n`;
  },
};
