"use client";

import { presenceLabel } from "@/lib/domain/presence";
import { useColleagues } from "../client/use-colleagues";
import { Avatar } from "./presence-avatars";

/**
 * Who else is on the open ticket: "Sam is typing a reply…", "Alex Chen is viewing". A polite live
 * region, so a colleague starting to write is announced without interrupting.
 */
export function TicketPresence({ ticketId }: { ticketId: number }) {
  const colleagues = useColleagues(ticketId);
  // Writers first: they are the ones a reply could collide with.
  const ordered = [...colleagues].sort((a, b) => Number(b.state !== "viewing") - Number(a.state !== "viewing"));
  return (
    <p role="status" data-testid="ticket-presence" className="flex min-h-5 flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 empty:hidden dark:text-zinc-400">
      {ordered.map((c) => (
        <span key={c.userId} className="inline-flex items-center gap-1.5" data-state={c.state}>
          <Avatar colleague={c} />
          {presenceLabel(c.name, c.state)}
          {c.state !== "viewing" && "…"}
        </span>
      ))}
    </p>
  );
}
