import { MutationObserver, useMutation, useQueryClient, type MutationOptions, type QueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { updateTicket } from "@/features/ticket/server/actions";
import type { Ticket } from "@/lib/domain/ticket";
import { applyTicketChange, describeChange, type TicketChange } from "./ticket-cache";
import { ticketKeys } from "@/lib/client/query-keys";
import { runAction } from "@/lib/client/run-action";

/** Pending status/assignee changes of one ticket; the thread pauses its refresh while any is in flight. */
export const ticketUpdateKey = (account: string, ticketId: number) => ["ticket-update", account, ticketId] as const;

function send(ticketId: number, change: TicketChange): Promise<Ticket> {
  return runAction(updateTicket, {
    ticketId,
    status: change.status,
    assigneeUserId: change.assigneeUser === undefined ? undefined : (change.assigneeUser?.id ?? null),
    assigneeTeamId: change.assigneeTeam === undefined ? undefined : (change.assigneeTeam?.id ?? null),
  });
}

/**
 * Status, assignee and team: shown at once (absolute values, safe to repeat: docs/safety.md#absolute-updates), rolled back
 * with Gorgias's reason, in a toast, when it refuses.
 */
function ticketUpdateOptions(queryClient: QueryClient, account: string, ticketId: number): MutationOptions<Ticket, Error, TicketChange, { rollback: () => void }> {
  return {
    mutationKey: ticketUpdateKey(account, ticketId),
    mutationFn: (change) => send(ticketId, change),
    onMutate: async (change) => {
      toast.prepare();
      // An in-flight refresh started before the click would otherwise paint the old value back.
      await queryClient.cancelQueries({ queryKey: ticketKeys.detail(account, ticketId) });
      return { rollback: applyTicketChange(queryClient, account, ticketId, change) };
    },
    onError: (error, change, context) => {
      context?.rollback();
      const reason = error instanceof Error && error.message ? error.message : "Something went wrong.";
      toast.error(`Couldn't ${describeChange(change)}. ${reason}`);
    },
    onSuccess: (ticket, change) => {
      // Gorgias's answer is the truth (e.g. a rule may have changed something else too).
      applyTicketChange(queryClient, account, ticketId, {
        status: change.status === undefined ? undefined : ticket.status,
        assigneeUser: change.assigneeUser === undefined ? undefined : ticket.assigneeUser,
        assigneeTeam: change.assigneeTeam === undefined ? undefined : ticket.assigneeTeam,
      });
    },
    onSettled: () => {
      // Inbox lists refetch when next shown, not now: the budget is shared (docs/safety.md#shared-budget).
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists(account), refetchType: "none" });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(account, ticketId) });
    },
  };
}

export function useTicketUpdate(account: string, ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation(ticketUpdateOptions(queryClient, account, ticketId));
}

/**
 * The same change from a component that holds no mutation (an inbox row): it runs through the
 * mutation cache with the same key, so an open ticket still pauses its refresh while it is in
 * flight and an ended session still goes to sign-in.
 */
export function changeTicket(queryClient: QueryClient, account: string, ticketId: number, change: TicketChange): void {
  const observer = new MutationObserver(queryClient, ticketUpdateOptions(queryClient, account, ticketId));
  // A refusal is already shown (rolled back, toasted). Letting go once settled lets the cache forget it.
  observer
    .mutate(change)
    .catch(() => {})
    .finally(() => observer.reset());
}
