/**
 * The store's only schema (pg-core). It runs unchanged on PGlite (PostgreSQL 18 in wasm) and on a
 * PostgreSQL 15 server, so nothing here may use a PG16+ feature (no uuidv7(), no NULLS NOT DISTINCT
 * in constraints, etc.). No driver imports: drizzle-kit and both drivers read this file.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ASSISTANT_SCOPES, type AssistantScope } from "../domain/assistant";

/**
 * Drizzle 0.45 pg-core has no bytea builder. node-postgres returns a Buffer but PGlite a plain
 * Uint8Array, so reads are normalised to Buffer (a view, no copy) for one type on both drivers.
 */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const agents = pgTable(
  "agents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountDomain: text("account_domain").notNull(),
    gorgiasUserId: integer("gorgias_user_id").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    // The API key never sits here in clear: AES-256-GCM under CREDENTIALS_KEY, AAD = the row id.
    apiKeyCiphertext: bytea("api_key_ciphertext").notNull(),
    apiKeyIv: bytea("api_key_iv").notNull(),
    apiKeyTag: bytea("api_key_tag").notNull(),
    keyVersion: integer("key_version").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("agents_account_user_uq").on(t.accountDomain, t.gorgiasUserId),
    uniqueIndex("agents_account_email_uq").on(t.accountDomain, sql`lower(${t.email})`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    // SHA-256 hex of the opaque cookie token: a leaked table or log line cannot be replayed as a cookie.
    id: text("id").primaryKey(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    createdAt: tstz("created_at").notNull(),
    lastSeenAt: tstz("last_seen_at").notNull(),
    idleExpiresAt: tstz("idle_expires_at").notNull(),
    absoluteExpiresAt: tstz("absolute_expires_at").notNull(),
    revokedAt: tstz("revoked_at"),
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (t) => [index("sessions_agent_idx").on(t.agentId)],
);

export const auditOutcomes = ["ok", "error", "unknown"] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: tstz("at").notNull().defaultNow(),
    // No foreign key on purpose: the trail must outlive the agent row it mentions.
    agentId: uuid("agent_id"),
    accountDomain: text("account_domain").notNull(),
    action: text("action").notNull(),
    ticketId: integer("ticket_id"),
    // A text + CHECK rather than a pg enum: adding an outcome later is a plain constraint swap.
    outcome: text("outcome", { enum: auditOutcomes }).notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    // The personal access token an assistant acted through (null: the agent's own click). No foreign
    // key, like agent_id: a revoked and deleted token's calls stay on record.
    assistantTokenId: uuid("assistant_token_id"),
  },
  (t) => [
    check("audit_log_outcome_ck", sql`${t.outcome} in ('ok', 'error', 'unknown')`),
    index("audit_log_account_id_idx").on(t.accountDomain, t.id),
    index("audit_log_ticket_idx").on(t.accountDomain, t.ticketId),
    index("audit_log_token_idx").on(t.assistantTokenId, t.id),
  ],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // 'ip:<address>', 'email:<lower-cased address>', or 'everyone' (every attempt, lib/db/sign-in-throttle.ts).
    key: text("key").notNull(),
    at: tstz("at").notNull(),
  },
  (t) => [index("sign_in_attempts_key_at_idx").on(t.key, t.at)],
);

// ---- Send pipeline (docs/safety.md#send-once, #no-blind-retry, #drafts): exactly-once sends and server-side drafts. ----

export const sendKinds = ["reply", "note", "ticket"] as const;
export type SendKind = (typeof sendKinds)[number];
// `scheduled`: waiting for its `send_after` (undo send); `cancelled`: undone before it was claimed.
export const sendStates = ["pending", "in_flight", "succeeded", "failed", "unknown", "scheduled", "cancelled"] as const;
export type SendState = (typeof sendStates)[number];

/**
 * One row per operation id (made when the composer opens). Claimed before Gorgias is called, so a
 * second request with the same id replays the first outcome instead of posting again.
 * No foreign key to agents: like the audit trail, the record of what was sent outlives the agent row.
 */
