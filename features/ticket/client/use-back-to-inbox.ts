"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";

interface NavigationEntryLike {
  readonly url: string | null;
}
interface NavigationLike {
  readonly canGoBack: boolean;
  readonly currentEntry: { readonly index: number } | null;
  entries(): NavigationEntryLike[];
}

/** True when `url` is this account's inbox (any view or search), not a ticket or another page. */
export function isInboxUrl(url: string | null, origin: string, account: string): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.origin === origin && parsed.pathname.replace(/\/$/, "") === `/${account}`;
  } catch {
    return false;
  }
}

/**
 * Back to the inbox the agent came from (so its view and search survive), else to the inbox's
 * default (e.g. after following a link to another ticket). The Navigation API tells us what the
 * previous entry was; without it, history is trusted.
 */
export function useBackToInbox(account: string): () => void {
  const router = useRouter();
  return useCallback(() => {
    const nav = (window as unknown as { navigation?: NavigationLike }).navigation;
    if (nav?.currentEntry && nav.canGoBack) {
      const previous = nav.entries()[nav.currentEntry.index - 1];
      // The API hides the URL of entries from other documents under our no-referrer policy (null):
      // those are same-origin pages loaded in full, most often the inbox, so going back is right.
      if (previous && (previous.url === null || isInboxUrl(previous.url, window.location.origin, account))) return router.back();
      return router.push(`/${account}`);
    }
    if (!nav && window.history.length > 1) return router.back();
    router.push(`/${account}`);
  }, [account, router]);
}
