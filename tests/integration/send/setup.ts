/** Shared set-up for the send pipeline against the sandbox: a store, a client, an agent, tickets. */
import { randomUUID } from "node:crypto";
import type { Store } from "@/lib/db";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import type { Ticket } from "@/lib/domain/ticket";
import type { Message } from "@/lib/domain/message";
import type { GorgiasClient } from "@/lib/gorgias/client";
import { collectAll, paginate } from "@/lib/gorgias/pagination";
import type { SendContext, SendPolicy } from "@/features/composer/server/send/policy";
import type { TestSandbox } from "@/tests/support/sandbox";
import { clientFor, must } from "../gorgias/setup";

export { must };

/** Short client timeout so a `delay` fault turns into a timeout quickly. */
export const CLIENT_TIMEOUT_MS = 800;

export async function agentFor(sb: TestSandbox, role = "admin", fetchImpl?: typeof fetch): Promise<{ agent: SignedInAgent; gorgias: GorgiasClient }> {
  const a = await sb.agent(role);
  const gorgias = await clientFor(sb, role, { timeoutMs: CLIENT_TIMEOUT_MS, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  return { agent: { agentId: randomUUID(), accountDomain: "demo", gorgiasUserId: a.id, email: a.email, name: a.name, role: a.role }, gorgias };
}

export function sendContext(store: Store, who: { agent: SignedInAgent; gorgias: GorgiasClient }, policy: Partial<SendPolicy> = {}): SendContext {
  return { db: store.db, gorgias: who.gorgias, agent: who.agent, policy: { settleMs: 300, readBackDelaysMs: [0, 250, 600], inFlightStaleMs: 60_000, ...policy } };
}

/** Open e-mail tickets whose customer has an address: repliable. */
export async function emailTickets(c: GorgiasClient, n: number): Promise<Ticket[]> {
  const out: Ticket[] = [];
  for await (const page of paginate((cursor) => c.tickets.list({ cursor, limit: 50 }))) {
    for (const summary of must(page).items) {
      if (summary.channel !== "email" || !summary.customer || summary.status !== "open") continue;
      const ticket = must(await c.tickets.get(summary.id));
      if (ticket.customer?.email) out.push(ticket);
      if (out.length >= n) return out;
    }
  }
  throw new Error(`only ${out.length} e-mail tickets in the sandbox seed`);
}

export async function thread(c: GorgiasClient, ticketId: number): Promise<Message[]> {
  return must(await collectAll((cursor) => c.messages.list(ticketId, { cursor, limit: 100 }), { maxPages: 50 }));
}

export const lastId = (messages: readonly Message[]): number | null => (messages.length ? Math.max(...messages.map((m) => m.id)) : null);

/** The message POSTs the sandbox received for one ticket (answered or not). */
export async function messagePosts(sb: TestSandbox, ticketId: number) {
  return (await sb.control.requests()).filter((r) => r.method === "POST" && r.path === `/api/tickets/${ticketId}/messages`);
}

/**
 * A fetch whose first matching request reaches the sandbox and is processed, but whose answer is
 * lost on the way back: held until the client's own timeout fires, or cut as a connection reset.
 * (The sandbox's `delay` fault cannot show this: it drops a request whose client went away.)
 */
export function losingFetch(match: (method: string, path: string) => boolean, mode: "timeout" | "reset"): typeof fetch {
  let armed = true;
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (armed && match(init?.method ?? "GET", url.pathname)) {
      armed = false;
      const { signal, ...rest } = init ?? {};
      const res = await fetch(input, rest);
      await res.text();
      if (mode === "reset") throw new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
      return new Promise<Response>((_, reject) => {
        if (!signal) return reject(new Error("losingFetch needs the client's signal"));
        if (signal.aborted) return reject(signal.reason);
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
    }
    return fetch(input, init);
  };
}
