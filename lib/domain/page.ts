/** One page of a cursor-paginated list. Cursors are opaque and short-lived: never persist them. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
  readonly prevCursor: string | null;
}

