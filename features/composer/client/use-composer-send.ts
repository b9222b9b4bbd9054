"use client";

import { useRef, useState } from "react";
import type { AppliedMacroInput } from "@/lib/domain/contract/inputs";
import type { SendOutcome } from "@/lib/domain/send";
import type { AppError } from "@/lib/errors";
import type { UploadedFile } from "@/lib/domain/attachments";
import { isNewerMessagesConflict, noteVariables, replyVariables, useSendMessage, type SendVariables } from "@/features/composer/client/send";
import type { ComposerMode, OperationEvent } from "@/features/composer/client/drafts";

export interface SendRequest {
  readonly mode: ComposerMode;
  readonly bodyText: string;
  readonly operationId: string;
  readonly closeAfter: boolean;
  /** Send & Snooze: the wake time the ticket is closed with after the send. */
  readonly snoozeUntil?: string;
  readonly confirmNewerMessages?: boolean;
  /** A reply's channel, when the agent chose one other than the ticket's own. */
  readonly replyOn?: string;
  /** The agent's auto-assign setting. */
  readonly assignIfUnassigned?: boolean;
  /** A macro applied in the composer: its actions follow the message. */
  readonly macro?: AppliedMacroInput;
  /** Uploaded files the message carries (the same descriptors on every retry: never uploaded again). */
  readonly attachments?: readonly UploadedFile[];
}

export interface SendProblem {
  readonly mode: ComposerMode;
  readonly error: AppError;
  readonly request: SendRequest;
  /** Distinguishes one failure from the next, so a countdown restarts. */
  readonly seq: number;
}

function eventFor(error: AppError): OperationEvent {
  if (error.code === "outcome_unknown") return { type: "outcome-unknown" };
  if (isNewerMessagesConflict(error)) return { type: "needs-confirmation" };
  return { type: "failed" };
}

/**
 * Submitting a reply or note at most once at a time. The button is disabled while pending, but a
 * second click or Ctrl+Enter can land before React re-renders, so a ref guards synchronously; the
 * server's operation id dedupe is what makes it exactly once across tabs and reloads.
 */
export function useComposerSend(opts: {
  account: string;
  ticketId: number;
  lastSeenMessageId: number | null;
  onConfirmed: (mode: ComposerMode, operationId: string, outcome: SendOutcome) => void;
  onEvent: (mode: ComposerMode, event: OperationEvent) => void;
}) {
  const { account, ticketId, lastSeenMessageId, onConfirmed, onEvent } = opts;
  const mutation = useSendMessage(account, ticketId, (v: SendVariables, outcome) => onConfirmed(v.mode, v.operationId, outcome));
  const inFlight = useRef(false);
  const seq = useRef(0);
  const [problem, setProblem] = useState<SendProblem | null>(null);
  const [lastOutcome, setLastOutcome] = useState<{ mode: ComposerMode; outcome: SendOutcome } | null>(null);

  /** `onSent` runs once Gorgias has the message (not when it was refused or its fate is unknown). */
  function submit(request: SendRequest, onSent?: (outcome: SendOutcome) => void) {
    if (inFlight.current) return;
    inFlight.current = true;
    setProblem(null);
    setLastOutcome(null);
    const files = request.attachments ?? [];
    const base = {
      ticketId,
      operationId: request.operationId,
      bodyText: request.bodyText,
      closeAfter: request.closeAfter,
      ...(request.macro ? { macro: request.macro } : {}),
      ...(files.length > 0 ? { attachments: [...files] } : {}),
    };
    const variables =
      request.mode === "reply"
        ? replyVariables({
            ...base,
            lastSeenMessageId,
            confirmNewerMessages: request.confirmNewerMessages ?? false,
            ...(request.replyOn ? { replyOn: request.replyOn } : {}),
            assignIfUnassigned: request.assignIfUnassigned ?? false,
            ...(request.snoozeUntil ? { snoozeUntil: request.snoozeUntil } : {}),
          })
        : noteVariables({ ...base, mentionUserIds: [] });
    mutation.mutate(variables, {
      onSuccess: (outcome) => {
        setLastOutcome({ mode: request.mode, outcome });
        onSent?.(outcome);
      },
      onError: (failure) => {
        setProblem({ mode: request.mode, error: failure.error, request, seq: ++seq.current });
        onEvent(request.mode, eventFor(failure.error));
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  }

  return { submit, pending: mutation.isPending, problem, dismissProblem: () => setProblem(null), lastOutcome };
}