export const sendOperations = pgTable(
  "send_operations",
  {
    operationId: uuid("operation_id").primaryKey(),
    agentId: uuid("agent_id").notNull(),
    accountDomain: text("account_domain").notNull(),
    // Null for a new ticket until Gorgias has created it.
    ticketId: integer("ticket_id"),
    kind: text("kind", { enum: sendKinds }).notNull(),
    // sha256 hex of kind + ticket + normalised body: the same id with other text is refused.
    bodyHash: text("body_hash").notNull(),
    state: text("state", { enum: sendStates }).notNull(),
    gorgiasMessageId: integer("gorgias_message_id"),
    gorgiasTicketId: integer("gorgias_ticket_id"),
    error: jsonb("error").$type<Record<string, unknown>>(),
    // What a replay returns (the created message, the ticket status after Send & Close).
    outcome: jsonb("outcome").$type<Record<string, unknown>>(),
    // Bumped by every claim; failure records are guarded by it so a late, superseded request
    // cannot overwrite a newer attempt's state.
    claimSeq: integer("claim_seq").notNull().default(1),
    // How many POSTs were started for this id, and when the last one started (the read-back
    // settle window counts from here).
    attempts: integer("attempts").notNull().default(0),
    attemptedAt: tstz("attempted_at"),
    // Set when an assistant sent it through a personal access token: the thread labels it as theirs.
    assistantTokenId: uuid("assistant_token_id"),
    // Undo send: the record waits until this time, then the server's dispatcher sends it (null for
    // an immediate send). `payload` is the validated send input it runs with.
    sendAfter: tstz("send_after"),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("send_operations_kind_ck", sql`${t.kind} in ('reply', 'note', 'ticket')`),
    check(
      "send_operations_state_ck",
      sql`${t.state} in ('pending', 'in_flight', 'succeeded', 'failed', 'unknown', 'scheduled', 'cancelled')`,
    ),
    index("send_operations_ticket_idx").on(t.accountDomain, t.ticketId),
    index("send_operations_state_idx").on(t.state, t.updatedAt),
    index("send_operations_due_idx").on(t.state, t.sendAfter),
  ],
);

export const draftModes = ["reply", "note"] as const;
export type DraftModeValue = (typeof draftModes)[number];

/** The agent's unsent text, keyed by agent (not session) so it survives sign-out and expiry. */
export const drafts = pgTable(
  "drafts",
  {
    agentId: uuid("agent_id").notNull(),
    ticketId: integer("ticket_id").notNull(),
    mode: text("mode", { enum: draftModes }).notNull(),
    bodyText: text("body_text").notNull(),
    operationId: uuid("operation_id").notNull(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
    /** Bumped by every save: a tab saves or discards only the revision it saw (compare-and-set). */
    revision: integer("revision").notNull().default(1),
  },
  (t) => [
    check("drafts_mode_ck", sql`${t.mode} in ('reply', 'note')`),
    uniqueIndex("drafts_agent_ticket_mode_uq").on(t.agentId, t.ticketId, t.mode),
  ],
);

export type SendOperationRow = typeof sendOperations.$inferSelect;
export type DraftRow = typeof drafts.$inferSelect;

export type AgentRow = typeof agents.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;

/**
 * Gorgias's request bucket per account, shared by every instance of the Desk (lib/db/budget-ledger.ts).
 * `level` is the estimated number of requests in the leaky bucket at `level_at`.
 */
export const budgetBuckets = pgTable("budget_buckets", {
  accountKey: text("account_key").primaryKey(),
  level: doublePrecision("level").notNull(),
  levelAt: tstz("level_at").notNull(),
  pausedUntil: tstz("paused_until").notNull(),
});

/**
 * Change signals for the live desk (features/live): which ticket changed, never its contents. The
 * sequence orders them across instances and lets a browser resume a stream (Last-Event-ID); rows
 * are pruned after minutes (lib/db/maintenance.ts).
 */
export const liveSignals = pgTable(
  "live_signals",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    accountDomain: text("account_domain").notNull(),
    kind: text("kind").notNull(),
    ticketId: integer("ticket_id"),
    version: text("version"),
    at: tstz("at").notNull().defaultNow(),
  },
  (t) => [index("live_signals_account_seq_idx").on(t.accountDomain, t.seq)],
);

/**
 * The Gorgias change feed of each account (features/live/server): the webhook secret's hash, how far
 * the event log has been read, which instance polls it now, and when anything last arrived.
 */
