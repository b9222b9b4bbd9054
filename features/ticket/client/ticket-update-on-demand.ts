import type { QueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import type { TicketChange } from "./ticket-cache";

type TicketUpdateModule = typeof import("./ticket-update");

let loading: Promise<TicketUpdateModule> | null = null;

/**
 * The change machinery (cache patches, the server action, the refusal toast) for a screen that
 * only offers a change now and then, as the inbox does on each row: fetched when the agent points
 * at or focuses the control, or once the page is idle, rather than with the page. Safe to repeat;
 * a failed fetch is asked for again next time.
 */
export function preloadTicketUpdate(): Promise<TicketUpdateModule> {
  loading ??= import("./ticket-update").catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** `changeTicket`, once its code is in (at once when it already is). */
export function changeTicketOnDemand(queryClient: QueryClient, account: string, ticketId: number, change: TicketChange): void {
  preloadTicketUpdate().then(
    ({ changeTicket }) => changeTicket(queryClient, account, ticketId, change),
    () => toast.error("Couldn't change the ticket. The server could not be reached. Check your connection and try again."),
  );
}
