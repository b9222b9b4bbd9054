/**
 * Each safety rule for assistant tokens, through the MCP endpoint with the SDK's client against the
 * sandbox (docs/safety.md#assistant-tokens, #assistant-notes, #assistant-confirm,
 * #assistant-budget, #assistant-visible). Every refusal is checked on both sides: the tool's answer,
 * and what Gorgias (the sandbox) received.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { assistantTokensOf } from "@/features/assistants/server";
import { sendNote } from "@/features/composer/server";
import { loadTicketThread, threadRecords, updateTicketFields } from "@/features/ticket/server";
import { gorgiasFor } from "@/lib/auth/agent-gorgias";
import { createAssistantToken, listAudit, revokeAssistantToken } from "@/lib/db";
import { resetBudgets } from "@/lib/gorgias/budget";
import { clearReferenceCache } from "@/lib/gorgias/reference";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { clientFor } from "../gorgias/setup";
import { emailTickets, must } from "../send/setup";
import { ENDPOINT, mcpClient, refusal, startDesk, structured, type Desk } from "./setup";

vi.mock("server-only", () => ({}));

let sb: TestSandbox;
let desk: Desk;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  sb = await startTestSandbox({ sendDelayMs: 20 });
  desk = await startDesk(sb);
  ({ POST } = await import("@/app/api/mcp/route"));
});
afterAll(async () => {
  await desk?.close();
  await sb?.close();
});
beforeEach(async () => {
  await sb.control.reset();
  resetBudgets();
  clearReferenceCache();
});
afterEach(() => vi.useRealTimers());

const demo = { accountDomain: "demo" };
/** What the sandbox was asked to change, by anyone. */
const writes = async () => (await sb.control.requests()).filter((r) => r.method !== "GET");
const oneTicket = async () => (await emailTickets(await clientFor(sb, "agent"), 1))[0]!;