export const feedAccounts = pgTable("feed_accounts", {
  accountDomain: text("account_domain").primaryKey(),
  webhookSecretHash: text("webhook_secret_hash"),
  eventsAfter: tstz("events_after"),
  lastEventId: bigint("last_event_id", { mode: "number" }),
  pollLeaseUntil: tstz("poll_lease_until"),
  lastWebhookAt: tstz("last_webhook_at"),
  lastEventAt: tstz("last_event_at"),
  /** The last complete read of the event log: while recent, the shared cache may be trusted. */
  polledAt: tstz("polled_at"),
});

/** Hints already handled (a webhook delivery, an event), so a repeat is processed once across instances. */
export const feedDeliveries = pgTable(
  "feed_deliveries",
  {
    accountDomain: text("account_domain").notNull(),
    key: text("key").notNull(),
    at: tstz("at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("feed_deliveries_account_key_idx").on(t.accountDomain, t.key), index("feed_deliveries_at_idx").on(t.at)],
);

/**
 * The account's shared read cache (features/live/server/shared-cache.ts): a ticket with its thread,
 * or the first page of a list, as Gorgias last answered, kept fresh by the change feed so every
 * agent and every instance reads it instead of Gorgias. `version` is the ticket's
 * `updated_datetime` for ticket entries: an older read never overwrites a newer one.
 */
export const sharedSnapshots = pgTable(
  "shared_snapshots",
  {
    accountDomain: text("account_domain").notNull(),
    key: text("key").notNull(),
    version: text("version"),
    body: jsonb("body").$type<unknown>().notNull(),
    fetchedAt: tstz("fetched_at").notNull(),
  },
  (t) => [uniqueIndex("shared_snapshots_account_key_idx").on(t.accountDomain, t.key), index("shared_snapshots_fetched_at_idx").on(t.fetchedAt)],
);

// ---- Assistants (features/assistants; docs/safety.md#assistant-tokens): personal access tokens for MCP clients. ----

export const assistantScopes = ASSISTANT_SCOPES;
export type { AssistantScope };

/**
 * A personal access token an agent made for an assistant: it acts as that agent, with their stored
 * Gorgias key, within its scopes. Only the SHA-256 of the token is kept (like sessions); `hint` is
 * its first characters, enough to recognise it in a list and useless to call with.
 */
export const assistantTokens = pgTable(
  "assistant_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    accountDomain: text("account_domain").notNull(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    hint: text("hint").notNull(),
    scopes: text("scopes").array().notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    lastUsedAt: tstz("last_used_at"),
    revokedAt: tstz("revoked_at"),
  },
  (t) => [
    uniqueIndex("assistant_tokens_hash_uq").on(t.tokenHash),
    index("assistant_tokens_agent_idx").on(t.agentId),
    check("assistant_tokens_scopes_ck", sql`${t.scopes} <@ array['read', 'write', 'send']::text[] and cardinality(${t.scopes}) > 0`),
  ],
);

export const confirmationKinds = ["reply", "ticket", "update"] as const;
export type ConfirmationKind = (typeof confirmationKinds)[number];

/**
 * What an assistant was shown before an e-mail or a bulk update (docs/safety.md#assistant-confirm):
 * the second call must present the token (only its SHA-256 is kept) with the same payload, before it
 * expires, while the ticket's newest message is still the one previewed. The operation id is fixed
 * here, so repeating the confirmed call replays the first outcome. No foreign keys: the stdio server
 * has no token row, and rows die by expiry (lib/db/maintenance.ts).
 */
export const assistantConfirmations = pgTable(
  "assistant_confirmations",
  {
    id: text("id").primaryKey(),
    agentId: uuid("agent_id").notNull(),
    assistantTokenId: uuid("assistant_token_id"),
    kind: text("kind", { enum: confirmationKinds }).notNull(),
    ticketId: integer("ticket_id"),
    payloadHash: text("payload_hash").notNull(),
    newestMessageId: integer("newest_message_id"),
    operationId: uuid("operation_id").notNull(),
    createdAt: tstz("created_at").notNull().defaultNow(),
    expiresAt: tstz("expires_at").notNull(),
  },
  (t) => [
    check("assistant_confirmations_kind_ck", sql`${t.kind} in ('reply', 'ticket', 'update')`),
    index("assistant_confirmations_expires_idx").on(t.expiresAt),
  ],
);

export type AssistantTokenRow = typeof assistantTokens.$inferSelect;
export type AssistantConfirmationRow = typeof assistantConfirmations.$inferSelect;
