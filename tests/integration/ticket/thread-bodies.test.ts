import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GorgiasClient } from "@/lib/gorgias/client";
import type { ThreadBody, TicketThread } from "@/lib/domain/ticket-thread";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { BudgetScheduler } from "@/lib/gorgias/budget";
import { clientFor } from "../gorgias/setup";
import { styledEmail } from "@/bench/support/styled-email";
import { PREVIEW_CHARS } from "@/features/ticket/server/body-limits";

// The loader is server code (`server-only`); here it runs in Node against the sandbox, as in the route.
vi.mock("server-only", () => ({}));
const { loadMessageBody, loadTicketThread } = await import("@/features/ticket/server/ticket-thread");

let sb: TestSandbox;
let gorgias: GorgiasClient;
let hostileTicketIds: number[] = [];

interface WireMessage {
  id: number;
  ticket_id: number;
  body_html: string | null;
}

/** Every seeded message whose raw HTML carries an attack, found through the sandbox's own API. */
async function hostileMessages(): Promise<WireMessage[]> {
  const admin = await sb.agent("admin");
  const auth = `Basic ${Buffer.from(`${admin.email}:${admin.api_key}`).toString("base64")}`;
  const found: WireMessage[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const url = new URL(`${sb.apiBase()}/messages`);
    url.searchParams.set("limit", "100");
    if (cursor) url.searchParams.set("cursor", cursor);
    const res = await fetch(url, { headers: { authorization: auth } });
    const body = (await res.json()) as { data: WireMessage[]; meta: { next_cursor: string | null } };
    found.push(...body.data.filter((m) => /<script|onerror=|onload=|javascript:|url\(|<svg/i.test(m.body_html ?? "")));
    cursor = body.meta.next_cursor;
    if (!cursor) break;
  }
  return found;
}

const documentsOf = (body: ThreadBody): string[] => (body.format === "html" ? [body.main.srcDoc, ...(body.full ? [body.full.srcDoc] : [])] : [body.main, body.full ?? ""]);

/** Only the sanitized content, without the frame's own head (its CSP and stylesheet). */
const contentOf = (srcDoc: string) => srcDoc.slice(srcDoc.indexOf("<body>"));

function expectInert(thread: TicketThread | { body: ThreadBody }[]) {
  const bodies = Array.isArray(thread) ? thread.map((m) => m.body) : thread.messages.map((m) => m.body);
  for (const body of bodies) {
    for (const doc of documentsOf(body)) {
      const content = body.format === "html" ? contentOf(doc) : "";
      expect(content).not.toMatch(/<script/i);
      expect(content).not.toMatch(/<svg|<style|<link|<iframe|<object|<embed|<form/i);
      expect(content).not.toMatch(/\son[a-z]+\s*=/i);
      expect(content).not.toMatch(/javascript:/i);
      expect(content).not.toMatch(/url\s*\(/i);
      // With images not requested, nothing may point at a remote resource.
      expect(content).not.toMatch(/\s(?:src|srcset|background|poster)\s*=\s*"?(?:https?:)?\/\//i);
      if (body.format === "html") expect(doc).toContain("img-src data:;");
    }
  }
}

beforeAll(async () => {
  sb = await startTestSandbox();
  gorgias = await clientFor(sb, "admin", { budget: new BudgetScheduler({ capacity: 10_000 }) });
  hostileTicketIds = [...new Set((await hostileMessages()).map((m) => m.ticket_id))];
});
afterAll(async () => sb?.close());

// A role the shared cache does not serve: these tests read Gorgias directly (the cache has its own).
const reader = () => ({
  agent: { agentId: "a", accountDomain: "demo", gorgiasUserId: 1, email: "bot@example.com", name: "Bot", role: "bot" },
  gorgias,
});

describe("ticket thread preparation (route's server function)", () => {
  it("finds hostile emails in the seed", () => {
    expect(hostileTicketIds.length).toBeGreaterThan(3);
  });

  it("renders every hostile thread inert: no script, on*, javascript:, CSS url() or remote src", async () => {
    for (const id of hostileTicketIds) {
      const thread = await loadTicketThread(reader(), id, { theme: "light" });
      if (!thread.ok) throw new Error(thread.error.message);
      expect(thread.value.messages.length).toBeGreaterThan(0);
      expectInert(thread.value);
      // The raw fields never leave the server.
      for (const m of thread.value.messages) for (const raw of ["bodyHtml", "bodyText", "strippedHtml", "strippedText"]) expect(m).not.toHaveProperty(raw);
    }
  });

  it("with images allowed, still no script or handlers, and the frame policy admits https images only", async () => {
    const messages = (await hostileMessages()).slice(0, 8);
    const bodies = [];
    for (const m of messages) {
      const body = await loadMessageBody(gorgias, m.ticket_id, m.id, { theme: "dark", allowRemoteImages: true, whole: false });
      if (!body.ok) throw new Error(body.error.message);
      bodies.push(body.value);
      for (const doc of documentsOf(body.value.body)) {
        expect(contentOf(doc)).not.toMatch(/<script|\son[a-z]+\s*=|javascript:|url\s*\(/i);
        expect(doc).toContain("img-src data: https:");
      }
    }
    expect(bodies.length).toBe(messages.length);
  });

  it("refuses a message through another ticket's path", async () => {
    const [first] = await hostileMessages();
    const other = hostileTicketIds.find((id) => id !== first!.ticket_id)!;
    const body = await loadMessageBody(gorgias, other, first!.id, { theme: "light", allowRemoteImages: false, whole: false });
    expect(body.ok).toBe(false);
  });

  it("an unknown ticket is not_found", async () => {
    const thread = await loadTicketThread(reader(), 999_999, { theme: "light" });
    expect(!thread.ok && thread.error.code).toBe("not_found");
  });
});

describe("long bodies: a preview in the thread, all of it on request", () => {
  it("the thread shows the first part; Show all gets the rest", async () => {
    const admin = await sb.agent("admin");
    const auth = `Basic ${Buffer.from(`${admin.email}:${admin.api_key}`).toString("base64")}`;
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${sb.apiBase()}${path}`, { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(res.ok).toBe(true);
      return (await res.json()) as { id: number };
    };
    const ticketId = hostileTicketIds[0]!;
    const html = styledEmail(PREVIEW_CHARS * 3, 42);
    const posted = await post(`/tickets/${ticketId}/messages`, {
      channel: "email", via: "email", from_agent: false, public: true,
      sender: { email: "long@example.com" },
      source: { type: "email", from: { address: "long@example.com", name: "Long" }, to: [{ address: "support@demo.store" }] },
      body_text: null, body_html: html,
    });

    const thread = await loadTicketThread(reader(), ticketId, { theme: "light" });
    if (!thread.ok) throw new Error(thread.error.message);
    const long = thread.value.messages.find((m) => m.id === posted.id)!;
    expect(long.body.preview).toEqual({ shownChars: PREVIEW_CHARS, totalChars: html.length });
    expect(long.body.format === "html" && long.body.main.srcDoc).not.toContain("End of summary 42.");
    expectInert(thread.value);

    const all = await loadMessageBody(gorgias, ticketId, posted.id, { theme: "light", allowRemoteImages: false, whole: true });
    if (!all.ok) throw new Error(all.error.message);
    expect(all.value.body.preview).toBeNull();
    expect(all.value.body.format === "html" && all.value.body.main.srcDoc).toContain("End of summary 42.");
    expectInert([all.value]);
  });
});
