"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiStreamUrl } from "@/lib/domain/api-routes";
import { applyReset, applyTicketSignal } from "./apply-signal";
import { liveStatus, setLiveStatus } from "./live-status";

interface TicketSignalData {
  readonly ticketId: number | null;
  readonly version: string | null;
}

/**
 * One EventSource per tab for the agent's account. The browser reconnects by itself and resumes
 * with Last-Event-ID; while it is away, lists and threads fall back to slow polling, and each
 * change of state re-reads once what may have been missed.
 */
export function useLiveDesk(account: string): void {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(apiStreamUrl(account));
    const onTicket = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as TicketSignalData;
      if (typeof data.ticketId === "number") void applyTicketSignal(client, account, data.ticketId, data.version);
    };
    const onReset = () => void applyReset(client, account);
    source.addEventListener("ticket", onTicket);
    source.addEventListener("reset", onReset);
    source.onopen = () => setLiveStatus("live");
    source.onerror = () => {
      const wasLive = liveStatus() === "live";
      setLiveStatus("down");
      // Once per outage (EventSource keeps retrying): re-read what is on screen, which also restarts
      // the fallback polling that was off while pushes arrived.
      if (wasLive) void applyReset(client, account);
    };
    return () => {
      source.close();
      setLiveStatus("off");
    };
  }, [account, client]);
}
