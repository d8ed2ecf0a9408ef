// Indicator failures are DomainErrors (IndicatorInputError), which the GraphQL layer maps to
// `extensions.code` itself; nothing needs translating here any more.

/** Runs `work` as a promise, so a failure before its first await still arrives as a rejection. */
export async function withInputErrors<T>(work: () => Promise<T> | T): Promise<T> {
  return work();
}
