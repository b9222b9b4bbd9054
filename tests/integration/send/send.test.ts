/**
 * The send pipeline over real HTTP against the sandbox, with a PGlite store: exactly once under
 * double submits, timeouts, cut connections and 5xx; derived recipients; notes stay private;
 * the stale-thread check; Send & Close; new tickets; drafts kept until a send is confirmed.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Store } from "@/lib/db";
import { getDraftsForTicket, saveDraft } from "@/lib/db/drafts";
import { getSendOperation } from "@/lib/db/send-operations";
import { listAudit } from "@/lib/db/audit";
import { CreateTicketRequest, SendNoteInput, SendReplyInput } from "@/lib/domain/contract/inputs";
import { DIFFERENT_TEXT_MESSAGE } from "@/lib/domain/send";
import { sendNote, sendReply } from "@/features/composer/server/send/messages";
import { createTicket } from "@/features/new-ticket/server/create-ticket";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, postgresTarget, testDatabaseUrl, type TestTarget } from "../db/harness";
import { agentFor, emailTickets, lastId, losingFetch, messagePosts, must, sendContext, thread } from "./setup";

// The pipeline is framework-free; its feature entries guard against client bundles with server-only.
vi.mock("server-only", () => ({}));

let sb: TestSandbox;
let target: TestTarget;
let store: Store;
let who: Awaited<ReturnType<typeof agentFor>>;

beforeAll(async () => {
  sb = await startTestSandbox({ sendDelayMs: 20 });
  // PostgreSQL (real concurrent connections) when TEST_DATABASE_URL is set, PGlite otherwise.
  target = testDatabaseUrl ? await postgresTarget(testDatabaseUrl) : await pgliteTarget();
  store = await target.open();
});
afterAll(async () => {
  await sb?.close();
  await store?.close();
  await target?.cleanup();
});
beforeEach(async () => {
  await sb.control.reset();
  who = await agentFor(sb);
});

const reply = (ticketId: number, lastSeenMessageId: number | null, over: Record<string, unknown> = {}) =>
  SendReplyInput.parse({ ticketId, operationId: randomUUID(), bodyText: "Thanks for writing — here is what we will do.", lastSeenMessageId, ...over });

async function withMessages(ticketId: number, externalId: string) {
  return (await thread(who.gorgias, ticketId)).filter((m) => m.externalId === externalId);
}

describe("replies", () => {
  it("reach the customer exactly once when one operation id is submitted 5 times at once, and again later", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = reply(ticket!.id, lastId(ticket!.messages.length ? await thread(who.gorgias, ticket!.id) : []));
    await saveDraft(store.db, { agentId: who.agent.agentId, ticketId: input.ticketId, mode: "reply", bodyText: input.bodyText, operationId: input.operationId, now: new Date() });
    const ctx = sendContext(store, who);

    const results = await Promise.all(Array.from({ length: 5 }, () => sendReply(ctx, input)));
    const sent = results.filter((r) => r.ok);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.filter((r) => r.ok && !r.value.alreadySent)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r.error).toMatchObject({ code: "conflict", retryAfterSeconds: expect.any(Number) });

    const later = await sendReply(ctx, input);
    expect(later.ok && later.value.alreadySent).toBe(true);
    const first = sent[0];
    if (!first?.ok || !later.ok) throw new Error("unreachable");
    expect(later.value.message.id).toBe(first.value.message.id);

    await sb.control.flush();
    const outbox = (await sb.control.outbox()).filter((e) => e.external_id === input.operationId);
    expect(outbox).toHaveLength(1);
    expect(await messagePosts(sb, input.ticketId)).toHaveLength(1);
    expect(await withMessages(input.ticketId, input.operationId)).toHaveLength(1);
    // Confirmed, so the draft of this operation is gone; the record says succeeded.
    expect(await getDraftsForTicket(store.db, who.agent.agentId, input.ticketId)).toEqual([]);
    expect((await getSendOperation(store.db, input.operationId))?.state).toBe("succeeded");
    const audit = await listAudit(store.db, { accountDomain: "demo", agentId: who.agent.agentId, action: "ticket.reply" });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    for (const row of audit) expect(JSON.stringify(row.detail)).not.toContain(input.bodyText);
  });

  it("go to the recipients derived from the ticket; addressing keys in the input are refused", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const base = { ticketId: ticket!.id, operationId: randomUUID(), bodyText: "Hi", lastSeenMessageId: null };
    for (const extra of [{ to: ["evil@example.com"] }, { channel: "email" }, { public: true }, { from: "x@y.z" }, { receiver: { id: 1 } }, { integrationId: 1 }, { subject: "x" }]) {
      expect(SendReplyInput.safeParse({ ...base, ...extra }).success).toBe(false);
    }
    const input = reply(ticket!.id, lastId(await thread(who.gorgias, ticket!.id)));
    const r = await sendReply(sendContext(store, who), input);
    expect(r.ok).toBe(true);
    const [post] = await messagePosts(sb, ticket!.id);
    const body = post?.body as { source: { to: Array<{ address: string }>; from: { address: string } }; public: boolean; channel: string; sender: { id: number }; integration_id: number; subject: string };
    expect(body.source.to.map((a) => a.address)).toEqual([ticket!.customer!.email]);
    // From the address the customer wrote to (docs/safety.md#reply-from).
    const wroteTo = ticket!.messages.filter((m) => m.kind === "customer").at(-1)?.source?.to.map((a) => a.address);
    expect(wroteTo).toContain(body.source.from.address);
    expect(body).toMatchObject({ channel: "email", public: true, sender: { id: who.agent.gorgiasUserId } });
    expect(body.subject).toMatch(/^Re: /);
  });

  it("the same operation id with different text is refused, and nothing more is posted", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = reply(ticket!.id, lastId(await thread(who.gorgias, ticket!.id)));
    const ctx = sendContext(store, who);
    expect((await sendReply(ctx, input)).ok).toBe(true);
    const other = await sendReply(ctx, { ...input, bodyText: "Something else entirely" });
    expect(other).toMatchObject({ ok: false, error: { code: "conflict", message: DIFFERENT_TEXT_MESSAGE } });
    // Line endings and trailing spaces do not make it "other text".
    const same = await sendReply(ctx, { ...input, bodyText: `${input.bodyText.replace(/\n/g, "\r\n")}  \n` });
    expect(same.ok && same.value.alreadySent).toBe(true);
    expect(await messagePosts(sb, ticket!.id)).toHaveLength(1);
  });

  it("a refused send frees its id: the edited text is sent once, with the new text", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = reply(ticket!.id, lastId(await thread(who.gorgias, ticket!.id)));
    const ctx = sendContext(store, who);
    await sb.control.fault({ method: "POST", path: `/api/tickets/${ticket!.id}/messages`, kind: "status", status: 400, count: 1 });
    expect((await sendReply(ctx, input)).ok).toBe(false);
    expect((await getSendOperation(store.db, input.operationId))?.state).toBe("failed");
    const edited = await sendReply(ctx, { ...input, bodyText: "Edited after the failure." });
    expect(edited).toMatchObject({ ok: true, value: { alreadySent: false } });
    const landed = await withMessages(ticket!.id, input.operationId);
    // The edited text, signed once by its integration (docs/safety.md#signature).
    expect(landed.map((m) => m.bodyText)).toEqual([expect.stringMatching(/^Edited after the failure\.\n\n\S.*\n/)]);
    // And the id now belongs to the edited text: the first text is the "other" one.
    expect(await sendReply(ctx, input)).toMatchObject({ ok: false, error: { code: "conflict", message: DIFFERENT_TEXT_MESSAGE } });
  });

  it("a send whose POST outlasts the stale window keeps its claim alive: a second request is told it is still sending", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = reply(ticket!.id, lastId(await thread(who.gorgias, ticket!.id)));
    // Within the client's timeout (CLIENT_TIMEOUT_MS), but longer than the stale window.
    const ctx = sendContext(store, who, { inFlightStaleMs: 300 });
    await sb.control.fault({ method: "POST", path: `/api/tickets/${ticket!.id}/messages`, kind: "delay", delayMs: 700, count: 1 });
    const first = sendReply(ctx, input);
    await new Promise((r) => setTimeout(r, 550));
    const second = await sendReply(ctx, input);
    expect(second).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringContaining("still being sent") } });
    expect((await first).ok).toBe(true);
    expect(await messagePosts(sb, ticket!.id)).toHaveLength(1);
  });

  it("an observer is refused before anything is recorded or posted", async () => {
    const observer = await agentFor(sb, "observer-agent");
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = reply(ticket!.id, null);
    expect(await sendReply(sendContext(store, observer), input)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await getSendOperation(store.db, input.operationId)).toBeNull();
    expect(await messagePosts(sb, ticket!.id)).toHaveLength(0);
  });
});

describe("unknown outcomes", () => {
  it.each(["timeout", "reset"] as const)("a POST processed by Gorgias whose answer is lost (%s) is found by the read-back: sent once, no second POST", async (mode) => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = reply(ticket!.id, lastId(await thread(who.gorgias, ticket!.id)));
    await saveDraft(store.db, { agentId: who.agent.agentId, ticketId: input.ticketId, mode: "reply", bodyText: input.bodyText, operationId: input.operationId, now: new Date() });
    const lossy = { ...who, gorgias: (await agentFor(sb, "admin", losingFetch((m, p) => m === "POST" && p.endsWith(`/tickets/${ticket!.id}/messages`), mode))).gorgias };
    const r = await sendReply(sendContext(store, lossy), input);
    expect(r.ok && r.value.alreadySent).toBe(true);
    expect(await messagePosts(sb, ticket!.id)).toHaveLength(1);
    expect(await withMessages(ticket!.id, input.operationId)).toHaveLength(1);
    expect(await getDraftsForTicket(store.db, who.agent.agentId, input.ticketId)).toEqual([]);
    // And "Check again" afterwards replays without touching Gorgias's messages.
    const again = await sendReply(sendContext(store, who), input);
    expect(again.ok && again.value.alreadySent).toBe(true);
    expect(await messagePosts(sb, ticket!.id)).toHaveLength(1);
  });

  it("a delay fault longer than the client timeout (the sandbox then drops the request): absence confirmed after settling, the retry posts once", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = reply(ticket!.id, lastId(await thread(who.gorgias, ticket!.id)));
    await sb.control.fault({ method: "POST", path: `/api/tickets/${ticket!.id}/messages`, kind: "delay", delayMs: 1_200, count: 1 });
    const ctx = sendContext(store, who, { readBackDelaysMs: [0, 600, 1_200] });
    const first = await sendReply(ctx, input);
    expect(first).toMatchObject({ ok: false, error: { code: "upstream_unavailable" } });
    expect(await withMessages(ticket!.id, input.operationId)).toHaveLength(0);
    const retry = await sendReply(ctx, input);
    expect(retry.ok && !retry.value.alreadySent).toBe(true);
    expect(await messagePosts(sb, ticket!.id)).toHaveLength(2);
    expect(await withMessages(ticket!.id, input.operationId)).toHaveLength(1);
  });

  it("a cut connection before processing: unknown until it settles, then a retry with the same id posts once", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = reply(ticket!.id, lastId(await thread(who.gorgias, ticket!.id)));
    await saveDraft(store.db, { agentId: who.agent.agentId, ticketId: input.ticketId, mode: "reply", bodyText: input.bodyText, operationId: input.operationId, now: new Date() });
    await sb.control.fault({ method: "POST", path: `/api/tickets/${ticket!.id}/messages`, kind: "drop", count: 1 });
    const ctx = sendContext(store, who, { settleMs: 1_500, readBackDelaysMs: [0, 200] });

    const first = await sendReply(ctx, input);
    expect(first).toMatchObject({ ok: false, error: { code: "outcome_unknown" } });
    // "Check again" before it settles: read back only, no POST.
    const early = await sendReply(ctx, input);
    expect(early).toMatchObject({ ok: false, error: { code: "outcome_unknown" } });
    expect(await messagePosts(sb, ticket!.id)).toHaveLength(1);
    expect((await getDraftsForTicket(store.db, who.agent.agentId, input.ticketId)).map((d) => d.operationId)).toEqual([input.operationId]);

    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const retry = await sendReply(ctx, input);
    expect(retry.ok).toBe(true);
    expect(await messagePosts(sb, ticket!.id)).toHaveLength(2);
    expect(await withMessages(ticket!.id, input.operationId)).toHaveLength(1);
    expect(await getDraftsForTicket(store.db, who.agent.agentId, input.ticketId)).toEqual([]);
  });

  it("a 500 with nothing recorded is confirmed absent; the retry with the same id posts once", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = reply(ticket!.id, lastId(await thread(who.gorgias, ticket!.id)));
    await sb.control.fault({ method: "POST", path: `/api/tickets/${ticket!.id}/messages`, kind: "status", status: 500, count: 1 });
    const ctx = sendContext(store, who);
    const first = await sendReply(ctx, input);
    expect(first).toMatchObject({ ok: false, error: { code: "upstream_unavailable" } });
    expect((await getSendOperation(store.db, input.operationId))?.state).toBe("failed");
    const retry = await sendReply(ctx, input);
    expect(retry.ok && !retry.value.alreadySent).toBe(true);
    expect(await messagePosts(sb, ticket!.id)).toHaveLength(2);
    expect(await withMessages(ticket!.id, input.operationId)).toHaveLength(1);
  });

  it("a 429 is a definite refusal: rate_limited with Retry-After, nothing posted, retry allowed", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = reply(ticket!.id, lastId(await thread(who.gorgias, ticket!.id)));
    await sb.control.fault({ method: "POST", path: `/api/tickets/${ticket!.id}/messages`, kind: "status", status: 429, retryAfter: 1, count: 1 });
    const first = await sendReply(sendContext(store, who), input);
    expect(first).toMatchObject({ ok: false, error: { code: "rate_limited", retryAfterSeconds: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await sendReply(sendContext(store, who), input)).ok).toBe(true);
    expect(await withMessages(ticket!.id, input.operationId)).toHaveLength(1);
  });
});

describe("stale thread (docs/safety.md#stale-thread)", () => {
  /** Live activity picks its ticket; take the first one that can be answered by e-mail. */
  async function customerWroteAgain() {
    for (let i = 0; i < 30; i++) {
      const { ticket_id, message_id } = (await (await fetch(`${sb.url}/__sandbox/activity`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).json()) as { ticket_id: number; message_id: number };
      const t = must(await who.gorgias.tickets.get(ticket_id));
      if (t.channel !== "email" || !t.customer?.email) continue;
      const before = (await thread(who.gorgias, ticket_id)).filter((m) => m.id < message_id);
      return { ticketId: ticket_id, before, lastSeen: lastId(before), newId: message_id };
    }
    throw new Error("no e-mail activity in 30 ticks");
  }

  it("with the thread the shared cache held vouching for it, the fresh ticket read alone finds the newer message", async () => {
    const { ticketId, before, lastSeen, newId } = await customerWroteAgain();
    await sb.control.clearRequests();
    const ctx = { ...sendContext(store, who), share: { ticket: async () => {}, message: async () => {}, knownMessages: async () => before } };
    const blocked = await sendReply(ctx, reply(ticketId, lastSeen));
    expect(blocked).toMatchObject({ ok: false, error: { code: "conflict" } });
    if (!blocked.ok) expect(blocked.error.fields?.newerMessages).toContain(String(newId));
    const reads = (await sb.control.requests()).filter((r) => r.method === "GET").map((r) => r.path);
    expect(reads).toEqual([`/api/tickets/${ticketId}`]);

    // A cached thread the read does not contain vouches for nothing: the messages are read as before.
    await sb.control.clearRequests();
    const unvouched = { ...ctx, share: { ...ctx.share, knownMessages: async () => [...before, { ...before[0]!, id: 1 }] } };
    expect(await sendReply(unvouched, reply(ticketId, lastSeen))).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect((await sb.control.requests()).some((r) => r.method === "GET" && r.path === "/api/messages")).toBe(true);
  });

  it("a customer message newer than what the agent saw blocks the reply until confirmed", async () => {
    const { ticketId, lastSeen, newId } = await customerWroteAgain();
    const input = reply(ticketId, lastSeen);
    const ctx = sendContext(store, who);
    const blocked = await sendReply(ctx, input);
    expect(blocked).toMatchObject({ ok: false, error: { code: "conflict" } });
    if (!blocked.ok) expect(blocked.error.fields?.newerMessages).toContain(String(newId));
    expect(await messagePosts(sb, ticketId)).toHaveLength(0);
    expect((await getSendOperation(store.db, input.operationId))?.state).toBe("pending");

    const confirmed = await sendReply(ctx, { ...input, confirmNewerMessages: true });
    expect(confirmed.ok && !confirmed.value.alreadySent).toBe(true);
    expect(await withMessages(ticketId, input.operationId)).toHaveLength(1);
  });
});

