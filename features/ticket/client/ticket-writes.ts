import type { QueryClient } from "@tanstack/react-query";
import type { ChangeField } from "./ticket-cache";

/**
 * The writes of one ticket (field changes and tag changes), in the order the agent made them
 * (docs/safety.md#ordered-writes): each goes to Gorgias only once the one before it has its answer,
 * and an answer or a refusal touches the screen only for the fields no newer change has set since.
 * Without this, Close then Reopen painted the close's answer over the reopen.
 */
export interface TicketWrites {
  tail: Promise<void>;
  seq: number;
  readonly latest: Map<ChangeField, number>;
  pending: number;
}

export interface Turn {
  readonly seq: number;
  /** Settles when the write before this one has its answer. */
  readonly after: Promise<void>;
  /** Lets the next write go. */
  readonly done: () => void;
}

const writesByClient = new WeakMap<QueryClient, Map<string, TicketWrites>>();

export function writesOf(queryClient: QueryClient, account: string, ticketId: number): TicketWrites {
  let byTicket = writesByClient.get(queryClient);
  if (!byTicket) writesByClient.set(queryClient, (byTicket = new Map()));
  const key = `${account}:${ticketId}`;
  let writes = byTicket.get(key);
  if (!writes) byTicket.set(key, (writes = { tail: Promise.resolve(), seq: 0, latest: new Map(), pending: 0 }));
  return writes;
}

/** Takes the next place in line for a write of `fields`, at once (before any await), so clicks keep their order. */
export function takeTurn(writes: TicketWrites, fields: readonly ChangeField[]): Turn {
  const seq = ++writes.seq;
  for (const field of fields) writes.latest.set(field, seq);
  writes.pending++;
  let done = () => {};
  const finished = new Promise<void>((resolve) => (done = resolve));
  const turn = { seq, after: writes.tail, done };
  writes.tail = finished;
  return turn;
}

/**
 * Ends a settled write's turn. True when it was the ticket's last write in flight: only then is it
 * time to re-read the ticket, as earlier Gorgias would still give what the writes in line replace.
 */
export function endTurn(writes: TicketWrites, turn: Pick<Turn, "done"> | undefined): boolean {
  turn?.done();
  return --writes.pending === 0;
}
