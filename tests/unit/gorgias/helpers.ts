import { BudgetScheduler, type Clock } from "@/lib/gorgias/budget";
import { createGorgiasClient, type GorgiasClient, type GorgiasClientOptions } from "@/lib/gorgias/client";

/** A clock that only moves when told to; `auto` jumps to the next timer whenever one is waiting. */
export class ManualClock implements Clock {
  private time = 1_000_000;
  private timers: { id: number; at: number; fn: () => void }[] = [];
  private nextId = 1;
  constructor(private readonly auto = false) {}
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + ms, fn });
    if (this.auto) queueMicrotask(() => this.fireNext());
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.timers.shift();
      this.time = Math.max(this.time, next.at);
      next.fn();
    }
    this.time = target;
  }
  pending(): number {
    return this.timers.length;
  }
  private fireNext(): void {
    this.timers.sort((a, b) => a.at - b.at);
    const next = this.timers.shift();
    if (!next) return;
    this.time = Math.max(this.time, next.at);
    next.fn();
  }
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: unknown;
}

type Reply = Response | Error | ((req: RecordedRequest, signal: AbortSignal | undefined) => Response | Promise<Response>);

/** A scripted fetch: answers in order (the last answer repeats) and records every request. */
export function scriptedFetch(...replies: Reply[]) {
  const requests: RecordedRequest[] = [];
  let i = 0;
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    const req: RecordedRequest = { method: init?.method ?? "GET", url, headers: new Headers(init?.headers), body };
    requests.push(req);
    const reply = replies[Math.min(i++, replies.length - 1)];
    if (reply === undefined) throw new Error("scriptedFetch: no reply configured");
    if (reply instanceof Error) throw reply;
    if (typeof reply === "function") return reply(req, init?.signal ?? undefined);
    return reply.clone();
  };
  return { fetch: fetchFn as typeof fetch, requests };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

export const text = (body: string, status: number, contentType = "text/plain") => new Response(body, { status, headers: { "content-type": contentType } });

export const empty = (status: number) => new Response(null, { status });

export const networkError = (code: string) => new TypeError("fetch failed", { cause: Object.assign(new Error(`connect ${code}`), { code }) });

/** Never answers; rejects like fetch does when its signal aborts. */
export const hang = (_req: RecordedRequest, signal: AbortSignal | undefined) =>
  new Promise<Response>((_resolve, reject) => {
    signal?.addEventListener("abort", () => reject(signal.reason instanceof Error ? signal.reason : new DOMException("aborted", "AbortError")));
  });

export const API_KEY = "sk_live_5ecret_key_value";

/** A client on a fresh budget with virtual time: retry waits are recorded, not slept. */
export function testClient(fetchFn: typeof fetch, overrides: Partial<GorgiasClientOptions> = {}) {
  const clock = new ManualClock(true);
  const slept: number[] = [];
  const budget = new BudgetScheduler({ clock });
  const result = createGorgiasClient({
    baseUrl: "https://{accountDomain}.gorgias.test/api",
    accountDomain: "acme",
    email: "agent@acme.test",
    apiKey: API_KEY,
    fetch: fetchFn,
    budget,
    random: () => 0.5,
    sleep: (ms) => {
      slept.push(ms);
      return new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
    },
    ...overrides,
  });
  if (!result.ok) throw new Error(result.error.message);
  const client: GorgiasClient = result.value;
  return { client, clock, slept, budget };
}
