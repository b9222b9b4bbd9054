/**
 * What the live desk pushes to browsers: which ticket changed and how, never its contents
 * (the browser re-reads through the routes it already uses).
 */
export type LiveSignalKind = "ticket";

export interface LiveSignal {
  /** Orders signals across instances; a stream resumes after the last one it saw. */
  readonly seq: number;
  readonly kind: LiveSignalKind;
  readonly ticketId: number | null;
  /** The ticket's `updated_datetime` for ticket signals: a browser that has this version skips it. */
  readonly version: string | null;
}
