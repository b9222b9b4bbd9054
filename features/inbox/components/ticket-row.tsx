"use client";

import { customerLabel } from "@/lib/domain/customer";
import { absoluteTime, relativeTime } from "@/lib/domain/relative-time";
import type { RowProgress } from "@/lib/domain/bulk";
import { isSnoozed, type TicketSummary } from "@/lib/domain/ticket";
import { cx } from "@/lib/utils";
import { PresenceAvatars } from "@/features/live";
import { TagPills } from "./tag-pills";
import { InboxLink } from "./inbox-link";
import { RowStatusToggle } from "./row-status-toggle";
import { RowActions } from "./row-actions";
import { SnoozedUntil } from "@/features/ticket";

/**
 * Every row's height, fixed: two lines of text-sm with their padding and border. One known height
 * means the virtualized list (TicketGrid) measures no row after the fact, so it never shifts its
 * scroll to make up for an estimate, and a saved scroll lands on the same rows in the inbox and
 * beside a ticket.
 */
export const ROW_HEIGHT = 60;

// Other priorities ("low") take the row's muted text.
const PRIORITY_STYLE: Partial<Record<string, string>> = {
  critical: "text-red-700 dark:text-red-400",
  high: "text-orange-700 dark:text-orange-400",
};

export interface TicketRowProps {
  /** Position in the whole list, from 0. */
  readonly index: number;
  /** Offset from the list's top, in px. */
  readonly start: number;
  readonly account: string;
  readonly ticket: TicketSummary;
  readonly selected: boolean;
  readonly canWrite: boolean;
  readonly now: Date;
  readonly onSelect: (id: number) => void;
  /** The agent opened this row's ticket (a plain click on its link). */
  readonly onOpen: (id: number) => void;
  /** In the inbox: the row's checkbox for bulk changes, and the change's progress on it. */
  readonly bulk?: {
    readonly checked: boolean;
    readonly progress: RowProgress | undefined;
    /** `range`: Shift was held (select from the last row toggled). */
    readonly onToggle: (id: number, range: boolean) => void;
  };
}

const PROGRESS: Record<RowProgress, { mark: string; words: string; style: string }> = {
  pending: { mark: "…", words: "Updating", style: "text-zinc-600 dark:text-zinc-300 animate-pulse" },
  done: { mark: "✓", words: "Updated", style: "text-emerald-700 dark:text-emerald-400" },
  failed: { mark: "!", words: "Not updated", style: "text-red-700 dark:text-red-400 font-bold" },
};

/**
 * One dense row: a real link (middle-click, copy link) plus a close/reopen action over its end.
 * Its columns have fixed widths so open, closed and snoozed rows line up, and what shows depends
 * on the list's own width (a container query), so the same row fits the inbox, the narrow list
 * beside a ticket, and a phone.
 */
