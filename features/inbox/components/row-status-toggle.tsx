"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import type { TicketStatus } from "@/lib/domain/ticket";
import { changeTicketOnDemand, preloadTicketUpdate } from "@/features/ticket";

/** Starts fetching the change before a click needs it. */
export const preloadRowStatusToggle = () => void preloadTicketUpdate().catch(() => {});

/**
 * Close or reopen from the list through the shared optimistic update, so the row's status, the
 * open ticket and every cached list agree, and a refusal rolls back with Gorgias's reason.
 */
export function RowStatusToggle({ account, ticketId, status }: { account: string; ticketId: number; status: TicketStatus }) {
  const queryClient = useQueryClient();
  const next: TicketStatus = status === "open" ? "closed" : "open";
  const verb = next === "closed" ? "Close" : "Reopen";
  return (
    <Button
      size="sm"
      onPointerEnter={preloadRowStatusToggle}
      onFocus={preloadRowStatusToggle}
      onClick={() => changeTicketOnDemand(queryClient, account, ticketId, { status: next })}
      aria-label={`${verb} ticket ${ticketId}`}
    >
      {verb}
    </Button>
  );
}
