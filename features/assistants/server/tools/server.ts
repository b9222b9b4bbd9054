/**
 * The eight tools as one MCP server for one caller (docs/safety.md#assistant-tokens): every call is
 * checked (account, scope, role), run through the Desk's own server code, audited, and answered as
 * compact JSON. Built per request over HTTP (stateless) and once for stdio.
 */
import { randomUUID } from "node:crypto";
import { McpServer, type ToolCallback } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { recordAudit } from "@/lib/db";
import { toolAuditAction, type AssistantScope, type AssistantTool } from "@/lib/domain/assistant";
import { isReadOnlyRole } from "@/lib/domain/user";
import { appError, type AppError } from "@/lib/errors";
import type { Result } from "@/lib/result";
import { logger } from "@/lib/server/logger";
import { payloadHash } from "./confirm";
import type { AssistantContext } from "./context";
import { createTicketMessage } from "./messages";
import { getTicket, listCustomers, listTicketMessages, listTickets, listUsers } from "./reads";
import * as S from "./schemas";
import { createTicket, updateTicket } from "./tickets";
import { UNTRUSTED_NOTE } from "./untrusted";

interface ToolSpec<I extends z.ZodRawShape, O extends z.ZodRawShape> {
  readonly name: AssistantTool;
  readonly title: string;
  readonly description: string;
  /** What the token needs; e-mail additionally needs `send`, checked by the tool itself. */
  readonly scope: Exclude<AssistantScope, "send">;
  readonly input: I;
  readonly output: O;
  readonly run: (ctx: AssistantContext, args: S.Args<I>) => Promise<Result<S.Args<O>, AppError>>;
}

/** Registers one tool; generic per call, so each tool's handler keeps its own argument types. */
function register<I extends z.ZodRawShape, O extends z.ZodRawShape>(server: McpServer, ctx: AssistantContext, spec: ToolSpec<I, O>): void {
  const readOnly = spec.scope === "read";
  server.registerTool(
    spec.name,
    {
      title: spec.title,
      description: `${spec.description} ${UNTRUSTED_NOTE}`,
      inputSchema: spec.input,
      outputSchema: spec.output,
      annotations: { readOnlyHint: readOnly, destructiveHint: false, idempotentHint: readOnly || spec.name === "update_ticket", openWorldHint: false },
    },
    // The SDK parses the arguments with `spec.input` before calling; its callback type is a
    // conditional TypeScript cannot resolve for a generic shape, hence the cast.
    ((args: S.Args<I>) => call(ctx, spec, args)) as unknown as ToolCallback<I>,
  );
}

function registerTools(server: McpServer, ctx: AssistantContext): void {
  const tool = <I extends z.ZodRawShape, O extends z.ZodRawShape>(spec: ToolSpec<I, O>) => register(server, ctx, spec);
  tool({
    name: "list_tickets",
    title: "List tickets",
    description: "Tickets of the account, most recently updated first: filter by view, customer or search words; page with cursor.",
    scope: "read",
    input: S.listTicketsInput,
    output: S.listTicketsOutput,
    run: listTickets,
  });
  tool({
    name: "get_ticket",
    title: "Get a ticket",
    description: "One ticket with its newest messages (customer text cut from quoted history). newestMessageId is what an e-mail reply's preview is bound to.",
    scope: "read",
    input: S.getTicketInput,
    output: S.getTicketOutput,
    run: getTicket,
  });
  tool({
    name: "list_ticket_messages",
    title: "List a ticket's messages",
    description: "A ticket's messages, newest first, paged with cursor.",
    scope: "read",
    input: S.listTicketMessagesInput,
    output: S.listTicketMessagesOutput,
    run: listTicketMessages,
  });
  tool({
    name: "create_ticket_message",
    title: "Add a note or e-mail a reply",
    description:
      "Adds an internal note (default; the customer never sees it). With channel email, and only if the token has the send scope, e-mails the customer in two calls: " +
      "the first returns a preview and a confirmationToken; repeat the call with the same text and that token to send. The token is refused if the thread changed or it expired.",
    scope: "write",
    input: S.createTicketMessageInput,
    output: S.createTicketMessageOutput,
    run: createTicketMessage,
  });
  tool({
    name: "create_ticket",
    title: "Open a ticket",
    description:
      "Opens a ticket for a customer (found or created by e-mail). Its first message is an internal note unless channel is email, which needs the send scope and a confirmation (two calls).",
    scope: "write",
    input: S.createTicketInput,
    output: S.createTicketOutput,
    run: createTicket,
  });
  tool({
    name: "list_customers",
    title: "Find customers",
    description: "Customers by exact e-mail, by name or part of an address (search), or all, paged.",
    scope: "read",
    input: S.listCustomersInput,
    output: S.listCustomersOutput,
    run: listCustomers,
  });
  tool({
    name: "list_users",
    title: "List agents",
    description: "The account's active users (agents), for assigning tickets.",
    scope: "read",
    input: S.listUsersInput,
    output: S.listUsersOutput,
    run: (ctx) => listUsers(ctx),
  });
  tool({
    name: "update_ticket",
    title: "Change tickets",
    description: `Sets status, priority, assignee or team (absolute values, safe to repeat) and adds or removes tags, on one ticket or several; more than ${S.BULK_CONFIRM_ABOVE} tickets take two calls: an itemized preview with a confirmationToken, then the same call with the token.`,
    scope: "write",
    input: S.updateTicketInput,
    output: S.updateTicketOutput,
    run: updateTicket,
  });
}

