"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { readPlace } from "./list-place";

interface NavigationLike {
  readonly canGoBack: boolean;
  readonly currentEntry: { readonly index: number } | null;
  entries(): Array<{ readonly url: string | null }>;
}

/**
 * Back to the list the agent was working (its view, search and order, from their place), where
 * the list shows the same row at the same scroll. When the previous history entry is that very
 * list, history goes back (so Back and Forward stay natural); otherwise, e.g. after a full page
 * load, after moving from ticket to ticket, or from a link, the list is opened anew.
 */
export function useBackToList(account: string): () => void {
  const router = useRouter();
  return useCallback(() => {
    const list = `/${account}${readPlace(account).search}`;
    const nav = (window as unknown as { navigation?: NavigationLike }).navigation;
    const previous = nav?.currentEntry && nav.canGoBack ? nav.entries()[nav.currentEntry.index - 1] : undefined;
    if (previous?.url && previous.url === new URL(list, window.location.origin).href) return router.back();
    router.push(list);
  }, [account, router]);
}
