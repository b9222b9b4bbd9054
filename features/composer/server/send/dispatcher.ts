/**
 * Sends the waiting records of undo send (docs/safety.md#undo-send) when their time comes, through
 * the exactly-once pipeline in the budget's send lane, as the agent's own request would.
 *
 * One per process, kept light: a timer per send this process scheduled (`wake`), and a sweep every
 * few seconds for the rest — sends scheduled by another instance that went away, a claim whose
 * process died (read back first), anything due while no server ran. Each record is claimed with one
 * guarded UPDATE (`claimDueSend`), so however many timers and sweeps in however many instances try
 * it, one sends it; the others skip it.
 */
import { getSendOperation, dueSendOperations, failScheduledSend, type Db } from "@/lib/db";
import { NOT_DISPATCHED } from "./exactly-once";
import { DEFAULT_SEND_POLICY, type SendContext, type SendPolicy } from "./policy";
import { ScheduledMessage, sendNow } from "./scheduled";

/** What a dispatch did: sent it, it was not this dispatcher's to send, or the pipeline did not send it. */
export type Dispatched = "sent" | "skipped" | "not_sent";

export interface SendDispatcherOptions {
  readonly db: () => Promise<Db>;
  /** The agent's send context without the store, or null when their stored key is gone. */
  readonly contextFor: (agentId: string) => Promise<Omit<SendContext, "db" | "dispatch"> | null>;
  readonly sweepEveryMs?: number;
  readonly policy?: Partial<SendPolicy>;
  readonly now?: () => Date;
  readonly onError?: (error: unknown, operationId: string | null) => void;
}

export interface SendDispatcher {
  /** This process scheduled a send: look at it then. */
  wake(operationId: string, at: Date): void;
  /** Sends whatever is due now (and is this dispatcher's to claim). */
  sweep(): Promise<void>;
  dispatch(operationId: string): Promise<Dispatched>;
  stop(): void;
}

export const SWEEP_EVERY_MS = 5_000;
// A timer may fire a hair early by the database's clock: it then looks again this much later.
const EARLY_RETRY_MS = 100;

export function createSendDispatcher(options: SendDispatcherOptions): SendDispatcher {
  const now = options.now ?? (() => new Date());
  const policy = { ...DEFAULT_SEND_POLICY, ...options.policy };
  const onError = options.onError ?? (() => undefined);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Map<string, Promise<Dispatched>>();
  let stopped = false;

  function wake(operationId: string, at: Date): void {
    if (stopped) return;
    clearTimeout(timers.get(operationId));
    const timer = setTimeout(() => {
      timers.delete(operationId);
      void dispatch(operationId).catch((e) => onError(e, operationId));
    }, Math.max(0, at.getTime() - now().getTime()));
    timer.unref?.();
    timers.set(operationId, timer);
  }

  // One run per record at a time in this process; other processes are held off by the claim.
  function dispatch(operationId: string): Promise<Dispatched> {
    const current = running.get(operationId);
    if (current) return current;
    const run = dispatchOnce(operationId).finally(() => running.delete(operationId));
    running.set(operationId, run);
    return run;
  }

  async function dispatchOnce(operationId: string): Promise<Dispatched> {
    const db = await options.db();
    const row = await getSendOperation(db, operationId);
    if (!row?.payload || (row.state !== "scheduled" && row.state !== "in_flight")) return "skipped";
    if (row.state === "scheduled" && row.sendAfter && row.sendAfter.getTime() > now().getTime()) {
      wake(operationId, new Date(row.sendAfter.getTime() + EARLY_RETRY_MS));
      return "skipped";
    }
    const message = ScheduledMessage.safeParse(row.payload);
    if (!message.success) {
      await failScheduledSend(db, operationId, { reason: "invalid_payload" }, now());
      return "not_sent";
    }
    const context = await options.contextFor(row.agentId);
    if (!context) {
      // Nothing was posted and the agent's draft stays: they send it again after signing in.
      await failScheduledSend(db, operationId, { reason: "reauth_required" }, now());
      return "not_sent";
    }
    const result = await sendNow({ ...context, db, policy, now, dispatch: true }, message.data);
    if (result.ok) return "sent";
    return result.error === NOT_DISPATCHED ? "skipped" : "not_sent";
  }

  async function sweep(): Promise<void> {
    const db = await options.db();
    for (const operationId of await dueSendOperations(db, now(), policy.inFlightStaleMs)) {
      if (stopped) return;
      await dispatch(operationId).catch((e) => onError(e, operationId));
    }
  }

  const interval = setInterval(() => void sweep().catch((e) => onError(e, null)), options.sweepEveryMs ?? SWEEP_EVERY_MS);
  interval.unref?.();

  return {
    wake,
    sweep,
    dispatch,
    stop() {
      stopped = true;
      clearInterval(interval);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
