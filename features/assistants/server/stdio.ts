import "server-only";
import { createHash } from "node:crypto";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { ASSISTANT_TOKEN_CAP, sharedBudgetOptions } from "@/lib/auth/budget-options";
import { findAgentByEmail, getDb } from "@/lib/db";
import { ASSISTANT_SCOPES } from "@/lib/domain/assistant";
import { AccountDomain } from "@/lib/domain/contract/ids";
import { BudgetScheduler, createGorgiasClient } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";
import { uuidFromHex } from "./tools/confirm";
import type { AssistantContext } from "./tools/context";
import { assistantServer } from "./tools/server";

const required = (hint: string) => z.string({ error: `is not set (${hint})` }).trim().min(1, `is not set (${hint})`);

/** What `npm run mcp` reads: the same variables as `npm run verify`, and the scopes it grants. */
export const StdioEnv = z.object({
  GORGIAS_ACCOUNT_DOMAIN: required("your subdomain: acme for acme.gorgias.com").pipe(AccountDomain),
  GORGIAS_USERNAME: required("the e-mail you sign in to Gorgias with"),
  GORGIAS_API_KEY: required("an API key from Gorgias: Settings → REST API"),
  GORGIAS_API_URL: z.string().optional(),
  GORGIAS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  /** `send` is opt-in: without it the assistant writes internal notes only. */
  GORGIAS_MCP_SCOPES: z
    .string()
    .default("read,write")
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ASSISTANT_SCOPES)).min(1)),
});

/** A stable agent id for a user who never signed in to the Desk: their send records stay theirs across runs. */
const stdioAgentId = (accountDomain: string, userId: number): string =>
  uuidFromHex(createHash("sha256").update(`gorgias-desk:stdio:${accountDomain}:${userId}`).digest("hex"));

/**
 * The caller of a stdio server: the user behind the key (Gorgias says who, `GET /users/0`), the
 * store from the environment (DATABASE_URL, or PGlite at PGLITE_DIR), the assistant lane, and the
 * same cap a token has. With the Desk's own store, a user who signed in there is that same agent.
 */
export async function stdioContext(raw: Record<string, string | undefined>): Promise<Result<AssistantContext, string>> {
  const parsed = StdioEnv.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === "" ? undefined : v])));
  if (!parsed.success) {
    return err(Object.entries(z.flattenError(parsed.error).fieldErrors).map(([name, problems]) => `${name} ${(problems ?? []).join(", ")}`).join("\n"));
  }
  const env = parsed.data;
  const client = createGorgiasClient({
    baseUrl: env.GORGIAS_API_URL,
    accountDomain: env.GORGIAS_ACCOUNT_DOMAIN,
    email: env.GORGIAS_USERNAME,
    apiKey: env.GORGIAS_API_KEY,
    timeoutMs: env.GORGIAS_TIMEOUT_MS,
    budget: await sharedBudgetOptions(),
    lane: "assistant",
    gate: new BudgetScheduler({ ...ASSISTANT_TOKEN_CAP, minFree: { assistant: 1 } }),
  });
  if (!client.ok) return err(client.error.message);
  const me = await client.value.users.current();
  if (!me.ok) return err(`Gorgias did not accept GORGIAS_USERNAME and GORGIAS_API_KEY for ${env.GORGIAS_ACCOUNT_DOMAIN}: ${me.error.message}`);
  const { db } = await getDb();
  const known = await findAgentByEmail(db, env.GORGIAS_ACCOUNT_DOMAIN, env.GORGIAS_USERNAME);
  return ok({
    db,
    gorgias: client.value,
    agent: {
      agentId: known?.id ?? stdioAgentId(env.GORGIAS_ACCOUNT_DOMAIN, me.value.id),
      accountDomain: env.GORGIAS_ACCOUNT_DOMAIN,
      gorgiasUserId: me.value.id,
      email: env.GORGIAS_USERNAME,
      name: me.value.name ?? env.GORGIAS_USERNAME,
      role: me.value.role ?? "agent",
    },
    tokenId: null,
    scopes: env.GORGIAS_MCP_SCOPES,
    transport: "stdio",
  });
}

/** Serves the tools on stdin/stdout until the client goes away. */
export async function serveStdio(ctx: AssistantContext): Promise<void> {
  await assistantServer(ctx).connect(new StdioServerTransport());
}
