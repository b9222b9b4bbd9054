import type { TicketSummary } from "@/lib/domain/ticket";
import { customerLabel } from "@/lib/domain/customer";
import { StatusToggle } from "./status-toggle";

export function TicketListSimple({ tickets, canWrite }: { tickets: readonly TicketSummary[]; canWrite: boolean }) {
  if (tickets.length === 0) return <p className="p-6 text-sm text-zinc-500">No tickets yet.</p>;
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="ticket-list">
      {tickets.map((t) => (
        <li key={t.id} className="flex items-center justify-between gap-4 px-4 py-2.5" data-testid="ticket-row">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium">
              {t.customer ? customerLabel(t.customer) : "Unknown customer"}
              <span className="ml-2 font-normal text-zinc-600 dark:text-zinc-400">{t.subject ?? "(no subject)"}</span>
            </p>
            <p className="truncate text-xs text-zinc-500">{t.excerpt}</p>
          </div>
          <div className="flex shrink-0 items-center gap-3">
            <span className="text-xs text-zinc-500" data-testid="ticket-status">
              {t.status}
            </span>
            {canWrite && <StatusToggle ticketId={t.id} status={t.status} />}
          </div>
        </li>
      ))}
    </ul>
  );
}
