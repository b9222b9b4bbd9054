"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ticketKeys } from "@/lib/client/query-keys";
import { composerKeys, fetchServerDrafts } from "./reads";
import { awaitWaitingSend, isFollowed } from "./waiting-sends";

/**
 * Sends the agent made on this ticket that still wait on the server although this page did not
 * make them (a reload, another tab, a closed tab reopened): followed like its own, with their
 * countdown and Undo, until they settle; then the thread is read again so the message shows.
 */
export function useFollowWaitingSends(account: string, ticketId: number): void {
  const client = useQueryClient();
  const found = useQuery({
    queryKey: composerKeys.waiting(account, ticketId),
    queryFn: ({ signal }) => fetchServerDrafts(account, ticketId, [], signal),
    select: (d) => d.waiting,
    // Once per visit of the ticket: the sends this page makes it follows itself.
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  useEffect(() => {
    for (const w of found.data ?? []) {
      if (isFollowed(w.operationId)) continue;
      const check = async () => (await fetchServerDrafts(account, ticketId, [w.operationId])).sends.find((s) => s.operationId === w.operationId)?.state ?? null;
      void awaitWaitingSend({ operationId: w.operationId, account, ticketId, mode: w.mode, bodyText: w.bodyText, sendAt: Date.parse(w.sendAt) }, { check })
        .catch(() => null)
        .then(() => client.invalidateQueries({ queryKey: ticketKeys.detail(account, ticketId) }));
    }
  }, [found.data, account, ticketId, client]);
}
