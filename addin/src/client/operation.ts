// A typed add-in operation: a named query in an operations.graphql file, checked against the schema and
// turned by codegen into this shape (addin/src/generated/operations.ts) with its own result and
// variables types. The batching client aliases its root field among others (query.ts). Imports
// point one way: an operation becomes a call (query.ts), never the reverse.
import { TideError } from '../shared/errors.js';
import type { FieldCall, FieldRef } from './query.js';

export interface OperationVariable {
  name: string;
  /** The GraphQL type as the operation declares it, e.g. `ID!`. */
  type: string;
  in: 'root' | 'selection';
}

export interface Operation<Result, Variables> {
  field: string;
  variables: readonly OperationVariable[];
  selection: string;
  /** Every field selected, root first: what decides whether an answer can be cached (cacheable.ts). */
  fields?: readonly FieldRef[];
  /** Carries the types only; never set. */
  readonly types?: { result: Result; variables: Variables };
}

/** An operation's variables as the add-in holds them: each optional, never null (undefined = not sent). */
export type Given<V> = { [K in keyof V]?: Exclude<V[K], null> };

/** The call for one operation with these variables; a variable left undefined is not sent, so the schema's default applies. */
export function fieldCall<R, V extends object>(op: Operation<R, V>, variables: V): FieldCall {
  const values = variables as Record<string, unknown>;
  return { field: op.field, args: op.variables.map((v) => ({ name: v.name, type: v.type, in: v.in, value: values[v.name] ?? undefined })), selection: op.selection, fields: op.fields };
}

/** Runs one operation through a client's `fetch`: its root field's value, typed by codegen. */
export function ask<R, V extends object>(fetch: <T>(call: FieldCall) => Promise<T>, op: Operation<R, V>, variables: V): Promise<R> {
  return fetch<R>(fieldCall(op, variables));
}

/**
 * A field that can fail is nullable in the schema, so its error nulls it alone and its siblings keep
 * their data. The client rejects a field that came with its own error; a null that reaches a caller
 * came without one, which is the server's fault, not the formula's.
 */
export function answered<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined) throw new TideError('server', `the Tide server answered no ${field} and gave no reason; recalculate to retry`);
  return value;
}

/** `ask` for a root field that is null only on failure (every one but `series`, null for an unknown id). */
export async function askValue<R, V extends object>(fetch: <T>(call: FieldCall) => Promise<T>, op: Operation<R, V>, variables: V): Promise<NonNullable<R>> {
  return answered(await ask(fetch, op, variables), op.field) as NonNullable<R>;
}