describe("Send & Close", () => {
  it("closes the ticket after the message is confirmed", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = reply(ticket!.id, lastId(await thread(who.gorgias, ticket!.id)), { closeAfter: true });
    const r = await sendReply(sendContext(store, who), input);
    expect(r).toMatchObject({ ok: true, value: { ticketStatus: "closed", closed: true, alreadySent: false } });
    expect(must(await who.gorgias.tickets.get(ticket!.id)).status).toBe("closed");
    // A replay reports the recorded status without calling Gorgias.
    await sb.control.clearRequests();
    const again = await sendReply(sendContext(store, who), input);
    expect(again).toMatchObject({ ok: true, value: { ticketStatus: "closed", closed: true, alreadySent: true } });
    expect(await sb.control.requests()).toHaveLength(0);
  });

  it("a plain send to a ticket that was already closed does not claim to have closed it", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    must(await who.gorgias.tickets.update(ticket!.id, { status: "closed" }));
    const r = await sendNote(sendContext(store, who), SendNoteInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), bodyText: "For the record" }));
    expect(r).toMatchObject({ ok: true, value: { ticketStatus: "closed", closed: false } });
  });

  it("a failed close still counts the message as sent, and says so", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = SendNoteInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), bodyText: "Closing note", closeAfter: true });
    await sb.control.fault({ method: "PUT", path: `/api/tickets/${ticket!.id}`, kind: "status", status: 500, count: 1 });
    const r = await sendNote(sendContext(store, who), input);
    expect(r).toMatchObject({ ok: true, value: { ticketStatus: "open", closed: false, closeError: expect.any(String) } });
    expect((await getSendOperation(store.db, input.operationId))?.state).toBe("succeeded");
  });
});

