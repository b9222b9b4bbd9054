import { customerLabel } from "@/lib/domain/customer";
import { safeTagColor } from "@/lib/domain/tag-color";
import type { TagRef } from "@/lib/domain/tag";
import type { TicketHeader } from "@/lib/domain/ticket-thread";
import { isSnoozed, type TicketPriority, type TicketStatus } from "@/lib/domain/ticket";
import { SnoozedUntil } from "./snoozed-until";
import { cx } from "@/lib/utils";

const chip = "inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium";

const STATUS: Record<TicketStatus, string> = {
  open: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
  closed: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
};

const PRIORITY: Record<TicketPriority, string> = {
  critical: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100",
  high: "bg-orange-100 text-orange-900 dark:bg-orange-900/50 dark:text-orange-100",
  normal: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  low: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
};

export function TagChip({ tag }: { tag: TagRef }) {
  const color = safeTagColor(tag.color);
  return (
    <li className={cx(chip, "border border-zinc-200 bg-white text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200")} data-testid="tag">
      <span aria-hidden className="size-2 rounded-full bg-zinc-400" style={color ? { backgroundColor: color } : undefined} />
      {tag.name}
    </li>
  );
}

/** Status, priority, channel, customer and tags: everything read-only about the ticket at a glance. */
export function TicketChips({ ticket, now }: { ticket: TicketHeader; now: Date }) {
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <span className={cx(chip, STATUS[ticket.status])} data-testid="ticket-status">
        {ticket.status === "open" ? "Open" : "Closed"}
      </span>
      {isSnoozed(ticket, now) && ticket.snoozedUntil && <SnoozedUntil until={ticket.snoozedUntil} now={now} className={cx(chip, "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100")} />}
      {ticket.spam && (
        <span className={cx(chip, "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-100")} data-testid="ticket-spam">
          Spam
        </span>
      )}
      {ticket.trashedAt && (
        <span className={cx(chip, "bg-zinc-800 text-white dark:bg-zinc-200 dark:text-zinc-900")} data-testid="ticket-trashed">
          In trash
        </span>
      )}
      <span className={cx(chip, PRIORITY[ticket.priority])} data-testid="ticket-priority">
        <span className="sr-only">Priority </span>
        {ticket.priority[0]?.toUpperCase()}
        {ticket.priority.slice(1)}
      </span>
      {ticket.channel && <span className={cx(chip, "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300")}>{ticket.channel}</span>}
      {ticket.customer && <span className="text-xs text-zinc-700 dark:text-zinc-300">{customerLabel(ticket.customer)}</span>}
      {ticket.tags.length > 0 && (
        <ul aria-label="Tags" className="flex flex-wrap items-center gap-1.5">
          {ticket.tags.map((t) => (
            <TagChip key={t.id} tag={t} />
          ))}
        </ul>
      )}
    </div>
  );
}
