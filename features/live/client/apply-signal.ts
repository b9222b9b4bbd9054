import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { ticketKeys } from "@/lib/client/query-keys";

interface Versioned {
  readonly id: number;
  readonly updatedAt: string | null;
}

function versionsIn(data: unknown): Versioned[] {
  if (!data || typeof data !== "object") return [];
  const d = data as { ticket?: Versioned; pages?: Array<{ items?: Versioned[] }>; items?: Versioned[] };
  if (d.ticket) return [d.ticket];
  if (d.pages) return d.pages.flatMap((p) => p.items ?? []);
  return d.items ?? [];
}

/** Ticket mutations are keyed `[kind, account, ticketId]` (ticket updates, sends). */
const sameTicket = (key: readonly unknown[] | undefined, account: string, ticketId: number) => key?.[1] === account && key?.[2] === ticketId;

/**
 * A ticket changed in Gorgias. The thread on screen re-reads unless it already shows that version;
 * the first page of each list on screen re-reads unless it already holds the ticket at that version
 * (a new or moved ticket may belong to any list). Nothing is re-read for queries nobody shows.
 */
export async function applyTicketSignal(client: QueryClient, account: string, ticketId: number, version: string | null): Promise<void> {
  const current = (data: unknown) => version !== null && versionsIn(data).some((t) => t.id === ticketId && t.updatedAt === version);
  // A change or a send of this ticket still in flight re-reads it when it settles; a read now could
  // land between the agent's click and Gorgias's answer and show the older state for a moment.
  const busy = client.isMutating({ predicate: (m) => sameTicket(m.options.mutationKey, account, ticketId) }) > 0;
  await Promise.all([
    busy ? undefined : client.invalidateQueries({ queryKey: ticketKeys.detail(account, ticketId), predicate: (q) => !current(q.state.data), refetchType: "active" }),
    client.invalidateQueries({
      queryKey: ticketKeys.lists(account),
      // The list's refresher (its "head" query) re-reads the first page; loaded pages are never re-read.
      predicate: (q) => q.queryKey.at(-1) === "head" && !current(client.getQueryData<InfiniteData<unknown>>(q.queryKey.slice(0, -1))),
      refetchType: "active",
    }),
  ]);
}

/** The stream could not resume: everything on screen re-reads once. */
export async function applyReset(client: QueryClient, account: string): Promise<void> {
  await client.invalidateQueries({ queryKey: ticketKeys.all(account), refetchType: "active" });
}

/**
 * The change feed stopped reading Gorgias: ask once for what is on screen, first pages and
 * tickets, never every loaded page and without cancelling a read under way; each failure then
 * shows (and retries) where it happened.
 */
export async function checkOnScreen(client: QueryClient, account: string): Promise<void> {
  await client.refetchQueries(
    { queryKey: ticketKeys.all(account), type: "active", predicate: (q) => !(typeof q.state.data === "object" && q.state.data !== null && "pages" in q.state.data) },
    { cancelRefetch: false },
  );
}