describe("scopes", () => {
  it("a read-only token cannot write: no note, no update, no ticket", async () => {
    const { token } = await desk.token("agent", ["read"]);
    const client = await mcpClient(POST, token);
    const ticket = await oneTicket();
    const calls = [
      { name: "create_ticket_message", arguments: { ...demo, ticketId: ticket.id, bodyText: "A note" } },
      { name: "update_ticket", arguments: { ...demo, ticketId: ticket.id, status: "closed" } },
      { name: "create_ticket", arguments: { ...demo, customerEmail: "new@example.com", subject: "Hello", bodyText: "A note" } },
    ];
    for (const call of calls) expect(refusal(await client.callTool(call))).toMatchObject({ code: "forbidden", fields: { scope: ["write_scope_required"] } });
    expect(structured(await client.callTool({ name: "get_ticket", arguments: { ...demo, ticketId: ticket.id } }))).toHaveProperty("ticket");
    expect(await writes()).toEqual([]);
    await client.close();
  });

  it("a write token cannot e-mail the customer, and a note is the default", async () => {
    const { token } = await desk.token("agent", ["read", "write"]);
    const client = await mcpClient(POST, token);
    const ticket = await oneTicket();
    const email = { ...demo, ticketId: ticket.id, bodyText: "Hello by e-mail", channel: "email" };
    expect(refusal(await client.callTool({ name: "create_ticket_message", arguments: email }))).toMatchObject({ code: "forbidden", fields: { channel: ["send_scope_required"] } });
    const newTicket = { ...demo, customerEmail: "new@example.com", subject: "Hello", bodyText: "Hello by e-mail", channel: "email" };
    expect(refusal(await client.callTool({ name: "create_ticket", arguments: newTicket }))).toMatchObject({ code: "forbidden" });
    expect(await writes()).toEqual([]);

    const note = structured<{ status: string; operationId: string }>(await client.callTool({ name: "create_ticket_message", arguments: { ...demo, ticketId: ticket.id, bodyText: "Hello as a note" } }));
    expect(note.status).toBe("note_added");
    const created = structured<{ status: string; ticketId: number }>(await client.callTool({ name: "create_ticket", arguments: { ...newTicket, channel: undefined } }));
    expect(created.status).toBe("created");
    const first = must(await (await clientFor(sb)).tickets.get(created.ticketId)).messages[0];
    expect(first).toMatchObject({ kind: "note", public: false });
    await sb.control.flush();
    expect(await sb.control.outbox()).toEqual([]);
    await client.close();
  });

  it("an observer agent's token is refused every write, whatever its scopes say", async () => {
    const observer = await desk.agent("observer-agent");
    // The settings page offers observers read only; a token with more (made before a role change) is still refused.
    const { token } = await createAssistantToken(desk.db, { agentId: observer.agentId, accountDomain: "demo", name: "x", scopes: ["read", "write", "send"] });
    const client = await mcpClient(POST, token);
    const ticket = await oneTicket();
    for (const channel of ["internal-note", "email"]) {
      expect(refusal(await client.callTool({ name: "create_ticket_message", arguments: { ...demo, ticketId: ticket.id, bodyText: "Hi", channel } }))).toMatchObject({
        code: "forbidden",
        fields: { role: ["read_only_role"] },
      });
    }
    expect(refusal(await client.callTool({ name: "update_ticket", arguments: { ...demo, ticketId: ticket.id, status: "closed" } }))).toMatchObject({ code: "forbidden" });
    expect(structured(await client.callTool({ name: "list_tickets", arguments: { ...demo, limit: 2 } }))).toHaveProperty("tickets");
    expect(await writes()).toEqual([]);
    await client.close();
  });

  it("a token works on its own account only", async () => {
    const { token } = await desk.token("agent", ["read"]);
    const client = await mcpClient(POST, token);
    expect(refusal(await client.callTool({ name: "list_users", arguments: { accountDomain: "other" } }))).toMatchObject({ code: "not_found", fields: { accountDomain: ["other_account"] } });
    // Not even a subdomain: the SDK refuses it against the input schema before the tool runs.
    expect((await client.callTool({ name: "list_users", arguments: { accountDomain: "evil.example/x" } })).isError).toBe(true);
    expect(await sb.control.requests()).toEqual([]);
    await client.close();
  });
});

describe("who may call", () => {
  it("an anonymous caller, an unknown token and a revoked token get 401", async () => {
    const init = { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }) };
    const anonymous = await POST(new Request(ENDPOINT, init));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    await expect(mcpClient(POST, null)).rejects.toMatchObject({ code: 401 });
    await expect(mcpClient(POST, `gdk_${"x".repeat(43)}`)).rejects.toMatchObject({ code: 401 });

    const { token, tokenId, agent } = await desk.token("agent", ["read"]);
    const client = await mcpClient(POST, token);
    expect(structured(await client.callTool({ name: "list_users", arguments: demo }))).toHaveProperty("users");
    expect(await revokeAssistantToken(desk.db, agent.agentId, tokenId)).toBe(true);
    await expect(client.callTool({ name: "list_users", arguments: demo })).rejects.toMatchObject({ code: 401 });
    await expect(mcpClient(POST, token)).rejects.toMatchObject({ code: 401 });
  });

  it("a page of another site cannot drive the endpoint with a token it got hold of", async () => {
    const { token } = await desk.token("agent", ["read"]);
    const response = await POST(
      new Request(ENDPOINT, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, origin: "https://evil.example", "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      }),
    );
    expect(response.status).toBe(403);
  });
});

