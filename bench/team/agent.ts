import { randomUUID } from "node:crypto";
import { DeskError, sseFrames, type DeskSession, type InboxPage, type TicketThread } from "./desk-client";
import type { Observations } from "./observations";

export const OPEN_EVERY_MS = 60_000;
export const WRITE_EVERY_MS = 180_000;
/** The browser's fallback while its stream is down (features/live/client/live-status.ts). */
const FALLBACK_POLL_MS = 30_000;
/** EventSource's usual reconnection delay. */
const RECONNECT_MS = 3_000;
const MAX_RECONNECTS = 100;

export interface ActionIds {
  readonly sendReply: string;
  readonly updateTicket: string;
}

type ActionResult = { ok: true; value: unknown } | { ok: false; error: { code: string; fields?: Record<string, unknown> } };

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

const isAbort = (error: unknown) => error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");

/**
 * One simulated agent in one tab, speaking only HTTP: the inbox's first page and the open thread
 * on screen, one live stream, and what the browser does with its signals
 * (features/live/client/apply-signal.ts): a `ticket` signal re-reads the first page unless it
 * already holds that version, and the open thread if it is that ticket at another version. As with
 * react-query's invalidation, a re-read still in flight is cancelled and started again. While the
 * stream is down the agent polls every 30 s, as the browser falls back to.
 */
export class SimAgent {
  page: InboxPage | null = null;
  thread: TicketThread | null = null;
  live = false;
  nextOpenAt = Number.POSITIVE_INFINITY;
  nextWriteAt = Number.POSITIVE_INFINITY;
  private busy = false;
  private pageRead: AbortController | null = null;
  private threadRead: AbortController | null = null;
  private lastPoll = 0;
  private readonly stop = new AbortController();
  private stream: Promise<void> | null = null;

  constructor(
    readonly index: number,
    readonly session: DeskSession,
    private readonly obs: Observations,
    private readonly actions: ActionIds,
    private readonly random: () => number,
  ) {}

  /** Opens the stream and reads the first page; resolves once both are there. */
  async start(): Promise<void> {
    const hello = new Promise<void>((resolve, reject) => {
      this.stream = this.runStream(resolve, reject);
    });
    await Promise.all([hello, this.refreshPage()]);
    if (!this.page) throw new Error(`agent ${this.index}: no first page`);
  }

  /** Called about every second by the bench: the fallback poll, and in the active phase opens and writes. */
  tick(now: number, active: boolean): void {
    if (!this.live && now - this.lastPoll >= FALLBACK_POLL_MS) {
      this.lastPoll = now;
      this.obs.count("agent.fallback_polls");
      void this.refreshPage();
      if (this.thread) void this.refreshThread();
    }
    if (!active || this.busy) return;
    if (now >= this.nextOpenAt) {
      this.nextOpenAt = now + OPEN_EVERY_MS * (0.9 + 0.2 * this.random());
      void this.foreground("open", () => this.openTicket());
    } else if (now >= this.nextWriteAt && this.thread) {
      this.nextWriteAt = now + WRITE_EVERY_MS * (0.9 + 0.2 * this.random());
      void this.foreground("write", () => this.write());
    }
  }

  async close(): Promise<void> {
    this.stop.abort();
    this.pageRead?.abort();
    this.threadRead?.abort();
    await this.stream?.catch(() => undefined);
  }

