/**
 * `npm run mcp`: the same tools over stdio for one user without the web app, driven by the SDK's own
 * stdio client against the sandbox, with the same note-by-default and confirmation rules
 * (docs/safety.md#assistant-notes, #assistant-confirm).
 */
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { clientFor } from "../gorgias/setup";
import { repoRoot, pgliteTarget, type TestTarget } from "../db/harness";
import { emailTickets, thread } from "../send/setup";
import { refusal, structured } from "./setup";

let sb: TestSandbox;
let target: TestTarget;

beforeAll(async () => {
  sb = await startTestSandbox({ sendDelayMs: 20 });
  target = await pgliteTarget();
});
afterAll(async () => {
  await sb?.close();
  await target?.cleanup();
});

/** `npm run mcp` as an MCP client starts it: a child process speaking on its stdin and stdout. */
async function stdioTransport(env: Record<string, string>): Promise<StdioClientTransport> {
  const agent = await sb.agent("agent");
  return new StdioClientTransport({
      command: process.execPath,
      args: ["--conditions=react-server", "--import", "tsx", path.join(repoRoot, "scripts/mcp.ts")],
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "test",
        GORGIAS_API_URL: sb.template,
        GORGIAS_ACCOUNT_DOMAIN: "demo",
        GORGIAS_USERNAME: agent.email,
        GORGIAS_API_KEY: agent.api_key,
        PGLITE_DIR: target.location,
        ...env,
      },
      stderr: "pipe",
    });
}

async function stdioClient(env: Record<string, string>): Promise<Client> {
  const client = new Client({ name: "desk-tests", version: "1.0.0" });
  await client.connect(await stdioTransport(env));
  return client;
}

describe("npm run mcp", () => {
  it("serves the eight tools as the key's user: notes by default, e-mail refused without send", async () => {
    await sb.control.reset();
    const client = await stdioClient({});
    expect((await client.listTools()).tools).toHaveLength(8);
    const [ticket] = await emailTickets(await clientFor(sb, "agent"), 1);
    const args = { accountDomain: "demo", ticketId: ticket!.id, bodyText: "Drafted over stdio." };
    const note = structured<{ status: string; operationId: string; alreadySent: boolean }>(await client.callTool({ name: "create_ticket_message", arguments: args }));
    expect(note).toMatchObject({ status: "note_added", alreadySent: false });
    expect(structured(await client.callTool({ name: "create_ticket_message", arguments: args }))).toMatchObject({ alreadySent: true });
    const posted = (await thread(await clientFor(sb, "agent"), ticket!.id)).filter((m) => m.externalId === note.operationId);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ kind: "note", public: false });
    expect(refusal(await client.callTool({ name: "create_ticket_message", arguments: { ...args, channel: "email" } }))).toMatchObject({ fields: { channel: ["send_scope_required"] } });
    expect(refusal(await client.callTool({ name: "list_users", arguments: { accountDomain: "acme" } }))).toMatchObject({ code: "not_found" });
    await client.close();
  });

  it("with send, an e-mail is previewed, confirmed, and sent once", async () => {
    await sb.control.reset();
    const client = await stdioClient({ GORGIAS_MCP_SCOPES: "read,write,send" });
    const [ticket] = await emailTickets(await clientFor(sb, "agent"), 1);
    const reply = { accountDomain: "demo", ticketId: ticket!.id, channel: "email", bodyText: "Sent from stdio, confirmed." };
    const preview = structured<{ status: string; operationId: string; confirmation: { confirmationToken: string } }>(await client.callTool({ name: "create_ticket_message", arguments: reply }));
    expect(preview.status).toBe("confirmation_required");
    const confirm = { ...reply, confirmationToken: preview.confirmation.confirmationToken };
    expect(structured(await client.callTool({ name: "create_ticket_message", arguments: confirm }))).toMatchObject({ status: "email_sent", alreadySent: false });
    expect(structured(await client.callTool({ name: "create_ticket_message", arguments: confirm }))).toMatchObject({ status: "email_sent", alreadySent: true });
    await sb.control.flush();
    expect((await sb.control.outbox()).filter((e) => e.external_id === preview.operationId)).toHaveLength(1);
    await client.close();
  });

  it("refuses to start with a key Gorgias does not accept, saying which", async () => {
    const transport = await stdioTransport({ GORGIAS_API_KEY: "wrong-key-123456" });
    let stderr = "";
    transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await expect(new Client({ name: "desk-tests", version: "1.0.0" }).connect(transport)).rejects.toThrow();
    await expect.poll(() => stderr, { timeout: 10_000 }).toContain("Gorgias did not accept GORGIAS_USERNAME and GORGIAS_API_KEY for demo");
  });
});