const refusal = (error: AppError): CallToolResult => ({ isError: true, content: [{ type: "text", text: JSON.stringify({ error }) }] });

/** What an answer says in the audit trail when it is not plain success: a preview, a partial update. */
const stepOf = (value: unknown): string | null => {
  const status = (value as { status?: unknown }).status;
  return status === "confirmation_required" || status === "partly_updated" ? status : null;
};

function checkAccess(ctx: AssistantContext, scope: Exclude<AssistantScope, "send">, accountDomain: unknown): AppError | null {
  if (accountDomain !== ctx.agent.accountDomain) return appError("not_found", `This token works on the Gorgias account ${ctx.agent.accountDomain} only.`, { fields: { accountDomain: ["other_account"] } });
  if (!ctx.scopes.includes(scope)) return appError("forbidden", `This token does not have the ${scope} scope. Ask the agent for a token that does.`, { fields: { scope: [`${scope}_scope_required`] } });
  if (scope === "write" && isReadOnlyRole(ctx.agent.role)) return appError("forbidden", "This agent's Gorgias role can read tickets but not change them.", { fields: { role: ["read_only_role"] } });
  return null;
}

/** One tool call: checked, run, audited (agent, token, tool, ticket, payload hash, outcome), answered. */
async function call<I extends z.ZodRawShape, O extends z.ZodRawShape>(ctx: AssistantContext, spec: ToolSpec<I, O>, args: S.Args<I>): Promise<CallToolResult> {
  const fields = args as { accountDomain?: unknown; ticketId?: unknown };
  let result: Result<S.Args<O>, AppError>;
  const denied = checkAccess(ctx, spec.scope, fields.accountDomain);
  if (denied) result = { ok: false, error: denied };
  else {
    try {
      result = await spec.run(ctx, args);
    } catch (e) {
      const requestId = randomUUID();
      logger.error({ err: e, requestId, tool: spec.name, agentId: ctx.agent.agentId, tokenId: ctx.tokenId }, "assistant tool failed");
      result = { ok: false, error: appError("internal", "Something went wrong on the Desk's side. Nothing was changed that get_ticket would not show.", { requestId }) };
    }
  }
  const answeredTicket = result.ok ? (result.value as { ticketId?: unknown }).ticketId : undefined;
  const ticketId = typeof fields.ticketId === "number" ? fields.ticketId : typeof answeredTicket === "number" ? answeredTicket : null;
  const operationId = result.ok ? (result.value as { operationId?: unknown }).operationId : undefined;
  await recordAudit(ctx.db, {
    agentId: ctx.agent.agentId,
    accountDomain: ctx.agent.accountDomain,
    action: toolAuditAction(spec.name),
    ticketId,
    outcome: result.ok ? "ok" : result.error.code === "outcome_unknown" ? "unknown" : "error",
    assistantTokenId: ctx.tokenId,
    detail: {
      transport: ctx.transport,
      payloadHash: payloadHash(args),
      reason: result.ok ? stepOf(result.value) : (result.error.fields ? Object.values(result.error.fields)[0]?.[0] : null) ?? result.error.code,
      ...(typeof operationId === "string" ? { operationId } : {}),
    },
  });
  if (!result.ok) return refusal(result.error);
  return { content: [{ type: "text", text: JSON.stringify(result.value) }], structuredContent: result.value as Record<string, unknown> };
}

/** The MCP server an assistant talks to, acting as `ctx.agent` within `ctx.scopes`. */
export function assistantServer(ctx: AssistantContext): McpServer {
  const server = new McpServer(
    { name: "gorgias-desk", version: "1.0.0" },
    {
      instructions:
        `You act as ${ctx.agent.name} (${ctx.agent.role}) in the Gorgias account ${ctx.agent.accountDomain}; pass accountDomain "${ctx.agent.accountDomain}" to every tool. ` +
        `This token's scopes: ${ctx.scopes.join(", ")}. Messages are internal notes unless you ask for e-mail and the token may send; an e-mail is previewed, then confirmed. ` +
        UNTRUSTED_NOTE,
    },
  );
  registerTools(server, ctx);
  return server;
}
