// One GraphQL root field a cell needs, and the single aliased query that carries many of them.

/** One field a call selects, and where each of its arguments comes from (a variable of the operation, or a literal). */
export interface FieldRef {
  parent: string;
  name: string;
  args: Readonly<Record<string, { variable: string } | { value: unknown }>>;
}

export interface FieldArg {
  name: string;
  /**
   * Where the argument goes: on the root field (default), or inside the selection, which then
   * refers to it as `$name`.
   */
  in?: 'root' | 'selection';
  /** The argument's GraphQL type, e.g. `ID!` or `Date`; used to declare its variable. */
  type: string;
  /** Undefined sends no value for its variable, so the argument counts as absent and its default applies. */
  value: unknown;
}

export interface FieldCall {
  field: string;
  args: readonly FieldArg[];
  /** The selection set without braces (may use `$name` of selection arguments); empty for scalars. */
  selection: string;
  /** Every field the call selects, with its arguments' sources (from codegen); without them the call is never sent as cacheable. */
  fields?: readonly FieldRef[];
}

/** Two calls with the same key ask for exactly the same thing and can share one answer. */
export function callKey(call: FieldCall): string {
  const args = call.args.filter((a) => a.value !== undefined).map((a) => [a.name, a.type, a.value]);
  return JSON.stringify([call.field, args, call.selection.replace(/\s+/g, ' ').trim()]);
}

export interface BatchQuery {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Aliases each call (`f0`, `f1`, ...) and passes every argument as a variable, never inlined.
 * Variables are declared even without a value: GraphQL then treats the argument as not given.
 */
export function buildBatchQuery(calls: readonly FieldCall[]): BatchQuery {
  const declarations: string[] = [];
  const fields: string[] = [];
  const variables: Record<string, unknown> = {};
  calls.forEach((call, i) => {
    const alias = aliasFor(i);
    const rootArgs: string[] = [];
    let selection = call.selection.trim();
    for (const arg of call.args) {
      const variable = `${alias}_${arg.name}`;
      declarations.push(`$${variable}: ${arg.type}`);
      if (arg.value !== undefined) variables[variable] = arg.value;
      if (arg.in === 'selection') selection = selection.replace(new RegExp(`\\$${arg.name}\\b`, 'g'), () => `$${variable}`);
      else rootArgs.push(`${arg.name}: $${variable}`);
    }
    const argText = rootArgs.length ? `(${rootArgs.join(', ')})` : '';
    fields.push(`  ${alias}: ${call.field}${argText}${selection ? ` { ${selection} }` : ''}`);
  });
  const header = declarations.length ? `query TideBatch(${declarations.join(', ')})` : 'query TideBatch';
  return { query: `${header} {\n${fields.join('\n')}\n}`, variables };
}

export function aliasFor(index: number): string {
  return `f${index}`;
}
