import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createTicket } from "@/features/new-ticket/server/actions";
import type { CreateTicketRequest } from "@/lib/domain/contract/inputs";
import type { CreatedTicket } from "@/lib/domain/send";
import type { RouteError } from "@/lib/client/route-fetch";
import { runAction } from "@/lib/client/run-action";
import { ticketKeys } from "@/lib/client/query-keys";

/**
 * Opens a ticket for a customer. Like a send, a dropped connection is reported as
 * `outcome_unknown`: the ticket may exist, and resubmitting the same operation id finds it.
 */
export function useCreateTicket(account: string) {
  const client = useQueryClient();
  return useMutation<CreatedTicket, RouteError, CreateTicketRequest>({
    mutationFn: (input) => runAction(createTicket, input, "outcome_unknown"),
    onSuccess: () => client.invalidateQueries({ queryKey: ticketKeys.lists(account) }),
  });
}
