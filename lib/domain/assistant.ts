/**
 * Assistants: MCP clients acting for an agent through a personal access token
 * (docs/safety.md#assistant-tokens). Plain and isomorphic: the settings page and the server share it.
 */

/** `read` every tool that only reads; `write` notes, status, assignee, tags, new tickets as notes; `send` e-mail the customer. */
export const ASSISTANT_SCOPES = ["read", "write", "send"] as const;
export type AssistantScope = (typeof ASSISTANT_SCOPES)[number];

export const SCOPE_TEXT: Readonly<Record<AssistantScope, string>> = {
  read: "Read tickets, messages, customers and users",
  write: "Write internal notes, change status, assignee and tags, open tickets with a note",
  send: "E-mail customers (each e-mail confirmed in a second call)",
};

/** The eight tools, named as the integration the Desk grew from names them. */
export const ASSISTANT_TOOLS = [
  "list_tickets",
  "get_ticket",
  "list_ticket_messages",
  "create_ticket_message",
  "create_ticket",
  "list_customers",
  "list_users",
  "update_ticket",
] as const;
export type AssistantTool = (typeof ASSISTANT_TOOLS)[number];

/** The audit verb of a tool call: `mcp.<tool>`. */
export const toolAuditAction = (tool: AssistantTool): string => `mcp.${tool}`;

/** A token as the settings page shows it (never the token itself). */
export interface AssistantTokenView {
  readonly id: string;
  readonly name: string;
  readonly hint: string;
  readonly scopes: readonly AssistantScope[];
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  /** Newest first. */
  readonly recentCalls: readonly AssistantCallView[];
}

/** One tool call, from the audit log. */
export interface AssistantCallView {
  readonly id: number;
  readonly at: string;
  readonly tool: string;
  readonly ticketId: number | null;
  readonly outcome: "ok" | "error" | "unknown";
  /** Why it was refused or failed, in a word (`scope`, `confirmation_required`, …). */
  readonly reason: string | null;
}

/** The thread's label for what an assistant did through an agent's token. */
export const assistantLabel = (agentName: string): string => `${agentName}'s assistant`;
