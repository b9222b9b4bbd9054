import { readFileSync } from "node:fs";
import path from "node:path";
import type { ApiResponse } from "@/lib/domain/contract/routes";

export type InboxPage = ApiResponse<"tickets">;
export type TicketThread = ApiResponse<"ticket">;

/** A failed call to the Desk: the status (0 when no answer came) and what the body said. */
export class DeskError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Server action ids of this build, by `file#export` (Next's server-reference manifest). */
export function loadActionIds(distDir: string): ReadonlyMap<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  return ids;
}

/**
 * The rows of an RSC answer: `id:json\n`, or `id:T<hex byte length>,<text>` for long strings
 * (whose text may hold newlines and is not followed by one).
 */
function flightRows(flight: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  let at = 0;
  while (at < flight.length) {
    const colon = flight.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = flight.toString("utf8", at, colon);
    if (flight[colon + 1] === 0x54 /* T */) {
      const comma = flight.indexOf(0x2c, colon);
      const length = Number.parseInt(flight.toString("utf8", colon + 2, comma), 16);
      rows.set(id, flight.toString("utf8", comma + 1, comma + 1 + length));
      at = comma + 1 + length;
    } else {
      const newline = flight.indexOf(0x0a, colon);
      const stop = newline < 0 ? flight.length : newline;
      rows.set(id, flight.toString("utf8", colon + 1, stop));
      at = stop + 1;
    }
  }
  return rows;
}

/**
 * The value a server action returned, from its RSC answer: row 0 points at the row holding it
 * (`{"a":"$@1",…}`). Long strings inside it stay references (`"$2"`): the bench reads only `ok`
 * and the error's code and fields.
 */
export function actionResult(flight: Buffer): unknown {
  const rows = flightRows(flight);
  const head = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
  const ref = typeof head?.a === "string" ? /^\$@([0-9a-f]+)$/.exec(head.a)?.[1] : undefined;
  const row = ref === undefined ? undefined : rows.get(ref);
  if (row === undefined || !row.startsWith("{")) throw new DeskError(200, `unexpected action answer: ${flight.toString("utf8", 0, 300)}`);
  return JSON.parse(row);
}

/**
 * One signed-in browser, reduced to its HTTP: a cookie jar, the routes the inbox and the thread
 * read, server actions called as Next's client calls them, and the live stream.
 */
export class DeskSession {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly account: string,
  ) {}

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith("authjs.session-token"));
  }

  async request(pathAndQuery: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response> {
    const { timeoutMs = 60_000, signal, headers, ...rest } = init;
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    const res = await fetch(`${this.base}${pathAndQuery}`, {
      ...rest,
      redirect: "manual",
      signal: AbortSignal.any(signals),
      headers: { ...(headers as Record<string, string> | undefined), cookie: this.cookieHeader() },
    });
    this.remember(res);
    return res;
  }

  private async json<T>(pathAndQuery: string, signal?: AbortSignal): Promise<T> {
    const res = await this.request(pathAndQuery, { signal, headers: { accept: "application/json" } });
    const text = await res.text();
    if (!res.ok) throw new DeskError(res.status, `${pathAndQuery}: ${res.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as T;
  }

  /** Auth.js's credentials sign-in with the fields the sign-in form posts. */
  async signIn(email: string, apiKey: string): Promise<void> {
    const { refusal, status } = await this.attemptSignIn(email, apiKey);
    if (refusal !== null) throw new DeskError(status, `sign-in refused for ${email}: ${refusal}`);
  }

  /**
   * One sign-in attempt (with extra request headers, e.g. a made-up X-Forwarded-For): null when a
   * session came back, else the message the sign-in page would show (or the redirect).
   */
  async attemptSignIn(email: string, apiKey: string, headers: Record<string, string> = {}): Promise<{ refusal: string | null; status: number }> {
    const { csrfToken } = await this.json<{ csrfToken: string }>("/api/auth/csrf");
    const body = new URLSearchParams({ csrfToken, accountDomain: this.account, email, apiKey, callbackUrl: `${this.base}/${this.account}` });
    const res = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    await res.arrayBuffer();
    if (this.hasSession()) return { refusal: null, status: res.status };
    const location = res.headers.get("location");
    const code = location ? new URL(location, this.base).searchParams.get("code") : null;
    return { refusal: code ?? location ?? `HTTP ${res.status}`, status: res.status };
  }

  /** The inbox's first page as the browser's refresher reads it (default view and order). */
  firstPage(signal?: AbortSignal): Promise<InboxPage> {
    return this.json(`/api/${this.account}/tickets?refresh=1`, signal);
  }

  thread(ticketId: number, background: boolean, signal?: AbortSignal): Promise<TicketThread> {
    return this.json(`/api/${this.account}/tickets/${ticketId}?theme=light${background ? "&background=1" : ""}`, signal);
  }

  /** A server action, called as Next's client does: POST to a page that uses it, `Next-Action`, the arguments as JSON. */
  async action(actionId: string, pagePath: string, args: readonly unknown[]): Promise<unknown> {
    const res = await this.request(pagePath, {
      method: "POST",
      headers: {
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        "next-action": actionId,
        origin: this.base,
      },
      body: JSON.stringify(args),
    });
    const answer = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new DeskError(res.status, `action ${pagePath}: ${res.status} ${answer.toString("utf8", 0, 200)}`);
    return actionResult(answer);
  }

  /** The live stream, open until `signal` aborts. */
  async stream(lastEventId: string | null, signal: AbortSignal): Promise<Response> {
    const res = await fetch(`${this.base}/api/${this.account}/stream`, {
      signal,
      headers: { accept: "text/event-stream", cookie: this.cookieHeader(), ...(lastEventId ? { "last-event-id": lastEventId } : {}) },
    });
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new DeskError(res.status, `stream: ${res.status}`);
    }
    return res;
  }
}

export interface SseFrame {
  readonly event: string;
  readonly id: string | null;
  readonly data: string;
}

/** Splits a Server-Sent Events body into frames as they arrive (comments, i.e. heartbeats, skipped). */
export async function* sseFrames(body: ReadableStream<Uint8Array>): AsyncGenerator<SseFrame> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, "\n");
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      let id: string | null = null;
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line === "" || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") event = value;
        else if (field === "id") id = value;
        else if (field === "data") data.push(value);
      }
      if (data.length > 0) yield { event, id, data: data.join("\n") };
    }
  }
}
