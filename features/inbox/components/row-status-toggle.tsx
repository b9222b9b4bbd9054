"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TicketStatus } from "@/lib/domain/ticket";
import { useTicketUpdate } from "@/features/ticket";

/**
 * Close or reopen from the list through the shared optimistic update, so the row's status, the
 * open ticket and every cached list agree, and a refusal rolls back with Gorgias's reason.
 */
export function RowStatusToggle({ account, ticketId, status }: { account: string; ticketId: number; status: TicketStatus }) {
  const [error, setError] = useState<string | null>(null);
  const update = useTicketUpdate(account, ticketId, { onRolledBack: setError });
  const next: TicketStatus = status === "open" ? "closed" : "open";
  const verb = next === "closed" ? "Close" : "Reopen";
  return (
    <span className="flex items-center gap-2">
      {error && (
        <span role="status" className="max-w-48 truncate text-xs text-red-700 dark:text-red-400" title={error} data-testid="action-error">
          {error}
        </span>
      )}
      <Button
        size="sm"
        onClick={() => {
          setError(null);
          update.mutate({ status: next });
        }}
        aria-label={`${verb} ticket ${ticketId}`}
      >
        {verb}
      </Button>
    </span>
  );
}
