"use client";

import { useRef, useState } from "react";
import type { AppliedMacroInput } from "@/lib/domain/contract/inputs";
import type { SendOutcome } from "@/lib/domain/send";
import type { AppError } from "@/lib/errors";
import type { UploadedFile } from "@/lib/domain/attachments";
import { isNewerMessagesConflict, noteVariables, replyVariables, useSendMessage, type SendVariables } from "@/features/composer/client/send";
import { isUndone } from "@/features/composer/client/waiting-sends";
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
  /** How long it waits on the server, undoable (the agent's setting; docs/safety.md#undo-send). */
  readonly undoSeconds?: number;
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
  // What the agent does once the server holds a send for later (move on), per operation.
  const whenScheduled = useRef(new Map<string, () => void>());
  const mutation = useSendMessage(
    account,
    ticketId,
    (v: SendVariables, outcome) => onConfirmed(v.mode, v.operationId, outcome),
    (v) => whenScheduled.current.get(v.operationId)?.(),
  );
  const inFlight = useRef(false);
  const seq = useRef(0);
  const [problem, setProblem] = useState<SendProblem | null>(null);
  const [lastOutcome, setLastOutcome] = useState<{ mode: ComposerMode; outcome: SendOutcome } | null>(null);

  /**
   * `onSent` runs once Gorgias has the message (not when it was refused or its fate is unknown);
   * `onScheduled` once the server holds it for its undo window (it is then sent without this tab).
   */
  function submit(request: SendRequest, onSent?: (outcome: SendOutcome) => void, onScheduled?: () => void) {
    if (inFlight.current) return;
    inFlight.current = true;
    setProblem(null);
    setLastOutcome(null);
    const files = request.attachments ?? [];
    if (onScheduled) whenScheduled.current.set(request.operationId, onScheduled);
    const base = {
      ticketId,
      operationId: request.operationId,
      bodyText: request.bodyText,
      closeAfter: request.closeAfter,
      ...(request.macro ? { macro: request.macro } : {}),
      ...(files.length > 0 ? { attachments: [...files] } : {}),
      ...(request.undoSeconds ? { undoSeconds: request.undoSeconds } : {}),
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
      onSuccess: (settled) => {
        // Undone: nothing was sent, and the text is still this composer's draft.
        if (isUndone(settled)) return;
        setLastOutcome({ mode: request.mode, outcome: settled });
        onSent?.(settled);
      },
      onError: (failure) => {
        setProblem({ mode: request.mode, error: failure.error, request, seq: ++seq.current });
        onEvent(request.mode, eventFor(failure.error));
      },
      onSettled: () => {
        inFlight.current = false;
        whenScheduled.current.delete(request.operationId);
      },
    });
  }

  return { submit, pending: mutation.isPending, problem, dismissProblem: () => setProblem(null), lastOutcome };
}