describe("e-mail confirmations", () => {
  async function preview(bodyText = "Your refund is on its way.") {
    const { token } = await desk.token("agent", ["read", "write", "send"]);
    const client = await mcpClient(POST, token);
    const ticket = await oneTicket();
    const reply = { ...demo, ticketId: ticket.id, channel: "email", bodyText };
    const shown = structured<{ confirmation: { confirmationToken: string; newestMessageId: number } }>(await client.callTool({ name: "create_ticket_message", arguments: reply }));
    return { client, ticket, reply, confirmationToken: shown.confirmation.confirmationToken, newestMessageId: shown.confirmation.newestMessageId };
  }
  const sentByAssistant = async () => {
    await sb.control.flush();
    return sb.control.outbox();
  };

  it("is refused when the thread changed since the preview", async () => {
    const { client, ticket, reply, confirmationToken } = await preview();
    // A colleague writes on the ticket meanwhile.
    const colleague = await sb.agent("admin");
    must(await (await clientFor(sb, "admin")).messages.createNote(ticket.id, { senderUserId: colleague.id, bodyText: "Customer called: wants a replacement instead.", externalId: randomUUID() }));
    expect(refusal(await client.callTool({ name: "create_ticket_message", arguments: { ...reply, confirmationToken } }))).toMatchObject({
      code: "conflict",
      fields: { confirmationToken: ["thread_changed"] },
    });
    expect(await sentByAssistant()).toEqual([]);
    await client.close();
  });

  it("is refused once expired, for other text, and from another token", async () => {
    const { client, reply, confirmationToken } = await preview();
    expect(refusal(await client.callTool({ name: "create_ticket_message", arguments: { ...reply, bodyText: "Something else entirely.", confirmationToken } }))).toMatchObject({
      fields: { confirmationToken: ["different_content"] },
    });
    const other = await mcpClient(POST, (await desk.token("agent", ["read", "write", "send"])).token);
    expect(refusal(await other.callTool({ name: "create_ticket_message", arguments: { ...reply, confirmationToken } }))).toMatchObject({ fields: { confirmationToken: ["unknown"] } });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 11 * 60_000);
    expect(refusal(await client.callTool({ name: "create_ticket_message", arguments: { ...reply, confirmationToken } }))).toMatchObject({ fields: { confirmationToken: ["expired"] } });
    vi.useRealTimers();
    expect(await sentByAssistant()).toEqual([]);
    await client.close();
    await other.close();
  });

  it("a new ticket by e-mail is previewed, then created once", async () => {
    const { token } = await desk.token("agent", ["read", "write", "send"]);
    const client = await mcpClient(POST, token);
    const args = { ...demo, customerEmail: "jo@example.com", customerName: "Jo", subject: "Your order", bodyText: "Hi Jo, a quick question about your order.", channel: "email" };
    const shown = structured<{ status: string; ticketId: null; confirmation: { confirmationToken: string } }>(await client.callTool({ name: "create_ticket", arguments: args }));
    expect(shown).toMatchObject({ status: "confirmation_required", ticketId: null });
    expect(await writes()).toEqual([]);
    const confirmed = { ...args, confirmationToken: shown.confirmation.confirmationToken };
    const created = structured<{ ticketId: number; alreadyCreated: boolean }>(await client.callTool({ name: "create_ticket", arguments: confirmed }));
    const again = structured<{ ticketId: number; alreadyCreated: boolean }>(await client.callTool({ name: "create_ticket", arguments: confirmed }));
    expect(again).toEqual(expect.objectContaining({ ticketId: created.ticketId, alreadyCreated: true }));
    expect((await writes()).filter((r) => r.method === "POST" && r.path === "/api/tickets")).toHaveLength(1);
    await client.close();
  });
});

