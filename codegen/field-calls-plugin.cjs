// Turns each add-in operation (addin/src/**/*.graphql) into the pieces its batching client needs to
// merge many cells into one aliased query: the root field, each variable with its type (from the
// document, which codegen has checked against schema.graphql) and where it is used, and the selection.
// The types beside them come from typescript-operations; this links each operation to its own.
const { Kind, TypeInfo, getNamedType, print, valueFromASTUntyped, visit, visitWithTypeInfo } = require('graphql');

function fail(name, message) {
  throw new Error(`add-in operation ${name}: ${message}`);
}

// On one line, arguments separated by commas (graphql's print wraps long argument lists without them).
function printSelections(set) {
  return set.selections
    .map((sel) => {
      if (sel.kind === Kind.INLINE_FRAGMENT) return `... on ${sel.typeCondition.name.value} { ${printSelections(sel.selectionSet)} }`;
      const args = sel.arguments?.length ? `(${sel.arguments.map((a) => `${a.name.value}: ${print(a.value)}`).join(', ')})` : '';
      const alias = sel.alias ? `${sel.alias.value}: ` : '';
      return `${alias}${sel.name.value}${args}${sel.selectionSet ? ` { ${printSelections(sel.selectionSet)} }` : ''}`;
    })
    .join(' ');
}

// Every field the operation selects, with its parent type and where each argument comes from: what the
// add-in needs to apply the server's Cache-Control rule (api/graphql/http/answer-policy.ts) to a call
// before sending it, field by field as the server does while executing it.
function fieldsOf(schema, op) {
  const typeInfo = new TypeInfo(schema);
  const out = [];
  visit(
    op,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        const args = {};
        for (const a of node.arguments ?? []) {
          args[a.name.value] = a.value.kind === Kind.VARIABLE ? { variable: a.value.name.value } : { value: valueFromASTUntyped(a.value) };
        }
        out.push({ parent: getNamedType(parent).name, name: node.name.value, args });
      },
    }),
  );
  return out;
}

function specOf(schema, op) {
  const name = op.name?.value;
  if (!name) throw new Error('add-in operations must be named (the name names the generated types)');
  if (op.operation !== 'query') fail(name, 'only queries');
  const fields = op.selectionSet.selections;
  if (fields.length !== 1 || fields[0].kind !== Kind.FIELD) fail(name, 'select exactly one root field (the client aliases it among others)');
  const root = fields[0];
  if (root.alias) fail(name, 'no alias on the root field (the client sets one)');
  const rootVars = new Set();
  for (const arg of root.arguments ?? []) {
    if (arg.value.kind !== Kind.VARIABLE) fail(name, `root argument ${arg.name.value} must be a variable`);
    if (arg.value.name.value !== arg.name.value) fail(name, `root argument ${arg.name.value} must take $${arg.name.value}`);
    rootVars.add(arg.name.value);
  }
  const variables = (op.variableDefinitions ?? []).map((v) => {
    if (v.defaultValue) fail(name, `$${v.variable.name.value} has a default; leave defaults to the schema`);
    return { name: v.variable.name.value, type: print(v.type), in: rootVars.has(v.variable.name.value) ? 'root' : 'selection' };
  });
  visit(root.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, {
    FragmentSpread() {
      fail(name, 'no fragment spreads (the batch query carries no fragment definitions); write the fields out');
    },
  });
  const selection = root.selectionSet ? printSelections(root.selectionSet) : '';
  return { name, field: root.name.value, variables, selection, fields: fieldsOf(schema, op) };
}

module.exports = {
  plugin(schema, documents) {
    const ops = documents.flatMap((d) => d.document.definitions.filter((def) => def.kind === Kind.OPERATION_DEFINITION)).map((op) => specOf(schema, op));
    const lines = [
      "import type { Operation } from '../client/operation.js';",
      '',
      ...ops.map((o) => {
        const body = JSON.stringify({ field: o.field, variables: o.variables, selection: o.selection, fields: o.fields }, null, 2);
        return `export const ${o.name}: Operation<${o.name}Query['${o.field}'], ${o.name}QueryVariables> = ${body};\n`;
      }),
    ];
    return lines.join('\n');
  },
};
