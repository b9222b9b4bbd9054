import type { Page } from "./page";
import type { TicketSummary } from "./ticket";
import type { View } from "./view";
import { excludedByView } from "./view-membership";

/** A view's figures in the sidebar: its open and unread-open tickets, from its first page. */
export interface ViewCount {
  readonly viewId: number;
  readonly open: number;
  readonly unread: number;
  /** The page has more behind it: the figures are at least these. */
  readonly more: boolean;
}

export function countViewPage(view: Pick<View, "id" | "filters">, page: Page<TicketSummary>): ViewCount {
  const open = page.items.filter((t) => t.status === "open" && !excludedByView(view.filters, t));
  return { viewId: view.id, open: open.length, unread: open.filter((t) => t.isUnread).length, more: page.nextCursor !== null };
}

/** "12", or "30+" when the page has more behind it. */
export const countLabel = (n: number, more: boolean): string => (more ? `${n}+` : String(n));
