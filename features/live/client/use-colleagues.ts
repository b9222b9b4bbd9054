"use client";

import { useCallback, useSyncExternalStore } from "react";
import { colleaguesOn, nobody, subscribePresence, type Colleague } from "./presence-store";

/** The colleagues on a ticket now, re-rendering only when that ticket's list changes. */
export function useColleagues(ticketId: number): readonly Colleague[] {
  const snapshot = useCallback(() => colleaguesOn(ticketId), [ticketId]);
  return useSyncExternalStore(subscribePresence, snapshot, nobody);
}
