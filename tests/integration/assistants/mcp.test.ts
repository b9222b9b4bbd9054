/**
 * The MCP endpoint driven by the SDK's own client against the sandbox (issue 11): the three requests
 * assistants are used for as scripted tool sequences, and each safety rule for assistant tokens
 * (docs/safety.md#assistant-tokens, #assistant-notes, #assistant-confirm, #assistant-untrusted,
 * #assistant-visible).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listAudit } from "@/lib/db";
import { clearReferenceCache } from "@/lib/gorgias/reference";
import { resetBudgets } from "@/lib/gorgias/budget";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { clientFor } from "../gorgias/setup";
import { emailTickets, must, thread } from "../send/setup";
import { mcpClient, routeFetch, startDesk, structured, type Desk } from "./setup";

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

const demo = { accountDomain: "demo" };
const writes = async () => (await sb.control.requests()).filter((r) => r.method !== "GET");

type Untrusted = { untrusted: string };
type TicketBrief = { id: number; status: string; subject: Untrusted | null; customer: { name: Untrusted | null } | null };
type MessageBrief = { id: number; kind: string; text: string | Untrusted; author: string | Untrusted | null };

describe("the three scripted requests", () => {
  it("“list my most recent tickets and summarize which are still open”: list_tickets, then get_ticket on the open ones", async () => {
    const { token } = await desk.token("agent", ["read"]);
    const client = await mcpClient(POST, token);
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name).sort()).toEqual(
      ["create_ticket", "create_ticket_message", "get_ticket", "list_customers", "list_ticket_messages", "list_tickets", "list_users", "update_ticket"],
    );
    for (const t of tools.tools) {
      expect(t.inputSchema.properties).toHaveProperty("accountDomain");
      expect(t.outputSchema?.type).toBe("object");
    }

    const listed = structured<{ tickets: TicketBrief[]; nextCursor: string | null }>(await client.callTool({ name: "list_tickets", arguments: { ...demo, limit: 10 } }));
    expect(listed.tickets).toHaveLength(10);
    const open = listed.tickets.filter((t) => t.status === "open");
    expect(open.length).toBeGreaterThan(0);
    // Customer-written text arrives wrapped, never bare.
    for (const t of listed.tickets) {
      if (t.subject !== null) expect(t.subject).toEqual({ untrusted: expect.any(String) });
      if (t.customer?.name) expect(t.customer.name).toEqual({ untrusted: expect.any(String) });
    }
    for (const t of open.slice(0, 3)) {
      const got = structured<{ ticket: TicketBrief; messages: MessageBrief[]; newestMessageId: number | null }>(
        await client.callTool({ name: "get_ticket", arguments: { ...demo, ticketId: t.id } }),
      );
      expect(got.ticket.id).toBe(t.id);
      expect(got.messages.length).toBeGreaterThan(0);
      for (const m of got.messages) {
        if (m.kind === "customer") expect(m.text).toEqual({ untrusted: expect.any(String) });
        else expect(typeof m.text).toBe("string");
      }
      expect(got.newestMessageId).toBe(Math.max(...got.messages.map((m) => m.id)));
    }
    // Reads only: nothing was written to Gorgias.
    expect(await writes()).toEqual([]);
    await client.close();
  });

  it("“read this ticket and draft a friendly reply”: the draft is an internal note, posted once however often the call is repeated", async () => {
    const { token, agent } = await desk.token("agent", ["read", "write"]);
    const client = await mcpClient(POST, token);
    const gorgias = await clientFor(sb, "agent");
    const [ticket] = await emailTickets(gorgias, 1);
    const ticketId = ticket!.id;
    structured(await client.callTool({ name: "get_ticket", arguments: { ...demo, ticketId } }));
    const draft = { ...demo, ticketId, bodyText: "Draft: Hi! Thanks for your patience — your replacement ships today." };

    const first = structured<{ status: string; messageId: number; operationId: string; alreadySent: boolean }>(await client.callTool({ name: "create_ticket_message", arguments: draft }));
    expect(first).toMatchObject({ status: "note_added", alreadySent: false });
    const again = structured<{ messageId: number; alreadySent: boolean }>(await client.callTool({ name: "create_ticket_message", arguments: draft }));
    expect(again).toMatchObject({ messageId: first.messageId, alreadySent: true });

    const notes = (await thread(gorgias, ticketId)).filter((m) => m.externalId === first.operationId);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "note", public: false });
    expect((await writes()).filter((r) => r.method === "POST")).toHaveLength(1);
    await sb.control.flush();
    expect(await sb.control.outbox()).toEqual([]);
    // The send record names the token: the thread labels the note as the agent's assistant's.
    const audit = await listAudit(desk.db, { accountDomain: "demo", agentId: agent.agentId, action: "ticket.note" });
    expect(audit[0]?.assistantTokenId).not.toBeNull();
    await client.close();
  });

  it("“if the issue looks resolved, post a closing reply and close it”: one e-mail however the confirmation is repeated or lost, then closed", async () => {
    const { token } = await desk.token("agent", ["read", "write", "send"]);
    const gorgias = await clientFor(sb, "agent");
    const [ticket] = await emailTickets(gorgias, 1);
    const ticketId = ticket!.id;
    const client = await mcpClient(POST, token);
    const reply = { ...demo, ticketId, channel: "email", bodyText: "Glad that sorted it! I'm closing this ticket — just reply if anything else comes up." };

    const preview = structured<{ status: string; operationId: string; confirmation: { confirmationToken: string; to: string; bodyText: string } }>(
      await client.callTool({ name: "create_ticket_message", arguments: reply }),
    );
    expect(preview).toMatchObject({ status: "confirmation_required", confirmation: { to: ticket!.customer!.email, bodyText: reply.bodyText } });
    expect(await writes()).toEqual([]);
    const confirm = { ...reply, confirmationToken: preview.confirmation.confirmationToken };

    // The first confirmation reaches the Desk and sends, but its answer is lost on the way back.
    let lose = true;
    const lossy = await mcpClient(
      POST,
      token,
      routeFetch(POST, async (response) => {
        const body = await response.clone().text();
        if (lose && body.includes("email_sent")) {
          lose = false;
          throw new TypeError("fetch failed: connection reset");
        }
        return response;
      }),
    );
    await expect(lossy.callTool({ name: "create_ticket_message", arguments: confirm })).rejects.toThrow();
    expect(lose).toBe(false);
    const retried = structured<{ status: string; alreadySent: boolean; messageId: number }>(await client.callTool({ name: "create_ticket_message", arguments: confirm }));
    expect(retried).toMatchObject({ status: "email_sent", alreadySent: true });
    const repeated = structured<{ alreadySent: boolean; messageId: number }>(await client.callTool({ name: "create_ticket_message", arguments: confirm }));
    expect(repeated).toMatchObject({ alreadySent: true, messageId: retried.messageId });

    const closed = structured<{ status: string; items: Array<{ ticketId: number; outcome: string }> }>(
      await client.callTool({ name: "update_ticket", arguments: { ...demo, ticketId, status: "closed" } }),
    );
    expect(closed).toMatchObject({ status: "updated", items: [{ ticketId, outcome: "updated" }] });
    expect(must(await gorgias.tickets.get(ticketId)).status).toBe("closed");

    await sb.control.flush();
    const emails = (await sb.control.outbox()).filter((e) => e.external_id === preview.operationId);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.body_text).toContain("Glad that sorted it!");
    expect((await writes()).filter((r) => r.method === "POST" && r.path === `/api/tickets/${ticketId}/messages`)).toHaveLength(1);
    await client.close();
    await lossy.close();
  });
});
