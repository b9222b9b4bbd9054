import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { sendNote, sendReply } from "@/features/composer/server/actions";
import type { SendNoteInput, SendReplyInput } from "@/lib/domain/contract/inputs";
import { isScheduled, type SendAnswer, type SendOutcome } from "@/lib/domain/send";
import type { AppError } from "@/lib/errors";
import type { RouteError } from "@/lib/client/route-fetch";
import { runAction } from "@/lib/client/run-action";
import { sendMutationKey, ticketKeys, type PendingSend } from "@/lib/client/query-keys";
import { fetchServerDrafts } from "./reads";
import { awaitWaitingSend, isUndone, type SendSettled } from "./waiting-sends";

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

const post = (v: SendVariables, undoSeconds = v.input.undoSeconds): Promise<SendAnswer> =>
  v.mode === "reply"
    ? runAction(sendReply, { ...v.input, undoSeconds }, "outcome_unknown")
    : runAction(sendNote, { ...v.input, undoSeconds }, "outcome_unknown");

/**
 * Sends a reply or a note. Expected refusals come back as `RouteError` with the server's
 * `AppError`; anything else (the connection dropped mid-request) is reported as
 * `outcome_unknown`, because the message may well have been posted. A send with an undo window
 * stays pending while it waits on the server, and settles as sent or undone
 * (./waiting-sends.ts, docs/safety.md#undo-send).
 */
export function useSendMessage(
  account: string,
  ticketId: number,
  /** Runs even if the composer unmounted meanwhile (it lives on the mutation), so the draft is cleared. */
  onConfirmed?: (variables: SendVariables, outcome: SendOutcome) => void,
  /** The server took it to send later: the agent may move on. */
  onScheduled?: (variables: SendVariables) => void,
) {
  const client = useQueryClient();
  return useMutation<SendSettled, RouteError, SendVariables>({
    mutationKey: sendMutationKey(account, ticketId),
    mutationFn: async (v) => {
      const answer = await post(v);
      if (!isScheduled(answer)) return answer;
      onScheduled?.(v);
      const settled = await awaitWaitingSend(
        { operationId: v.operationId, account, ticketId, mode: v.mode, bodyText: v.bodyText, sendAt: Date.parse(answer.sendAt) },
        {
          check: async () => (await fetchServerDrafts(account, ticketId, [v.operationId])).sends.find((s) => s.operationId === v.operationId)?.state ?? null,
          resend: () => post(v, 0),
        },
      );
      return settled ?? { undone: true, operationId: v.operationId };
    },
    onMutate: (v) => dropEarlierAttempts(client, account, ticketId, v.operationId),
    // Awaited: the mutation stays pending until Gorgias's own copy is in the cache, so the pending
    // bubble is replaced by the real message without a gap or a duplicate.
    onSuccess: async (settled, v) => {
      if (isUndone(settled)) return;
      const outcome = settled;
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
