import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createTicket } from "@/features/new-ticket/server/actions";
import type { CreatedTicket, CreateTicketRequest } from "@/lib/domain/send";
import { asAppError } from "@/lib/client/composer-fetch";
import { RouteError } from "@/lib/client/route-fetch";
import { ticketKeys } from "@/lib/client/query-keys";

/**
 * Opens a ticket for a customer. Like a send, a dropped connection is reported as
 * `outcome_unknown`: the ticket may exist, and resubmitting the same operation id finds it.
 */
export function useCreateTicket(account: string) {
  const client = useQueryClient();
  return useMutation<CreatedTicket, RouteError, CreateTicketRequest>({
    mutationFn: async (input) => {
      let result;
      try {
        result = await createTicket(input);
      } catch (e) {
        throw new RouteError(asAppError(e, "outcome_unknown"));
      }
      if (!result.ok) throw new RouteError(result.error);
      return result.value;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ticketKeys.lists(account) }),
  });
}