describe("notes", () => {
  it("are internal, never public, never e-mailed", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    for (const extra of [{ public: true }, { channel: "email" }, { to: ["x@example.com"] }]) {
      expect(SendNoteInput.safeParse({ ticketId: ticket!.id, operationId: randomUUID(), bodyText: "n", ...extra }).success).toBe(false);
    }
    const input = SendNoteInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), bodyText: "Customer is a VIP, be nice." });
    const r = await sendNote(sendContext(store, who), input);
    expect(r).toMatchObject({ ok: true, value: { message: { public: false, channel: "internal-note" } } });
    await sb.control.flush();
    expect((await sb.control.outbox()).filter((e) => e.external_id === input.operationId)).toEqual([]);
    const [stored] = await withMessages(ticket!.id, input.operationId);
    expect(stored).toMatchObject({ public: false, channel: "internal-note" });
    const [post] = await messagePosts(sb, ticket!.id);
    expect(post?.body).toMatchObject({ channel: "internal-note", public: false });
    expect((post?.body as { source?: unknown }).source).toBeUndefined();
  });
});

describe("new tickets", () => {
  it("create one ticket for a new customer, even after repeated and concurrent submits", async () => {
    const input = CreateTicketRequest.parse({
      operationId: randomUUID(),
      customerEmail: `new-${randomUUID().slice(0, 8)}@example.com`,
      customerName: "New Person",
      subject: "Your order",
      bodyText: "Hello! Following up on your order.",
      kind: "email",
    });
    const ctx = sendContext(store, who);
    const results = await Promise.all([createTicket(ctx, input), createTicket(ctx, input), createTicket(ctx, input)]);
    const created = results.filter((r) => r.ok);
    expect(created.filter((r) => r.ok && !r.value.alreadyCreated)).toHaveLength(1);
    const again = await createTicket(ctx, input);
    expect(again.ok && again.value.alreadyCreated).toBe(true);
    const found = must(await who.gorgias.tickets.list({ externalId: input.operationId }));
    expect(found.items).toHaveLength(1);
    expect(found.items[0]?.customer?.email).toBe(input.customerEmail);
    expect((await sb.control.requests()).filter((r) => r.method === "POST" && r.path === "/api/tickets")).toHaveLength(1);
  });

  it("a timed-out create that Gorgias processed is found by external_id, not created twice", async () => {
    const input = CreateTicketRequest.parse({ operationId: randomUUID(), customerEmail: "slow@example.com", subject: "Hi", bodyText: "Body", kind: "email" });
    const lossy = { ...who, gorgias: (await agentFor(sb, "admin", losingFetch((m, p) => m === "POST" && p.endsWith("/api/tickets"), "timeout"))).gorgias };
    const r = await createTicket(sendContext(store, lossy), input);
    expect(r.ok && r.value.alreadyCreated).toBe(true);
    expect(must(await who.gorgias.tickets.list({ externalId: input.operationId })).items).toHaveLength(1);
  });

  it("a note-first ticket opens with a private note and e-mails nobody", async () => {
    const input = CreateTicketRequest.parse({ operationId: randomUUID(), customerEmail: "n@example.com", subject: "Hi", bodyText: "Called in, wants a callback", kind: "note" });
    const created = await createTicket(sendContext(store, who), input);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    await sb.control.flush();
    const messages = await thread(who.gorgias, created.value.ticketId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: "note", public: false, channel: "internal-note", externalId: input.operationId });
    expect((await sb.control.outbox()).filter((e) => e.ticket_id === created.value.ticketId)).toEqual([]);
    const post = (await sb.control.requests()).find((r) => r.method === "POST" && r.path === "/api/tickets");
    const first = (post?.body as { messages: Array<Record<string, unknown>> }).messages[0];
    expect(first).toMatchObject({ channel: "internal-note", public: false });
    expect(first).not.toHaveProperty("receiver");
    expect(first).not.toHaveProperty("source");
  });
});
