/**
 * The MCP endpoint as a client sees it, against the sandbox: the Next route handler
 * (`app/api/mcp/route.ts`) is called in-process by the SDK's own client transport, over the
 * process's store (PGlite, or PostgreSQL with TEST_DATABASE_URL) and the sandbox as Gorgias.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { closeDb, createAssistantToken, getDb, upsertAgent, type AssistantScope, type Db } from "@/lib/db";
import { getCredentialsKey } from "@/lib/crypto/credentials";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import type { TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, postgresTarget, testDatabaseUrl, type TestTarget } from "../db/harness";

export const ENDPOINT = "http://desk.test/api/mcp";

export interface Desk {
  readonly db: Db;
  /** A sandbox agent of that role as a Desk agent (their key stored, as after sign-in). */
  agent(role: string): Promise<SignedInAgent>;
  /** A token for that agent, made as the Assistants page makes it. */
  token(role: string, scopes: readonly AssistantScope[]): Promise<{ token: string; tokenId: string; agent: SignedInAgent }>;
  close(): Promise<void>;
}

/**
 * Points the app's store, key and Gorgias URL at test ones, as `next start` would read them from its
 * environment. Call before anything reads `serverEnv()` (it is parsed once per process).
 */
export async function startDesk(sb: TestSandbox): Promise<Desk> {
  const target: TestTarget = testDatabaseUrl ? await postgresTarget(testDatabaseUrl) : await pgliteTarget();
  if (target.label === "postgres") process.env.DATABASE_URL = target.location;
  else process.env.PGLITE_DIR = target.location;
  process.env.GORGIAS_API_URL = sb.template;
  process.env.CREDENTIALS_KEY = "dGVzdC1vbmx5LWNyZWRlbnRpYWxzLWtleS0zMi1ieXQ=";
  const { db } = await getDb();
  const agent = async (role: string): Promise<SignedInAgent> => {
    const a = await sb.agent(role);
    const row = await upsertAgent(db, getCredentialsKey(), { accountDomain: "demo", gorgiasUserId: a.id, email: a.email, name: a.name, role: a.role, apiKey: a.api_key });
    return { agentId: row.id, accountDomain: "demo", gorgiasUserId: a.id, email: row.email, name: row.name, role: row.role };
  };
  return {
    db,
    agent,
    token: async (role, scopes) => {
      const who = await agent(role);
      const made = await createAssistantToken(db, { agentId: who.agentId, accountDomain: "demo", name: `${role} assistant`, scopes });
      return { token: made.token, tokenId: made.info.id, agent: who };
    },
    close: async () => {
      await closeDb();
      await target.cleanup();
    },
  };
}

type Handler = (request: Request) => Promise<Response>;

/** The route as Next serves it: POST reaches the handler, other methods are 405 (it exports none). */
export function routeFetch(handler: Handler, intercept?: (response: Response) => Response | Promise<Response>): typeof fetch {
  return async (input, init) => {
    if ((init?.method ?? "GET") !== "POST") return new Response(null, { status: 405 });
    const response = await handler(new Request(input instanceof Request ? input.url : String(input), init));
    return intercept ? intercept(response) : response;
  };
}

/** The SDK's own client, connected with a bearer token (or none). */
export async function mcpClient(handler: Handler, token: string | null, fetchImpl?: typeof fetch): Promise<Client> {
  const client = new Client({ name: "desk-tests", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(ENDPOINT), {
    requestInit: token === null ? {} : { headers: { authorization: `Bearer ${token}` } },
    fetch: fetchImpl ?? routeFetch(handler),
  });
  await client.connect(transport);
  return client;
}

/** A tool's structured answer, or the test fails with the tool's own error. */
export function structured<T = Record<string, unknown>>(result: Awaited<ReturnType<Client["callTool"]>>): T {
  const r = result as CallToolResult;
  if (r.isError) throw new Error(`tool refused: ${JSON.stringify(r.content)}`);
  return r.structuredContent as T;
}

/** A refused call's error (`{ code, message, fields }`), or the test fails. */
export function refusal(result: Awaited<ReturnType<Client["callTool"]>>): { code: string; message: string; fields?: Record<string, string[]> } {
  const r = result as CallToolResult;
  if (!r.isError) throw new Error(`expected a refusal, got ${JSON.stringify(r.structuredContent)}`);
  const first = r.content[0];
  if (first?.type !== "text") throw new Error("a refusal carries its error as text");
  return (JSON.parse(first.text) as { error: { code: string; message: string; fields?: Record<string, string[]> } }).error;
}
