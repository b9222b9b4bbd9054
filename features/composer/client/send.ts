import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { sendNote, sendReply } from "@/features/composer/server/actions";
import type { SendNoteInput, SendReplyInput } from "@/lib/domain/contract/inputs";
import type { SendOutcome } from "@/lib/domain/send";
import type { AppError } from "@/lib/errors";
import type { RouteError } from "@/lib/client/route-fetch";
import { runAction } from "@/lib/client/run-action";
import { sendMutationKey, ticketKeys, type PendingSend } from "@/lib/client/query-keys";

/**
 * One send, as the thread sees it in mutation state: the `PendingSend` fields it draws a pending
 * bubble from, plus the exact action input (so a retry re-submits the same operation id and text).
 */
export type SendVariables = PendingSend &
  ({ readonly mode: "reply"; readonly input: SendReplyInput } | { readonly mode: "note"; readonly input: SendNoteInput });

export function replyVariables(input: SendReplyInput): SendVariables {
  return { operationId: input.operationId, mode: "reply", bodyText: input.bodyText, startedAt: new Date().toISOString(), input };
}

export function noteVariables(input: SendNoteInput): SendVariables {
  return { operationId: input.operationId, mode: "note", bodyText: input.bodyText, startedAt: new Date().toISOString(), input };
}

// A retry of the same operation replaces its earlier failed attempt in the mutation cache, so the
// thread shows one bubble per operation id, never a failed one next to a pending one.
function dropEarlierAttempts(client: QueryClient, account: string, ticketId: number, operationId: string): void {
  const cache = client.getMutationCache();
  for (const m of cache.findAll({ mutationKey: sendMutationKey(account, ticketId) })) {
    const v = m.state.variables as SendVariables | undefined;
    if (v?.operationId === operationId && m.state.status !== "pending") cache.remove(m);
  }
}

/**
 * Sends a reply or a note. Expected refusals come back as `RouteError` with the server's
 * `AppError`; anything else (the connection dropped mid-request) is reported as
 * `outcome_unknown`, because the message may well have been posted.
 */
export function useSendMessage(
  account: string,
  ticketId: number,
  /** Runs even if the composer unmounted meanwhile (it lives on the mutation), so the draft is cleared. */
  onConfirmed?: (variables: SendVariables, outcome: SendOutcome) => void,
) {
  const client = useQueryClient();
  return useMutation<SendOutcome, RouteError, SendVariables>({
    mutationKey: sendMutationKey(account, ticketId),
    mutationFn: (v) => (v.mode === "reply" ? runAction(sendReply, v.input, "outcome_unknown") : runAction(sendNote, v.input, "outcome_unknown")),
    onMutate: (v) => dropEarlierAttempts(client, account, ticketId, v.operationId),
    // Awaited: the mutation stays pending until Gorgias's own copy is in the cache, so the pending
    // bubble is replaced by the real message without a gap or a duplicate.
    onSuccess: async (outcome, v) => {
      onConfirmed?.(v, outcome);
      await Promise.all([
        client.invalidateQueries({ queryKey: ticketKeys.detail(account, ticketId) }),
        client.invalidateQueries({ queryKey: ticketKeys.lists(account) }),
      ]);
    },
  });
}

/** The conflict that means "the customer wrote since you opened the ticket", as opposed to a reused id. */
export function isNewerMessagesConflict(error: AppError | null): boolean {
  return error?.code === "conflict" && error.fields?.newerMessages !== undefined;
}
