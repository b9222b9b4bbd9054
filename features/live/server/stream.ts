import "server-only";
import { latestSignalSeq, oldestSignalSeq, signalsSince, type DbOrTx } from "@/lib/db";
import type { LiveSignal } from "@/lib/domain/live";
import type { LiveBus } from "./bus";

export const HEARTBEAT_MS = 15_000;
const REPLAY_LIMIT = 500;

export interface LiveStreamOptions {
  readonly account: string;
  /** The browser's `Last-Event-ID`: resume after it. Null for a fresh stream. */
  readonly lastEventId: number | null;
  readonly signal: AbortSignal;
  readonly db: DbOrTx;
  readonly bus: Pick<LiveBus, "subscribe" | "ensureListening">;
  readonly heartbeatMs?: number;
  /** Re-checked at each heartbeat: a stream whose session ended (signed out elsewhere) closes. */
  readonly stillSignedIn?: () => Promise<boolean>;
  /**
   * Events besides signals (presence), attached once the stream is open: given a way to send one
   * (without an id, so they never move Last-Event-ID), it returns how to stop.
   */
  readonly attach?: (send: (event: string, data: unknown) => void) => Promise<() => void>;
}

/** How soon a browser reconnects after the stream closes (an EventSource field). */
const RETRY_MS = 2_000;

const encoder = new TextEncoder();
const frame = (event: string, id: number | null, data: unknown) =>
  encoder.encode(`${id !== null ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * One Server-Sent Events stream per tab (docs/architecture.md, live desk): signals only — kind,
 * ticket id, version — never bodies. A browser that reconnects with `Last-Event-ID` gets what it
 * missed; one that was away longer than signals are kept gets `reset` and reloads what it shows.
 */
export async function liveStream(options: LiveStreamOptions): Promise<Response> {
  const { account, db, bus, signal } = options;
  await bus.ensureListening();
  let lastSent = 0;
  let replaying = true;
  const held: LiveSignal[] = [];
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let detach: (() => void) | null = null;

  const send = (s: LiveSignal) => {
    if (closed || s.seq <= lastSent) return;
    lastSent = s.seq;
    controller.enqueue(frame(s.kind, s.seq, { seq: s.seq, ticketId: s.ticketId, version: s.version }));
  };
  const replaySince = async (seq: number) => {
    const missed = await signalsSince(db, account, seq, REPLAY_LIMIT);
    if (missed.length === REPLAY_LIMIT) return false;
    for (const s of missed) send(s);
    return true;
  };
  const reset = async () => {
    const latest = await latestSignalSeq(db, account);
    lastSent = Math.max(lastSent, latest);
    if (!closed) controller.enqueue(frame("reset", latest, { seq: latest }));
  };

  const unsubscribe = bus.subscribe(account, {
    onSignal: (s) => (replaying ? held.push(s) : send(s)),
    onGap: () => void replaySince(lastSent).then((complete) => (complete ? undefined : reset())),
  });
  const heartbeat = setInterval(() => {
    if (closed) return;
    controller.enqueue(encoder.encode(": heartbeat\n\n"));
    // The browser reconnects, and its new request is refused (401), which tells it to sign in.
    options.stillSignedIn?.().then(
      (live) => (live ? undefined : close()),
      () => undefined,
    );
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    detach?.();
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  };
  signal.addEventListener("abort", close, { once: true });

  const body = new ReadableStream<Uint8Array>({
    async start(c) {
      controller = c;
      controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`));
      try {
        const resumeFrom = options.lastEventId;
        if (resumeFrom === null) {
          const latest = await latestSignalSeq(db, account);
          lastSent = latest;
          controller.enqueue(frame("hello", latest, { seq: latest }));
        } else {
          // Signals older than the oldest kept were pruned: the browser cannot catch up piecemeal.
          const oldest = await oldestSignalSeq(db);
          const complete = oldest !== null && resumeFrom >= oldest - 1 && (await replaySince(resumeFrom));
          if (!complete) await reset();
        }
        replaying = false;
        for (const s of held.splice(0)) send(s);
        const stop = await options.attach?.((event, data) => {
          if (!closed) controller.enqueue(frame(event, null, data));
        });
        if (closed) stop?.();
        else detach = stop ?? null;
      } catch (error) {
        close();
        throw error;
      }
    },
    cancel: close,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "private, no-store, no-transform",
      Connection: "keep-alive",
      // Proxies that buffer (nginx) would hold signals back.
      "X-Accel-Buffering": "no",
    },
  });
}
