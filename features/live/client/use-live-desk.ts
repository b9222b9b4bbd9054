"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiStreamUrl } from "@/lib/domain/api-routes";
import type { PresenceUpdate } from "@/lib/domain/presence";
import { applyReset, applyTicketSignal, checkOnScreen } from "./apply-signal";
import { liveStatus, setLiveStatus } from "./live-status";
import { applyPresence, clearPresence } from "./presence-store";

interface TicketSignalData {
  readonly ticketId: number | null;
  readonly version: string | null;
}

/** After the server refused the stream (an ended session, a restart): try again this much later. */
const REOPEN_MS = 15_000;

/**
 * One EventSource per tab for the agent's account. The browser reconnects by itself and resumes
 * with Last-Event-ID; while it is away, lists and threads fall back to slow polling, and each
 * outage re-reads once what may have been missed — which is also how an ended session is noticed
 * (the re-read is refused, and the agent is sent to sign in).
 */
export function useLiveDesk(account: string): void {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    const onTicket = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as TicketSignalData;
      if (typeof data.ticketId === "number") void applyTicketSignal(client, account, data.ticketId, data.version);
    };
    const onReset = () => void applyReset(client, account);
    // The feed stopped reading Gorgias: ask once now (which meets the outage and shows it), then poll.
    const onFeed = (event: MessageEvent<string>) => {
      const { live } = JSON.parse(event.data) as { live?: unknown };
      if (live === false && liveStatus() === "live") {
        setLiveStatus("stalled");
        void checkOnScreen(client, account);
      } else if (live === true && liveStatus() === "stalled") setLiveStatus("live");
    };
    const onPresence = (event: MessageEvent<string>) => {
      const data = JSON.parse(event.data) as Partial<PresenceUpdate>;
      if (Array.isArray(data.entries)) applyPresence({ full: data.full === true, entries: data.entries });
    };
    const open = () => {
      const s = new EventSource(apiStreamUrl(account));
      source = s;
      s.addEventListener("ticket", onTicket);
      s.addEventListener("reset", onReset);
      s.addEventListener("presence", onPresence);
      s.addEventListener("feed", onFeed);
      s.onopen = () => setLiveStatus("live");
      s.onerror = () => {
        const wasLive = liveStatus() === "live";
        setLiveStatus("down");
        clearPresence();
        // Once per outage (EventSource keeps retrying): re-read what is on screen, which also
        // restarts the fallback polling that was off while pushes arrived.
        if (wasLive) void applyReset(client, account);
        // A refused reconnect is final for an EventSource: open a new one later.
        if (s.readyState === EventSource.CLOSED) reopen = setTimeout(open, REOPEN_MS);
      };
    };
    open();
    return () => {
      if (reopen) clearTimeout(reopen);
      source?.close();
      setLiveStatus("off");
      clearPresence();
    };
  }, [account, client]);
}
