"use client";

import { Button } from "@/components/ui/button";
import type { TicketStatus } from "@/lib/domain/ticket";
import { useTicketUpdate } from "@/features/ticket";

/**
 * Close or reopen from the list through the shared optimistic update, so the row's status, the
 * open ticket and every cached list agree, and a refusal rolls back with Gorgias's reason.
 */
export function RowStatusToggle({ account, ticketId, status }: { account: string; ticketId: number; status: TicketStatus }) {
  const update = useTicketUpdate(account, ticketId);
  const next: TicketStatus = status === "open" ? "closed" : "open";
  const verb = next === "closed" ? "Close" : "Reopen";
  return (
    <Button size="sm" onClick={() => update.mutate({ status: next })} aria-label={`${verb} ticket ${ticketId}`}>
      {verb}
    </Button>
  );
}
