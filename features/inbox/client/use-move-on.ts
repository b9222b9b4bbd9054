"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { readPreferences } from "@/features/shell";
import { inboxQueryOrDefaults } from "@/lib/domain/inbox-query";
import { inboxListKey, type InboxPages } from "./queries";
import { flattenPages } from "./merge-first-page";
import { neighboursOf, readPlace, updatePlace } from "./list-place";

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
    const query = inboxQueryOrDefaults(new URLSearchParams(place.search)).query;
    const ids = flattenPages(queryClient.getQueryData<InboxPages>(inboxListKey(account, query))).map((t) => t.id);
    const { next, previous } = neighboursOf(ids, ticketId);
    const target = next ?? previous;
    return () => {
      if (target === null) return router.push(list);
      updatePlace(account, { selectedId: target, openedFromList: target });
      router.push(`/${account}/tickets/${target}`);
    };
  }, [account, ticketId, queryClient, router]);
}
