/** The words for what a query feeds: "Loading agents…", and "Couldn't load agents" (its cause follows). */
export interface QueryStatusWords {
  readonly loading: string;
  readonly failed: string;
}

export interface QueryStatus {
  readonly loading: string | null;
  readonly error: string | null;
}

/**
 * The loading and failure lines of a list fed by a query, in the shape pickers take them: at most
 * one is set, and a failure says what failed and why.
 */
export function queryStatus(query: { readonly isPending: boolean; readonly error: Error | null }, words: QueryStatusWords): QueryStatus {
  if (query.error) return { loading: null, error: `${words.failed}: ${query.error.message}` };
  return { loading: query.isPending ? words.loading : null, error: null };
}
