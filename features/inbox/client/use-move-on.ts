"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { readPreferences } from "@/features/shell";
import { inboxQueryOrDefaults } from "@/lib/domain/inbox-query";
import { inboxListKey, type InboxPages } from "./queries";
import { flattenPages } from "./merge-first-page";
import { neighboursOf, readPlace, updatePlace } from "./list-place";

/** The loaded tickets either side of `ticketId` in the list the agent's place names. */
export function listNeighbours(queryClient: QueryClient, account: string, ticketId: number) {
  const query = inboxQueryOrDefaults(new URLSearchParams(readPlace(account).search)).query;
  const ids = flattenPages(queryClient.getQueryData<InboxPages>(inboxListKey(account, query))).map((t) => t.id);
  return neighboursOf(ids, ticketId);
}

/** Opens a ticket as the list's next: its row selected, and "next" after it follows the list. */
export function openFromList(router: ReturnType<typeof useRouter>, account: string, ticketId: number): void {
  updatePlace(account, { selectedId: ticketId, openedFromList: ticketId });
  router.push(`/${account}/tickets/${ticketId}`);
}

/**
 * Where the desk goes once the agent is done with a ticket (Send, Send & Close, Close), by their
 * preference. Call it as they act, while the ticket is still in the list (a close may take it out
 * of the view at once); it returns the move to make once the action has gone through.
 * "Next ticket" follows the list the ticket was opened from; a ticket opened from a link or a
 * search elsewhere has no next, so the agent stays on it.
 */
export function useMoveOn(account: string, ticketId: number): () => () => void {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useCallback(() => {
    const { afterDone } = readPreferences();
    const place = readPlace(account);
    const list = `/${account}${place.search}`;
    if (afterDone === "list") return () => router.push(list);
    if (afterDone === "stay" || place.openedFromList !== ticketId) return () => {};
    const { next, previous } = listNeighbours(queryClient, account, ticketId);
    const target = next ?? previous;
    return () => (target === null ? router.push(list) : openFromList(router, account, target));
  }, [account, ticketId, queryClient, router]);
}