describe("bulk updates", () => {
  it("more than three tickets need an itemized confirmation of exactly that change", async () => {
    const { token } = await desk.token("agent", ["read", "write"]);
    const client = await mcpClient(POST, token);
    const ids = (await emailTickets(await clientFor(sb, "agent"), 5)).map((t) => t.id);
    const bulk = { ...demo, ticketIds: ids, priority: "high", addTags: ["assistant-triaged"] };
    const shown = structured<{ status: string; change: string; items: Array<{ ticketId: number; outcome: string; before: { priority: string } | null }>; confirmation: { confirmationToken: string } }>(
      await client.callTool({ name: "update_ticket", arguments: bulk }),
    );
    expect(shown.status).toBe("confirmation_required");
    expect(shown.change).toBe("priority → high; add tags assistant-triaged");
    expect(shown.items.map((i) => i.ticketId)).toEqual([...ids].sort((a, b) => a - b));
    for (const item of shown.items) expect(item).toMatchObject({ outcome: "pending_confirmation", before: { priority: expect.any(String) } });
    expect(await writes()).toEqual([]);

    const { confirmationToken } = shown.confirmation;
    expect(refusal(await client.callTool({ name: "update_ticket", arguments: { ...bulk, priority: "critical", confirmationToken } }))).toMatchObject({ fields: { confirmationToken: ["different_content"] } });
    expect(refusal(await client.callTool({ name: "update_ticket", arguments: { ...bulk, ticketIds: ids.slice(0, 4), confirmationToken } }))).toMatchObject({ code: "conflict" });
    expect(await writes()).toEqual([]);
    const done = structured<{ status: string; items: Array<{ outcome: string }> }>(await client.callTool({ name: "update_ticket", arguments: { ...bulk, confirmationToken } }));
    expect(done.status).toBe("updated");
    expect(done.items.every((i) => i.outcome === "updated")).toBe(true);
    const gorgias = await clientFor(sb, "agent");
    for (const id of ids) {
      const t = must(await gorgias.tickets.get(id));
      expect(t.priority).toBe("high");
      expect(t.tags.map((tag) => tag.name)).toContain("assistant-triaged");
    }

    // Three or fewer go at once.
    const small = structured<{ status: string }>(await client.callTool({ name: "update_ticket", arguments: { ...demo, ticketIds: ids.slice(0, 3), status: "closed" } }));
    expect(small.status).toBe("updated");
    await client.close();
  });
});