  private async foreground(what: string, task: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await task();
    } catch (error) {
      if (!this.stop.signal.aborted) this.failed(what, error);
    } finally {
      this.busy = false;
    }
  }

  private failed(what: string, error: unknown): void {
    const cause = error instanceof Error && error.cause instanceof Error ? ((error.cause as { code?: string }).code ?? error.cause.name) : null;
    const detail =
      error instanceof DeskError ? String(error.status) : isAbort(error) ? "timeout" : error instanceof Error ? `${error.name}${cause ? `(${cause})` : ""}` : "unknown";
    this.obs.count(`error.${what}.${detail}`);
    if (error instanceof Error && !isAbort(error)) this.obs.sample(`error.${what}.${detail}`, error.message.slice(0, 300));
  }

  private async refreshPage(): Promise<void> {
    if (this.pageRead) this.obs.count("agent.page_reads_cancelled");
    this.pageRead?.abort();
    const ac = new AbortController();
    this.pageRead = ac;
    this.obs.count("agent.page_reads");
    try {
      const page = await this.session.firstPage(AbortSignal.any([ac.signal, this.stop.signal]));
      this.page = page;
      this.obs.firstPage(this.index, page);
    } catch (error) {
      if (!ac.signal.aborted && !this.stop.signal.aborted) this.failed("page", error);
    } finally {
      if (this.pageRead === ac) this.pageRead = null;
    }
  }

  private async refreshThread(): Promise<void> {
    const ticketId = this.thread?.ticket.id;
    if (ticketId === undefined) return;
    if (this.threadRead) this.obs.count("agent.thread_reads_cancelled");
    this.threadRead?.abort();
    const ac = new AbortController();
    this.threadRead = ac;
    this.obs.count("agent.thread_rereads");
    try {
      const thread = await this.session.thread(ticketId, true, AbortSignal.any([ac.signal, this.stop.signal]));
      if (this.thread?.ticket.id !== ticketId) return; // the agent moved on meanwhile
      this.thread = thread;
      this.obs.thread(this.index, thread);
    } catch (error) {
      if (!ac.signal.aborted && !this.stop.signal.aborted) this.failed("thread", error);
    } finally {
      if (this.threadRead === ac) this.threadRead = null;
    }
  }

  private refreshAll(): void {
    void this.refreshPage();
    if (this.thread) void this.refreshThread();
  }

  /** A ticket from the first page (not the one already open), read as the ticket page reads it. */
  private async openTicket(): Promise<void> {
    const choices = (this.page?.items ?? []).filter((t) => t.id !== this.thread?.ticket.id);
    const pick = choices[Math.floor(this.random() * choices.length)];
    if (!pick) return;
    this.threadRead?.abort();
    const started = performance.now();
    this.obs.count("agent.opens");
    let thread: TicketThread;
    try {
      thread = await this.session.thread(pick.id, false, this.stop.signal);
    } catch (error) {
      if (!this.stop.signal.aborted) this.obs.openFailedMs.push(performance.now() - started);
      throw error;
    }
    this.obs.openLatencyMs.push(performance.now() - started);
    if (this.thread) this.obs.leftThread(this.index, this.thread.ticket.id);
    this.thread = thread;
    this.obs.thread(this.index, thread);
  }

  /** Reply (as the composer sends, confirming newer messages if asked to) or close, on the open ticket. */
  private async write(): Promise<void> {
    const thread = this.thread;
    if (!thread) return;
    const ticketId = thread.ticket.id;
    const page = `/${this.session.account}/tickets/${ticketId}`;
    // The time the actions took, not the agent's review of newer messages in between.
    let actionMs = 0;
    const act = async (id: string, input: unknown) => {
      const started = performance.now();
      try {
        return (await this.session.action(id, page, [input])) as ActionResult;
      } finally {
        actionMs += performance.now() - started;
      }
    };
    if (this.random() < 0.5) {
      const input = {
        ticketId,
        operationId: randomUUID(),
        bodyText: "Thanks for your patience, we are on it.",
        lastSeenMessageId: thread.messages.reduce<number | null>((max, m) => (max === null || m.id > max ? m.id : max), null),
        confirmNewerMessages: false,
        closeAfter: false,
      };
      let result = await act(this.actions.sendReply, input);
      if (!result.ok && result.error.code === "conflict" && result.error.fields?.newerMessages) {
        // The composer shows the newer messages (a thread re-read), then the agent confirms.
        this.obs.count("write.reply_confirmed_newer");
        await this.refreshThread();
        result = await act(this.actions.sendReply, { ...input, confirmNewerMessages: true });
      }
      if (!result.ok) return this.obs.count(`write.reply_refused.${result.error.code}`);
      this.obs.count("write.replies");
      this.obs.write(actionMs);
      // useSendMessage's onSuccess: the thread and the lists on screen re-read.
      this.refreshAll();
    } else {
      const result = await act(this.actions.updateTicket, { ticketId, status: "closed" });
      if (!result.ok) return this.obs.count(`write.close_refused.${result.error.code}`);
      this.obs.count("write.closes");
      this.obs.write(actionMs);
      // useTicketUpdate's onSettled: the detail re-reads; lists only when next shown.
      void this.refreshThread();
    }
  }

  private onTicket(data: { ticketId?: unknown; version?: unknown }): void {
    if (typeof data.ticketId !== "number") return;
    const ticketId = data.ticketId;
    const version = typeof data.version === "string" ? data.version : null;
    this.obs.count("agent.ticket_signals");
    const holds = (items: readonly { id: number; updatedAt: string | null }[]) => version !== null && items.some((t) => t.id === ticketId && t.updatedAt === version);
    if (!this.page || !holds(this.page.items)) void this.refreshPage();
    if (this.thread && this.thread.ticket.id === ticketId && !holds([this.thread.ticket])) void this.refreshThread();
  }

  private async runStream(ready: () => void, failed: (error: unknown) => void): Promise<void> {
    let lastEventId: string | null = null;
    let everOpened = false;
    for (let attempt = 0; attempt <= MAX_RECONNECTS && !this.stop.signal.aborted; attempt++) {
      try {
        const res = await this.session.stream(lastEventId, this.stop.signal);
        this.live = true;
        for await (const frame of sseFrames(res.body!)) {
          if (frame.id !== null) lastEventId = frame.id;
          if (frame.event === "hello" && !everOpened) {
            everOpened = true;
            ready();
          } else if (frame.event === "ticket") this.onTicket(JSON.parse(frame.data) as { ticketId?: unknown; version?: unknown });
          else if (frame.event === "reset") {
            this.obs.count("agent.stream_resets");
            this.refreshAll();
          }
        }
        if (!this.stop.signal.aborted) this.obs.count("agent.stream_ended_by_server");
      } catch (error) {
        if (this.stop.signal.aborted) return;
        this.failed("stream", error);
        if (!everOpened) return failed(error);
      }
      if (this.stop.signal.aborted) return;
      const wasLive = this.live;
      this.live = false;
      this.lastPoll = Date.now();
      // Once per outage, as the browser's onerror does: re-read what is on screen.
      if (wasLive) this.refreshAll();
      await sleep(RECONNECT_MS, this.stop.signal);
    }
  }
}
