"use client";

import { useSyncExternalStore } from "react";
import { toast } from "@/components/ui/toast";
import { undoSend } from "@/features/composer/server/actions";
import { RouteError } from "@/lib/client/route-fetch";
import { runAction } from "@/lib/client/run-action";
import type { SendState } from "@/lib/domain/contract/responses";
import { isScheduled, type SendAnswer, type SendOutcome } from "@/lib/domain/send";
import { appError } from "@/lib/errors";

/**
 * This tab's sends that wait on the server for their undo window (docs/safety.md#undo-send): the
 * thread's pending bubbles, the countdown toast and the `z` key read them here. The server's record
 * is the truth; this only follows it.
 */
export interface WaitingSend {
  readonly operationId: string;
  readonly account: string;
  readonly ticketId: number;
  readonly mode: "reply" | "note";
  readonly bodyText: string;
  /** Epoch ms when the server sends it. */
  readonly sendAt: number;
}

/** A send the agent took back: never sent; its text stays the draft. */
export type Undone = { readonly undone: true; readonly operationId: string };
export type SendSettled = SendOutcome | Undone;
export const isUndone = (settled: SendSettled): settled is Undone => "undone" in settled;

const waiting = new Map<string, WaitingSend>();
const undoneHere = new Map<string, () => void>();
const listeners = new Set<() => void>();
let snapshot: readonly WaitingSend[] = [];
const NONE: readonly WaitingSend[] = [];

function changed(): void {
  snapshot = [...waiting.values()].sort((a, b) => a.sendAt - b.sendAt);
  for (const l of listeners) l();
}

export function useWaitingSends(): readonly WaitingSend[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
    () => NONE,
  );
}

/** Whether this tab already follows it (its own send, or one found after a reload). */
export const isFollowed = (operationId: string): boolean => waiting.has(operationId);

/** The send `z` takes back: the one that goes last, among those still waiting. */
export function lastWaitingSend(): WaitingSend | null {
  return snapshot.at(-1) ?? null;
}

const secondsLeft = (send: WaitingSend) => Math.max(0, Math.ceil((send.sendAt - Date.now()) / 1000));
const what = (send: WaitingSend) => (send.mode === "reply" ? "Reply" : "Note");

/** Shown while it waits: a countdown with Undo, updated in place every second. */
function countdownToast(send: WaitingSend): () => void {
  const id = `undo-send-${send.operationId}`;
  const tick = () => {
    const left = secondsLeft(send);
    toast.sticky(id, left > 0 ? `${what(send)} sends in ${left} s` : `Sending ${what(send).toLowerCase()}…`, {
      label: "Undo",
      onClick: () => void undoWaitingSend(send.operationId),
    });
  };
  tick();
  const timer = setInterval(tick, 1000);
  return () => {
    clearInterval(timer);
    toast.dismiss(id);
  };
}

/**
 * Undo: the server cancels it only if no dispatcher claimed it yet. Answers what happened, and
 * says it; the waiting send itself settles as undone (see `awaitWaitingSend`).
 */
export async function undoWaitingSend(operationId: string): Promise<"undone" | "sent" | "not_sent" | "failed"> {
  const send = waiting.get(operationId);
  let outcome: "undone" | "sent" | "not_sent" | "not_found";
  try {
    outcome = (await runAction(undoSend, { operationId })).outcome;
  } catch (e) {
    toast.error(e instanceof RouteError ? e.message : "Undo did not reach the server. The message may still be sent.");
    return "failed";
  }
  const name = send ? what(send).toLowerCase() : "message";
  if (outcome === "undone") {
    undoneHere.get(operationId)?.();
    toast.info(`Not sent. Your ${name} is back in the composer.`);
    return "undone";
  }
  if (outcome === "sent") {
    toast.info(`Already sent: your ${name} had gone out.`);
    return "sent";
  }
  toast.info(`Your ${name} was not sent; its text is kept in the composer.`);
  return "not_sent";
}

// While it waits the tab looks now and then, so an Undo made elsewhere (another tab, after a
// reload) ends it; once due, more often, until the dispatcher's answer is in.
const LOOK_WHILE_WAITING_MS = 2_000;
const LOOK_WHEN_DUE_MS = 700;
/** Past its time by this much with no answer, the tab stops waiting and says it does not know. */
const GIVE_UP_AFTER_MS = 60_000;

export interface AwaitOptions {
  /** Where the server says the send stands (null: could not tell). */
  readonly check: () => Promise<SendState | null>;
  /**
   * The same send again without a wait: the pipeline replays it, or answers why it did not go.
   * Absent (a send this tab only follows, after a reload): it ends as `null` once settled.
   */
  readonly resend?: () => Promise<SendAnswer>;
}

/**
 * Follows a send the server has scheduled until it is sent (its outcome), undone, or refused (a
 * `RouteError`, as an immediate send would throw). When the dispatcher did not send it, the
 * pipeline is asked again in the agent's own request: it never posts what may be in Gorgias, and
 * answers with its reason (newer messages, Gorgias's refusal, an unknown outcome).
 */
export async function awaitWaitingSend(send: WaitingSend, { check, resend }: AwaitOptions): Promise<SendSettled | null> {
  const undone = new Promise<true>((resolve) => undoneHere.set(send.operationId, () => resolve(true)));
  waiting.set(send.operationId, send);
  changed();
  const stopToast = countdownToast(send);
  try {
    for (;;) {
      const due = Date.now() >= send.sendAt;
      const pause = due ? LOOK_WHEN_DUE_MS : Math.min(LOOK_WHILE_WAITING_MS, send.sendAt - Date.now() + 50);
      const wasUndone = await Promise.race([undone, new Promise<false>((resolve) => setTimeout(() => resolve(false), pause))]);
      if (wasUndone) return { undone: true, operationId: send.operationId };
      const state = await check().catch(() => null);
      if (state === "undone") return { undone: true, operationId: send.operationId };
      if (state === null || state === "waiting" || state === "sending") {
        if (Date.now() > send.sendAt + GIVE_UP_AFTER_MS) {
          throw new RouteError(appError("outcome_unknown", "The server has not confirmed this send yet. Your text is kept; check again in a moment — it will not be sent twice."));
        }
        continue;
      }
      if (!resend) return null;
      const answer = await resend();
      if (isScheduled(answer)) throw new RouteError(appError("internal", "The send was scheduled again instead of answered."));
      if (answer.closeError) toast.error(`Sent, but the ticket could not be closed: ${answer.closeError}`);
      return answer;
    }
  } finally {
    undoneHere.delete(send.operationId);
    waiting.delete(send.operationId);
    changed();
    stopToast();
  }
}
