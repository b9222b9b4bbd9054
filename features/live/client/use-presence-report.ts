"use client";

import { useEffect } from "react";
import { apiPresenceUrl } from "@/lib/domain/api-routes";
import { PresenceReporter, type PresenceSend } from "./presence-reporter";

/** Made for each ticket a tab shows: it keeps these reports apart from the same agent's other tabs. */
function newTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function sendTo(account: string): PresenceSend {
  const url = apiPresenceUrl(account);
  return (report, leaving) => {
    const body = JSON.stringify(report);
    // A string goes as text/plain, which a beacon may carry while the page unloads.
    if (leaving && typeof navigator.sendBeacon === "function" && navigator.sendBeacon(url, body)) return;
    // Presence is best effort: a lost report is corrected by the next heartbeat or expires.
    void fetch(url, { method: "POST", body, keepalive: true, credentials: "same-origin", headers: { "content-type": "application/json" } }).catch(() => undefined);
  };
}

let current: PresenceReporter | null = null;

/**
 * Reports this tab's presence on a ticket while the ticket page is mounted: viewing, typing (from
 * `reportTyping`), and gone when the page unmounts, is hidden or unloads.
 */
export function usePresenceReport(account: string, ticketId: number): void {
  useEffect(() => {
    const reporter = new PresenceReporter(newTabId(), sendTo(account));
    current = reporter;
    reporter.setVisible(document.visibilityState !== "hidden");
    reporter.open(ticketId);
    const onVisibility = () => reporter.setVisible(document.visibilityState !== "hidden");
    const onPageHide = () => reporter.close();
    // Back from the back-forward cache: the page is shown again without remounting.
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) reporter.open(ticketId);
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("pageshow", onPageShow);
      reporter.close();
      if (current === reporter) current = null;
    };
  }, [account, ticketId]);
}

/** The agent typed in the composer of the ticket on screen. */
export function reportTyping(mode: "reply" | "note"): void {
  current?.typed(mode);
}
