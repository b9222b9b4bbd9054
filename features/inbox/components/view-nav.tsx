"use client";

import { Ban, CircleCheck, Clock, Inbox, Layers, ListFilter, Mail, Trash2, User, type LucideIcon } from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import { inboxSearch, type InboxQuery } from "@/lib/domain/inbox-query";
import { countLabel, type ViewCount } from "@/lib/domain/view-counts";
import { viewCountsQuery } from "@/features/inbox/client/queries";
import type { View } from "@/lib/domain/view";
import { cx } from "@/lib/utils";
import { InboxLink, pushInboxUrl } from "./inbox-link";

export interface ViewNavProps {
  readonly account: string;
  readonly views: readonly View[];
  readonly query: InboxQuery;
}

// A view is a fresh context: picking one keeps the agent's order, not their search or customer.
const hrefFor = (account: string, query: InboxQuery, view: number | undefined) => `/${account}${inboxSearch({ order: query.order, view })}`;

// Gorgias's own views by slug; the view's emoji is left out: it renders as an empty box where the
// font lacks it.
const SYSTEM_ICONS: Readonly<Record<string, LucideIcon>> = {
  unassigned: Inbox,
  mine: User,
  open: Mail,
  closed: CircleCheck,
  snoozed: Clock,
  spam: Ban,
  trash: Trash2,
};
const iconFor = (view: View): LucideIcon => (view.category === "system" && view.slug ? SYSTEM_ICONS[view.slug] : undefined) ?? ListFilter;

const GROUPS: ReadonlyArray<{ title: string; test: (v: View) => boolean }> = [
  { title: "Inbox", test: (v) => v.category === "system" },
  { title: "Views", test: (v) => v.category !== "system" },
];

/** "3 · 12": unread (bold) and open tickets, as far as the shared first page tells. */
function ViewCountBadge({ count }: { count: ViewCount }) {
  const open = countLabel(count.open, count.more);
  return (
    <span className="ml-auto shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400" data-testid="view-count" data-unread={count.unread} data-open={open}>
      <span aria-hidden>
        {count.unread > 0 && <span className="font-semibold text-zinc-900 dark:text-zinc-100">{count.unread} · </span>}
        {open}
      </span>
      <span className="sr-only">{`, ${count.unread} unread, ${open} open`}</span>
    </span>
  );
}

/** The sidebar of views (md and up). */
export function ViewSidebar({ account, views, query }: ViewNavProps) {
  const counts = useQuery(viewCountsQuery(account)).data;
  const item = (key: string, href: string, label: string, Icon: LucideIcon, current: boolean, count?: ViewCount) => (
    <li key={key}>
      <InboxLink
        shallow
        href={href}
        aria-current={current ? "page" : undefined}
        className={cx(
          "flex h-7 items-center gap-2 rounded-md px-2 text-sm",
          current ? "bg-zinc-200/70 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-900",
        )}
      >
        <Icon aria-hidden size={14} className="shrink-0 text-zinc-500 dark:text-zinc-400" />
        <span className="truncate">{label}</span>
        {count && <ViewCountBadge count={count} />}
      </InboxLink>
    </li>
  );
  return (
    <nav aria-label="Views" className="hidden w-56 shrink-0 flex-col gap-4 overflow-y-auto border-r border-zinc-200 p-3 md:flex dark:border-zinc-800" data-testid="view-sidebar">
      <ul className="flex flex-col gap-0.5">{item("all", hrefFor(account, query, undefined), "All tickets", Layers, query.view === undefined && query.customer === undefined)}</ul>
      {GROUPS.map(({ title, test }) => {
        const group = views.filter(test);
        if (group.length === 0) return null;
        return (
          <section key={title} className="flex flex-col gap-1">
            <h2 className="px-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{title}</h2>
            <ul className="flex flex-col gap-0.5">{group.map((v) => item(String(v.id), hrefFor(account, query, v.id), v.name, iconFor(v), query.view === v.id, counts?.find((c) => c.viewId === v.id)))}</ul>
          </section>
        );
      })}
    </nav>
  );
}

/** The same choice as a select on a phone, where a sidebar would eat the screen. */
export function ViewSelect({ account, views, query }: ViewNavProps) {
  return (
    <select
      aria-label="View"
      value={query.view ?? ""}
      onChange={(e) => pushInboxUrl(hrefFor(account, query, e.target.value ? Number(e.target.value) : undefined))}
      className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 text-sm md:hidden dark:border-zinc-700 dark:bg-zinc-900"
      data-testid="view-select"
    >
      <option value="">All tickets</option>
      {views.map((v) => (
        <option key={v.id} value={v.id}>
          {v.name}
        </option>
      ))}
    </select>
  );
}
