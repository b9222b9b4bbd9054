import { ArrowLeft } from "lucide-react";
import type { ReactNode } from "react";
import type { TicketHeader as Header } from "@/lib/domain/ticket-thread";
import { TicketPresence } from "@/features/live";
import { TicketChips } from "./ticket-chips";

/** Subject, read-only facts, who else is here and the actions row; sticks to the top while the thread scrolls. */
export function TicketHeader({ ticket, onBack, actions, now }: { ticket: Header; onBack: () => void; actions: ReactNode; now: Date }) {
  return (
    <header className="sticky top-0 z-20 -mx-4 flex flex-col gap-2 border-b border-zinc-200 bg-white/95 px-4 pt-3 pb-3 backdrop-blur @3xl:-mx-6 @3xl:px-6 dark:border-zinc-800 dark:bg-zinc-950/95">
      <div className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <button type="button" onClick={onBack} className="inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100" aria-keyshortcuts="Escape">
          <ArrowLeft aria-hidden size={12} />
          Inbox
          <kbd aria-hidden className="hidden rounded border border-zinc-300 px-1 font-mono text-[10px] sm:inline dark:border-zinc-600">Esc</kbd>
        </button>
        <span aria-hidden>/</span>
        <span className="tabular-nums">#{ticket.id}</span>
      </div>
      <h1 className="text-lg leading-snug font-semibold break-words text-zinc-900 dark:text-zinc-50">{ticket.subject?.trim() || "(no subject)"}</h1>
      <TicketChips ticket={ticket} now={now} />
      <TicketPresence ticketId={ticket.id} />
      {actions}
    </header>
  );
}