describe("visibility", () => {
  it("every call is in the audit log with agent, token, tool, ticket, payload hash and outcome; the settings page lists them", async () => {
    const { token, tokenId, agent } = await desk.token("agent", ["read", "write"]);
    const client = await mcpClient(POST, token);
    const ticket = await oneTicket();
    const secretText = `Private draft ${randomUUID()}`;
    structured(await client.callTool({ name: "get_ticket", arguments: { ...demo, ticketId: ticket.id } }));
    structured(await client.callTool({ name: "create_ticket_message", arguments: { ...demo, ticketId: ticket.id, bodyText: secretText } }));
    refusal(await client.callTool({ name: "create_ticket_message", arguments: { ...demo, ticketId: ticket.id, bodyText: secretText, channel: "email" } }));

    const calls = (await listAudit(desk.db, { accountDomain: "demo", assistantTokenId: tokenId })).filter((r) => r.action.startsWith("mcp."));
    expect(calls.map((c) => [c.action, c.ticketId, c.outcome, c.agentId])).toEqual([
      ["mcp.create_ticket_message", ticket.id, "error", agent.agentId],
      ["mcp.create_ticket_message", ticket.id, "ok", agent.agentId],
      ["mcp.get_ticket", ticket.id, "ok", agent.agentId],
    ]);
    for (const c of calls) expect(c.detail).toMatchObject({ transport: "http", payloadHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(calls[0]?.detail).toMatchObject({ reason: "send_scope_required" });
    expect(JSON.stringify(calls)).not.toContain(secretText);
    // The note itself is audited by the send pipeline under the same token.
    expect((await listAudit(desk.db, { accountDomain: "demo", assistantTokenId: tokenId, action: "ticket.note" })).length).toBeGreaterThan(0);

    const [listed] = await assistantTokensOf(desk.db, agent);
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(listed?.recentCalls.map((c) => [c.tool, c.outcome, c.reason])).toEqual([
      ["create_ticket_message", "error", "send_scope_required"],
      ["create_ticket_message", "ok", null],
      ["get_ticket", "ok", null],
    ]);
    await client.close();
  });
});

describe("in the ticket", () => {
  it("messages and changes made through a token are labelled as the agent's assistant; the agent's own are not", async () => {
    const { token, agent } = await desk.token("agent", ["read", "write"]);
    const client = await mcpClient(POST, token);
    const ticket = await oneTicket();
    const note = structured<{ messageId: number }>(await client.callTool({ name: "create_ticket_message", arguments: { ...demo, ticketId: ticket.id, bodyText: "Assistant's summary: waiting on the warehouse." } }));
    structured(await client.callTool({ name: "update_ticket", arguments: { ...demo, ticketId: ticket.id, priority: "high", addTags: ["warehouse"] } }));
    const gorgias = (await gorgiasFor(agent))!;
    // The agent's own note, through the composer's pipeline without a token.
    const own = must(await sendNote({ db: desk.db, gorgias, agent }, { ticketId: ticket.id, operationId: randomUUID(), bodyText: "My own note.", mentionUserIds: [], closeAfter: false }));
    // And their own change, without a token.
    must(await updateTicketFields({ db: desk.db, gorgias, agent }, { ticketId: ticket.id, status: "open" }));

    const thread = must(await loadTicketThread({ agent, gorgias }, ticket.id, { theme: "light", records: threadRecords("demo") }));
    const byId = new Map(thread.messages.map((m) => [m.id, m]));
    expect(byId.get(note.messageId)?.assistantOf).toBe(agent.name);
    expect(byId.get(own.message.id)?.assistantOf).toBeNull();
    expect(thread.messages.filter((m) => m.assistantOf !== null)).toHaveLength(1);
    // Newest first (the store outlives the sandbox's resets, so earlier tests' changes may follow).
    expect(thread.assistantChanges.slice(0, 2).map((c) => [c.agentName, c.what])).toEqual([
      [agent.name, "tags"],
      [agent.name, "priority"],
    ]);
    await client.close();
  });
});

describe("the shared budget", () => {
  it("a burst of assistant calls never makes an agent's action wait, nor causes a 429", async () => {
    const ids = must(await (await clientFor(sb, "admin")).tickets.list({ limit: 30 })).items.map((t) => t.id);
    expect(ids).toHaveLength(30);
    await sb.control.config({ rateLimit: { capacity: 40, windowSeconds: 20 } });
    await sb.control.clearRequests();
    // Three assistants of one agent, ten reads each: 30 requests, more than the assistants' 24 slots.
    const tokens = await Promise.all([0, 1, 2].map(() => desk.token("agent", ["read"])));
    const clients = await Promise.all(tokens.map((t) => mcpClient(POST, t.token)));
    const me = await desk.agent("admin");
    const gorgias = (await gorgiasFor(me))!;

    const burst = clients.flatMap((client, i) =>
      ids.slice(i * 10, i * 10 + 10).map((ticketId) => client.callTool({ name: "list_ticket_messages", arguments: { ...demo, ticketId, limit: 5 } })),
    );
    await vi.waitFor(() => expect(gorgias.budget.snapshot().waiting.assistant).toBeGreaterThan(0), { timeout: 5_000, interval: 20 });
    // Assistants stopped with 16 slots free: the agent's click goes at once, ahead of them.
    expect(gorgias.budget.snapshot().level).toBeLessThanOrEqual(25);
    const started = performance.now();
    const mine = await gorgias.tickets.get(ids[0]!, { priority: "read" });
    expect(mine.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(gorgias.budget.snapshot().waiting.assistant).toBeGreaterThan(0);

    const answers = await Promise.all(burst);
    for (const a of answers) expect(structured(a)).toHaveProperty("messages");
    expect((await sb.control.requests()).filter((r) => r.status === 429)).toEqual([]);
    await Promise.all(clients.map((c) => c.close()));
  });
});
