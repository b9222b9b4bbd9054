/**
 * Assistants' records on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set
 * (scripts/test-postgres.sh): personal access tokens (shown once, stored hashed, listed with last
 * use, revocable) and confirmation tokens (bound to their owner).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { credentialsKeyFromBytes } from "@/lib/crypto/credentials";
import {
  agents,
  assistantTokens,
  claimSendOperation,
  createAssistantToken,
  findConfirmation,
  getSendOperation,
  hashAssistantToken,
  issueConfirmation,
  listAssistantTokens,
  listAudit,
  pgErrorCode,
  recordAudit,
  resolveAssistantToken,
  revokeAssistantToken,
  upsertAgent,
} from "@/lib/db";
import { storeTargets, useTestStore } from "./harness";

const key = credentialsKeyFromBytes(randomBytes(32));
const T0 = new Date("2026-11-23T12:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(storeTargets())("assistant store on %s", (_label, makeTarget) => {
  const opened = useTestStore(makeTarget);
  const db = () => opened.store.db;
  const newAgent = (role = "agent") =>
    upsertAgent(db(), key, { accountDomain: "acme", email: `a-${randomUUID()}@example.com`, gorgiasUserId: Math.floor(Math.random() * 1e9), name: "Ann Agent", role, apiKey: "secret-key" });

  describe("personal access tokens", () => {
    it("are shown once and stored only as a hash with a short hint", async () => {
      const agent = await newAgent();
      const { token, info } = await createAssistantToken(db(), { agentId: agent.id, accountDomain: "acme", name: "Claude", scopes: ["write", "read", "read"], now: T0 });
      expect(token).toMatch(/^gdk_[A-Za-z0-9_-]{43}$/);
      expect(info).toMatchObject({ name: "Claude", scopes: ["read", "write"], lastUsedAt: null, revokedAt: null });
      expect(token.startsWith(info.hint)).toBe(true);
      expect(info.hint.length).toBeLessThan(12);
      const [row] = await db().select().from(assistantTokens).where(eq(assistantTokens.id, info.id));
      expect(row?.tokenHash).toBe(hashAssistantToken(token));
      expect(JSON.stringify(row)).not.toContain(token);
      expect(JSON.stringify(await listAssistantTokens(db(), agent.id))).not.toContain(token.slice(8));
    });

    it("resolve to their agent and scopes, stamping the last use", async () => {
      const agent = await newAgent();
      const { token, info } = await createAssistantToken(db(), { agentId: agent.id, accountDomain: "acme", name: "Cursor", scopes: ["read"], now: T0 });
      const resolved = await resolveAssistantToken(db(), token, at(5000));
      expect(resolved).toEqual({ token: { id: info.id, name: "Cursor", scopes: ["read"] }, agent: { id: agent.id, accountDomain: "acme", gorgiasUserId: agent.gorgiasUserId, email: agent.email, name: "Ann Agent", role: "agent" } });
      const [listed] = await listAssistantTokens(db(), agent.id);
      expect(listed?.lastUsedAt?.toISOString()).toBe(at(5000).toISOString());
    });

    it("refuse an unknown, malformed or revoked token, and only the owner revokes", async () => {
      const agent = await newAgent();
      const other = await newAgent();
      const { token, info } = await createAssistantToken(db(), { agentId: agent.id, accountDomain: "acme", name: "x", scopes: ["read", "write", "send"] });
      expect(await resolveAssistantToken(db(), `gdk_${randomBytes(32).toString("base64url")}`)).toBeNull();
      expect(await resolveAssistantToken(db(), "not a token")).toBeNull();
      expect(await revokeAssistantToken(db(), other.id, info.id)).toBe(false);
      expect(await resolveAssistantToken(db(), token)).not.toBeNull();
      expect(await revokeAssistantToken(db(), agent.id, info.id, at(1))).toBe(true);
      expect(await revokeAssistantToken(db(), agent.id, info.id, at(2))).toBe(false);
      expect(await resolveAssistantToken(db(), token)).toBeNull();
      const [listed] = await listAssistantTokens(db(), agent.id);
      expect(listed?.revokedAt?.toISOString()).toBe(at(1).toISOString());
    });

    it("list live tokens first, newest first", async () => {
      const agent = await newAgent();
      const make = (name: string, ms: number) => createAssistantToken(db(), { agentId: agent.id, accountDomain: "acme", name, scopes: ["read"], now: at(ms) });
      const a = await make("a", 0);
      await make("b", 1000);
      await make("c", 2000);
      await revokeAssistantToken(db(), agent.id, a.info.id);
      expect((await listAssistantTokens(db(), agent.id)).map((t) => t.name)).toEqual(["c", "b", "a"]);
      const b = (await listAssistantTokens(db(), agent.id))[1]!;
      await revokeAssistantToken(db(), agent.id, b.id);
      expect((await listAssistantTokens(db(), agent.id)).map((t) => t.name)).toEqual(["c", "b", "a"]);
    });

    it("refuse a scope outside read, write, send at the database too", async () => {
      const agent = await newAgent();
      const error = await db()
        .insert(assistantTokens)
        .values({ agentId: agent.id, accountDomain: "acme", name: "x", tokenHash: randomUUID(), hint: "gdk_", scopes: ["admin"] })
        .then(() => null, (e: unknown) => e);
      expect(pgErrorCode(error)).toBe("23514");
    });

    it("go with their agent's row", async () => {
      const agent = await newAgent();
      const { token } = await createAssistantToken(db(), { agentId: agent.id, accountDomain: "acme", name: "x", scopes: ["read"] });
      await db().delete(agents).where(eq(agents.id, agent.id));
      expect(await resolveAssistantToken(db(), token)).toBeNull();
    });

    it("name the token in the audit trail and in the send record", async () => {
      const agent = await newAgent();
      const { info } = await createAssistantToken(db(), { agentId: agent.id, accountDomain: "acme", name: "x", scopes: ["read"] });
      await recordAudit(db(), { agentId: agent.id, accountDomain: "acme", action: "mcp.get_ticket", ticketId: 3, outcome: "ok", assistantTokenId: info.id });
      await recordAudit(db(), { agentId: agent.id, accountDomain: "acme", action: "ticket.update", ticketId: 3, outcome: "ok" });
      const calls = await listAudit(db(), { accountDomain: "acme", assistantTokenId: info.id });
      expect(calls.map((c) => c.action)).toEqual(["mcp.get_ticket"]);
      const operationId = randomUUID();
      await claimSendOperation(db(), { operationId, agentId: agent.id, accountDomain: "acme", ticketId: 3, kind: "note", bodyHash: "h", now: T0, inFlightStaleMs: 1000, assistantTokenId: info.id });
      expect((await getSendOperation(db(), operationId))?.assistantTokenId).toBe(info.id);
    });
  });

  describe("confirmations", () => {
    it("are found only by the agent and token they were issued to", async () => {
      const agentId = randomUUID();
      const tokenId = randomUUID();
      const operationId = randomUUID();
      const token = await issueConfirmation(db(), { agentId, assistantTokenId: tokenId, kind: "reply", ticketId: 9, payloadHash: "p", newestMessageId: 41, operationId, expiresAt: at(60_000), now: T0 });
      expect(token).toMatch(/^gdc_/);
      expect(await findConfirmation(db(), token, { agentId, assistantTokenId: tokenId })).toMatchObject({ kind: "reply", ticketId: 9, payloadHash: "p", newestMessageId: 41, operationId });
      expect(await findConfirmation(db(), token, { agentId, assistantTokenId: randomUUID() })).toBeNull();
      expect(await findConfirmation(db(), token, { agentId, assistantTokenId: null })).toBeNull();
      expect(await findConfirmation(db(), token, { agentId: randomUUID(), assistantTokenId: tokenId })).toBeNull();
      expect(await findConfirmation(db(), "gdc_nope", { agentId, assistantTokenId: tokenId })).toBeNull();
      const stdio = await issueConfirmation(db(), { agentId, assistantTokenId: null, kind: "update", ticketId: null, payloadHash: "u", newestMessageId: null, operationId, expiresAt: at(1) });
      expect(await findConfirmation(db(), stdio, { agentId, assistantTokenId: null })).toMatchObject({ kind: "update" });
    });
  });
});
