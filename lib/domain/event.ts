/** One entry of the account's event log (`GET /api/events`): what changed, never the new values. */
export interface AccountEvent {
  readonly id: number;
  readonly type: string;
  readonly objectType: string | null;
  readonly objectId: number | null;
  readonly userId: number | null;
  /** Groups the events of one action. */
  readonly context: string | null;
  readonly createdAt: string;
  /** The ticket the event is about, for ticket and message events: the one to re-read. */
  readonly ticketId: number | null;
}
