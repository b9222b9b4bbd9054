/**
 * Replies on the ticket's own channel and auto-assign, against the sandbox: a chat ticket is
 * answered on chat (its integration, never as e-mail), a phone ticket is refused with a reason,
 * the agent may choose e-mail where the customer has an address, and a reply to an unassigned
 * ticket makes it the replier's when they ask for it.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Store } from "@/lib/db";
import { SendReplyInput } from "@/lib/domain/contract/inputs";
import type { Ticket } from "@/lib/domain/ticket";
import { sendReply } from "@/features/composer/server/send/messages";
import { paginate } from "@/lib/gorgias/pagination";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, type TestTarget } from "../db/harness";
import { agentFor, emailTickets, lastId, messagePosts, must, sendContext, thread } from "./setup";

vi.mock("server-only", () => ({}));

let sb: TestSandbox;
let target: TestTarget;
let store: Store;
let who: Awaited<ReturnType<typeof agentFor>>;

beforeAll(async () => {
  sb = await startTestSandbox({ sendDelayMs: 20 });
  target = await pgliteTarget();
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

async function ticketOn(channel: string, extra: (t: Ticket) => boolean = () => true): Promise<Ticket> {
  for await (const page of paginate((cursor) => who.gorgias.tickets.list({ cursor, limit: 100 }))) {
    for (const s of must(page).items) {
      if (s.channel !== channel || s.status !== "open" || s.spam) continue;
      const t = must(await who.gorgias.tickets.get(s.id));
      if (t.messages.some((m) => m.kind === "customer") && extra(t)) return t;
    }
  }
  throw new Error(`no open ${channel} ticket in the seed`);
}

const reply = async (t: Ticket, over: Record<string, unknown> = {}) =>
  SendReplyInput.parse({ ticketId: t.id, operationId: randomUUID(), bodyText: "Answering where you wrote.", lastSeenMessageId: lastId(await thread(who.gorgias, t.id)), ...over });

describe("replies on the ticket's channel", () => {
  it("a chat ticket's reply goes out on chat, through the integration the customer wrote on, never as e-mail", async () => {
    const t = await ticketOn("chat");
    const latest = [...t.messages].reverse().find((m) => m.kind === "customer")!;
    const r = await sendReply(sendContext(store, who), await reply(t));
    expect(r.ok).toBe(true);
    const posts = await messagePosts(sb, t.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ channel: "chat", from_agent: true, public: true, integration_id: latest.integrationId, receiver: { id: t.customer!.id } });
    expect(JSON.stringify(posts[0]!.body)).not.toContain('"email"');
    const outbox = await sb.control.outbox();
    expect(outbox.filter((e) => e.ticket_id === t.id).map((e) => e.channel)).toEqual(["chat"]);
  });

  it("refuses a phone ticket's reply with a reason, and posts nothing", async () => {
    const t = await ticketOn("phone");
    const r = await sendReply(sendContext(store, who), await reply(t));
    expect(r).toMatchObject({ ok: false, error: { code: "invalid_input", message: expect.stringMatching(/call/i) } });
    expect(await messagePosts(sb, t.id)).toHaveLength(0);
  });

  it("lets the agent choose e-mail on a chat ticket whose customer has an address, and refuses a channel the ticket does not offer", async () => {
    const t = await ticketOn("chat", (x) => !!x.customer?.email);
    const refused = await sendReply(sendContext(store, who), await reply(t, { replyOn: "whatsapp" }));
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    const r = await sendReply(sendContext(store, who), await reply(t, { replyOn: "email" }));
    expect(r.ok).toBe(true);
    const posts = await messagePosts(sb, t.id);
    expect(posts.map((p) => (p.body as { channel: string }).channel)).toEqual(["email"]);
  });
});

describe("auto-assign", () => {
  it("a reply to an unassigned ticket assigns it to the replying agent, with Send & Close in one update", async () => {
    const [t] = (await emailTickets(who.gorgias, 20)).filter((x) => x.assigneeUser === null);
    expect(t).toBeDefined();
    const r = await sendReply(sendContext(store, who), await reply(t!, { assignIfUnassigned: true, closeAfter: true }));
    expect(r.ok).toBe(true);
    const puts = (await sb.control.requests()).filter((q) => q.method === "PUT" && q.path === `/api/tickets/${t!.id}`);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.body).toEqual({ status: "closed", assignee_user: { id: who.agent.gorgiasUserId } });
    const after = must(await who.gorgias.tickets.get(t!.id));
    expect([after.status, after.assigneeUser?.id]).toEqual(["closed", who.agent.gorgiasUserId]);
  });

  it("leaves an assigned ticket, and any ticket when the setting is off", async () => {
    const unassigned = (await emailTickets(who.gorgias, 20)).filter((x) => x.assigneeUser === null);
    const r = await sendReply(sendContext(store, who), await reply(unassigned[0]!, { assignIfUnassigned: false }));
    expect(r.ok).toBe(true);
    const puts = (await sb.control.requests()).filter((q) => q.method === "PUT" && q.path.startsWith("/api/tickets/"));
    expect(puts).toHaveLength(0);
    expect(must(await who.gorgias.tickets.get(unassigned[0]!.id)).assigneeUser).toBeNull();

    await sb.control.clearRequests();
    const [theirs] = (await emailTickets(who.gorgias, 40)).filter((x) => x.assigneeUser !== null && x.assigneeUser.id !== who.agent.gorgiasUserId);
    const owner = theirs!.assigneeUser!.id;
    const s = await sendReply(sendContext(store, who), await reply(theirs!, { assignIfUnassigned: true }));
    expect(s.ok).toBe(true);
    expect((await sb.control.requests()).filter((q) => q.method === "PUT" && q.path.startsWith("/api/tickets/"))).toHaveLength(0);
    expect(must(await who.gorgias.tickets.get(theirs!.id)).assigneeUser?.id).toBe(owner);
  });
});