export function TicketRow({ index, start, account, ticket: t, selected, canWrite, now, onSelect, onOpen, bulk }: TicketRowProps) {
  const when = t.lastMessageAt ?? t.updatedAt;
  const assignee = t.assigneeUser?.name ?? t.assigneeUser?.email ?? t.assigneeTeam?.name ?? "Unassigned";
  const snoozed = isSnoozed(t, now);
  const status = snoozed ? "snoozed" : t.status;
  // The selection's tint would leave zinc-500 text just under 4.5:1.
  const muted = selected ? "text-zinc-600 dark:text-zinc-400" : "text-zinc-500 dark:text-zinc-400";
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      data-testid="ticket-row"
      data-ticket-id={t.id}
      data-checked={bulk?.checked || undefined}
      data-progress={bulk?.progress}
      onFocus={() => onSelect(t.id)}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      className={cx(
        "group absolute top-0 left-0 flex w-full items-stretch overflow-hidden border-b border-zinc-100 dark:border-zinc-800/70",
        selected || bulk?.checked ? "bg-brand/[0.07] dark:bg-brand/15" : "hover:bg-zinc-50 dark:hover:bg-zinc-900",
      )}
    >
      <span aria-hidden className={cx("absolute inset-y-0 left-0 w-0.5", selected ? "bg-brand" : "bg-transparent")} />
      {bulk && (
        <div role="gridcell" className="flex shrink-0 items-center pl-3">
          <input
            type="checkbox"
            checked={bulk.checked}
            // The click carries Shift (a range); the change event does not.
            onChange={() => {}}
            onClick={(e) => bulk.onToggle(t.id, e.shiftKey)}
            aria-label={`Select ticket ${t.id}`}
            data-testid="row-check"
            className="size-4 accent-brand"
          />
        </div>
      )}
      <div role="gridcell" className="min-w-0 flex-1">
        <InboxLink
          href={`/${account}/tickets/${t.id}`}
          onClick={(e) => {
            if (e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey) onOpen(t.id);
          }}
          className={cx("flex h-full min-w-0 flex-col justify-center gap-0.5 py-2 pr-2 outline-offset-[-2px] focus-visible:outline-2", bulk ? "pl-2" : "pl-4")}
        >
          <span className="flex min-w-0 items-center gap-2 text-sm">
            <span className={cx("size-2 shrink-0 rounded-full", t.isUnread ? "bg-brand" : "bg-transparent")} aria-hidden />
            {t.isUnread && <span className="sr-only">Unread.</span>}
            <span className={cx("truncate", t.isUnread ? "font-semibold" : "font-medium text-zinc-700 dark:text-zinc-300")} data-testid="ticket-customer">
              {t.customer ? customerLabel(t.customer) : "Unknown customer"}
            </span>
            {t.channel && <span className={cx("hidden shrink-0 text-xs @xl:inline", muted)}>{t.channel}</span>}
            {t.priority !== "normal" && (
              <span className={cx("shrink-0 text-xs font-medium capitalize", PRIORITY_STYLE[t.priority] ?? muted)} data-testid="ticket-priority">
                {t.priority}
              </span>
            )}
            {snoozed && t.snoozedUntil && <SnoozedUntil until={t.snoozedUntil} now={now} className="hidden shrink-0 text-xs text-sky-800 @xl:inline dark:text-sky-300" />}
            {t.spam && (
              <span className="shrink-0 text-xs font-medium text-red-700 dark:text-red-400" data-testid="row-spam-chip">
                Spam
              </span>
            )}
            {t.trashedAt && (
              <span className={cx("shrink-0 text-xs font-medium", muted)} data-testid="row-trashed-chip">
                In trash
              </span>
            )}
            <span className={cx("ml-auto flex shrink-0 items-center gap-2 text-xs", muted)}>
              {bulk?.progress && (
                <span className={PROGRESS[bulk.progress].style} data-testid="row-progress" title={PROGRESS[bulk.progress].words}>
                  <span aria-hidden>{PROGRESS[bulk.progress].mark}</span>
                  <span className="sr-only">{PROGRESS[bulk.progress].words}.</span>
                </span>
              )}
              <PresenceAvatars ticketId={t.id} />
              <TagPills tags={t.tags} />
              <span className="hidden w-32 truncate @3xl:inline" title={assignee}>
                {assignee}
              </span>
              <span
                className={cx("w-16 rounded py-px text-center text-[11px] capitalize", status === "open" ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300")}
                data-testid="ticket-status"
              >
                {status}
              </span>
              <time dateTime={when ?? undefined} title={absoluteTime(when)} className="w-12 text-right tabular-nums" suppressHydrationWarning>
                {relativeTime(when, now)}
              </time>
            </span>
          </span>
          <span className="flex min-w-0 items-baseline gap-2 pl-4 text-sm">
            <span className={cx("shrink-0 truncate @xl:max-w-[50%]", t.isUnread ? "text-zinc-900 dark:text-zinc-100" : "text-zinc-700 dark:text-zinc-300")} data-testid="ticket-subject">
              {t.subject ?? "(no subject)"}
            </span>
            <span className={cx("hidden min-w-0 truncate @xl:inline", muted)}>{t.excerpt}</span>
          </span>
        </InboxLink>
      </div>
      {canWrite && (
        // Over the row's end rather than beside it, so no row keeps an empty band for it.
        <div
          role="gridcell"
          className="absolute inset-y-0 right-0 hidden items-center bg-linear-to-l from-zinc-50 from-70% pr-3 pl-6 opacity-0 group-hover:opacity-100 group-focus-within:opacity-100 @xl:flex dark:from-zinc-900"
        >
          <span className="flex items-center gap-1">
            <RowActions account={account} ticket={t} />
            <RowStatusToggle account={account} ticketId={t.id} status={t.status} />
          </span>
        </div>
      )}
    </div>
  );
}
