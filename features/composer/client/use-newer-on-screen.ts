"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { ticketKeys } from "@/lib/client/query-keys";
import { newerMessageIds, type Message } from "@/lib/domain/message";

type ThreadData = { readonly messages?: ReadonlyArray<Pick<Message, "id" | "public" | "kind" | "sender">> };

/**
 * Messages in the thread on screen that a reply would have to confirm (docs/safety.md#stale-thread):
 * the server's own rule, applied whenever the thread is re-read — which a live signal does within a
 * second of the change feed — so the composer can warn before the agent presses send.
 */
export function useNewerOnScreen(account: string, ticketId: number, seenUpTo: number | null, agentUserId: number): readonly number[] {
  const client = useQueryClient();
  const key = useMemo(() => ticketKeys.detail(account, ticketId), [account, ticketId]);
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        if (event.type === "updated" && key.every((part, i) => event.query.queryKey[i] === part)) onChange();
      }),
    [client, key],
  );
  // A string, so the snapshot is stable while nothing new arrived.
  const snapshot = useCallback(() => {
    const ids = new Set<number>();
    for (const [, data] of client.getQueriesData<ThreadData>({ queryKey: key })) for (const id of newerMessageIds(data?.messages ?? [], seenUpTo, agentUserId)) ids.add(id);
    return [...ids].sort((a, b) => a - b).join(",");
  }, [client, key, seenUpTo, agentUserId]);
  const ids = useSyncExternalStore(subscribe, snapshot, () => "");
  return useMemo(() => (ids === "" ? [] : ids.split(",").map(Number)), [ids]);
}
