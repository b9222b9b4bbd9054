"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { updateTicket } from "@/lib/actions/tickets";
import type { TicketStatus } from "@/lib/domain/ticket";

/** Close or reopen in one click; shows Gorgias's (or the session's) refusal instead of failing silently. */
export function StatusToggle({ ticketId, status: initial }: { ticketId: number; status: TicketStatus }) {
  const [status, setStatus] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const next: TicketStatus = status === "open" ? "closed" : "open";

  function toggle() {
    setError(null);
    setStatus(next);
    startTransition(async () => {
      const result = await updateTicket({ ticketId, status: next });
      if (result.ok) setStatus(result.value.status);
      else {
        setStatus(status);
        setError(result.error.message);
      }
    });
  }

  return (
    <span className="flex items-center gap-2">
      <Button size="sm" onClick={toggle} disabled={pending} aria-label={`${next === "closed" ? "Close" : "Reopen"} ticket ${ticketId}`}>
        {next === "closed" ? "Close" : "Reopen"}
      </Button>
      {error && (
        <span role="status" className="text-xs text-red-600 dark:text-red-400" data-testid="action-error">
          {error}
        </span>
      )}
    </span>
  );
}
