// The indicator library raises IndicatorInputError (no GraphQL inside pure math); here it becomes
// the GraphQL error clients branch on, keeping its code and the argument it blames.
import { GraphQLError } from 'graphql';
import { IndicatorInputError } from '../../indicators/index.js';

export function toGraphQLError(error: unknown): unknown {
  if (!(error instanceof IndicatorInputError)) return error;
  return new GraphQLError(error.message, { extensions: { code: error.code, argumentName: error.argument } });
}

/** Runs `work`, turning any IndicatorInputError it throws into a GraphQLError. */
export async function withInputErrors<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toGraphQLError(error);
  }
}
