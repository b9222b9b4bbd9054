"use client";

import { initials, presenceLabel } from "@/lib/domain/presence";
import { cx } from "@/lib/utils";
import type { Colleague } from "../client/presence-store";
import { useColleagues } from "../client/use-colleagues";

const SHOWN = 3;

/** Initials in a circle; a colleague who is typing gets the note or reply colour and a pulse. */
export function Avatar({ colleague }: { colleague: Colleague }) {
  return (
    <span
      aria-hidden
      data-state={colleague.state}
      className={cx(
        "inline-flex size-5 shrink-0 items-center justify-center rounded-full text-[9px] leading-none font-semibold ring-2 ring-white dark:ring-zinc-950",
        colleague.state === "viewing" && "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
        colleague.state === "typing-reply" && "animate-pulse bg-brand text-white",
        colleague.state === "typing-note" && "animate-pulse bg-amber-400 text-amber-950",
      )}
    >
      {initials(colleague.name)}
    </span>
  );
}

/** Who else is on this ticket, for a list row: up to three avatars, everyone in the label and tooltip. */
export function PresenceAvatars({ ticketId }: { ticketId: number }) {
  const colleagues = useColleagues(ticketId);
  if (colleagues.length === 0) return null;
  const label = colleagues.map((c) => presenceLabel(c.name, c.state)).join(", ");
  const more = colleagues.length - SHOWN;
  return (
    <span role="img" aria-label={label} title={label} data-testid="row-presence" className="flex shrink-0 items-center -space-x-1">
      {colleagues.slice(0, SHOWN).map((c) => (
        <Avatar key={c.userId} colleague={c} />
      ))}
      {more > 0 && <span aria-hidden className="pl-1.5 text-[10px] tabular-nums">+{more}</span>}
    </span>
  );
}
