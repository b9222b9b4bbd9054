import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { toast } from "@/components/ui/toast";
import { setTicketReadState } from "@/features/ticket/server/actions";
import type { TicketHeader } from "@/lib/domain/ticket-thread";
import { runAction } from "@/lib/client/run-action";
import { applyReadState } from "./ticket-cache";

/**
 * Opening an unread ticket marks it read in Gorgias, once per open: a re-read that still says
 * unread (a shared page older than the write) does not write again, and neither does marking it
 * unread by hand while it stays open. A failure only puts the dot back: reading is bookkeeping.
 */
export function useMarkReadOnOpen(account: string, ticket: TicketHeader | undefined): void {
  const queryClient = useQueryClient();
  const handled = useRef<number | null>(null);
  const ticketId = ticket?.id;
  const unread = ticket?.isUnread === true;
  useEffect(() => {
    if (ticketId === undefined || handled.current === ticketId) return;
    handled.current = ticketId;
    if (!unread) return;
    const rollback = applyReadState(queryClient, account, ticketId, false);
    runAction(setTicketReadState, { ticketId, unread: false }).catch(rollback);
  }, [queryClient, account, ticketId, unread]);
}

/** Read or unread by hand: shown at once, put back with Gorgias's reason when refused. */
export function changeReadState(queryClient: QueryClient, account: string, ticketId: number, unread: boolean): void {
  toast.prepare();
  const rollback = applyReadState(queryClient, account, ticketId, unread);
  runAction(setTicketReadState, { ticketId, unread }).catch((error: unknown) => {
    rollback();
    toast.error(`Couldn't mark the ticket ${unread ? "unread" : "read"}. ${error instanceof Error && error.message ? error.message : "Something went wrong."}`);
  });
}

/** "Mark unread" / "Mark read" in the open ticket. */
export function useSetReadState(account: string, ticketId: number): (unread: boolean) => void {
  const queryClient = useQueryClient();
  return useCallback((unread: boolean) => changeReadState(queryClient, account, ticketId, unread), [queryClient, account, ticketId]);
}
