/** The one store suite, run unchanged against PGlite and (in CI) PostgreSQL 15. */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-ip";
import { credentialsKeyFromBytes, DecryptError } from "@/lib/crypto/credentials";
import { getAgentCredentials, getAgent, upsertAgent, findAgentByEmail } from "@/lib/db/agents";
import { listAudit, recordAudit } from "@/lib/db/audit";
import { executeRows, pgErrorCode, type Store } from "@/lib/db";
import { agents, auditLog, sessions } from "@/lib/db/schema";
import {
  createSession,
  deleteDeadSessions,
  hashSessionToken,
  isSessionLive,
  liveSessionAgent,
  resolveSession,
  revokeAgentSessions,
  revokeSession,
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
} from "@/lib/db/sessions";
import {
  checkSignInAllowed,
  clearSignInFailures,
  EVERYONE_WINDOW_MS,
  MAX_ATTEMPTS_EVERYONE,
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_IP,
  recordFailedSignIn,
  reserveSignInAttempt,
  settleSignInAttempt,
  SIGN_IN_WINDOW_MS,
} from "@/lib/db/sign-in-throttle";
import { migrationsFolder, timings, type TestTarget } from "./harness";

const MIN = 60_000;
const key = credentialsKeyFromBytes(randomBytes(32));
const uniq = () => randomBytes(4).toString("hex");

export function storeSuite(label: string, makeTarget: () => Promise<TestTarget>) {
  describe(`store on ${label}`, () => {
    let target: TestTarget;
    let store: Store;
    const db = () => store.db;

    beforeAll(async () => {
      const t0 = performance.now();
      target = await makeTarget();
      const t1 = performance.now();
      store = await target.open();
      const t2 = performance.now();
      const prep =
        label === "pglite"
          ? ` (template build ${
              timings.templateBuildMs === undefined
                ? "cached"
                : `${timings.templateBuildMs.toFixed(0)} ms = initdb ${timings.templateInitdbMs?.toFixed(0)} + first migrate ${timings.templateMigrateMs?.toFixed(0)}`
            }, copy ${timings.templateCopyMs?.toFixed(0)} ms)`
          : " (create database)";
      console.log(
        `[store-timing] ${label}: prepare ${(t1 - t0).toFixed(0)} ms${prep}, open+migrate ${(t2 - t1).toFixed(0)} ms ` +
          `(open ${store.stats.openMs.toFixed(0)}, migrate ${store.stats.migrateMs.toFixed(0)})`,
      );
    });
    afterAll(async () => {
      await store?.close();
      await target?.cleanup();
    });

    const newAgent = (overrides: Partial<Parameters<typeof upsertAgent>[2]> = {}) =>
      upsertAgent(db(), key, {
        accountDomain: `acme-${uniq()}`,
        gorgiasUserId: Math.floor(Math.random() * 1e9),
        email: `agent-${uniq()}@example.com`,
        name: "Ada Agent",
        role: "agent",
        apiKey: `key-${randomBytes(16).toString("hex")}`,
        ...overrides,
      });

    describe("migrations", () => {
      it("reports its driver", () => {
        expect(store.driver).toBe(label);
      });

      it("are idempotent on reopen and recorded once each", async () => {
        const before = await db().insert(auditLog).values({ accountDomain: "m", action: "keep", outcome: "ok" }).returning();
        await store.close();
        const t0 = performance.now();
        store = await target.open();
        console.log(
          `[store-timing] ${label}: reopen ${(performance.now() - t0).toFixed(0)} ms ` +
            `(open ${store.stats.openMs.toFixed(0)}, migrate no-op ${store.stats.migrateMs.toFixed(0)})`,
        );
        const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
          entries: unknown[];
        };
        const applied = await executeRows<{ n: number }>(db(), sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        expect(applied[0]?.n).toBe(journal.entries.length);
        const [kept] = await db().select().from(auditLog).where(eq(auditLog.id, before[0]!.id));
        expect(kept?.action).toBe("keep");
      });

      it("rolls a throwing transaction back", async () => {
        const domain = `tx-${uniq()}`;
        await expect(
          db().transaction(async (tx) => {
            await recordAudit(tx, { agentId: null, accountDomain: domain, action: "x", outcome: "ok" });
            throw new Error("boom");
          }),
        ).rejects.toThrow("boom");
        expect(await listAudit(db(), { accountDomain: domain })).toEqual([]);
      });
    });

    describe("agents", () => {
      it("stores the API key encrypted and gives it back", async () => {
        const apiKey = `secret-${randomBytes(20).toString("hex")}`;
        const agent = await newAgent({ apiKey, email: "Mixed.Case@Example.com" });
        expect(agent.email).toBe("mixed.case@example.com");
        const creds = await getAgentCredentials(db(), key, agent.id);
        expect(creds).toMatchObject({ apiKey, email: "mixed.case@example.com", name: "Ada Agent", role: "agent" });

        const [raw] = await db().select().from(agents).where(eq(agents.id, agent.id));
        expect(Buffer.isBuffer(raw!.apiKeyCiphertext)).toBe(true);
        expect(raw!.apiKeyIv.length).toBe(12);
        expect(raw!.apiKeyTag.length).toBe(16);
        for (const col of [raw!.apiKeyCiphertext, raw!.apiKeyIv, raw!.apiKeyTag]) {
          expect(col.includes(Buffer.from(apiKey))).toBe(false);
        }
        const dump = await executeRows(db(), sql`select row_to_json(a)::text as j from agents a where id = ${agent.id}`);
        expect(dump).toHaveLength(1);
        expect(JSON.stringify(dump)).not.toContain(apiKey);
      });

      it("updates the same row on a second sign-in, with a fresh IV", async () => {
        const first = await newAgent();
        const [before] = await db().select().from(agents).where(eq(agents.id, first.id));
        const again = await upsertAgent(db(), key, {
          accountDomain: first.accountDomain,
          gorgiasUserId: first.gorgiasUserId,
          email: first.email.toUpperCase(),
          name: "Renamed",
          role: "admin",
          apiKey: "rotated-key",
        });
        expect(again.id).toBe(first.id);
        const [after] = await db().select().from(agents).where(eq(agents.id, first.id));
        expect(after!.apiKeyIv.equals(before!.apiKeyIv)).toBe(false);
        expect(after!.updatedAt.getTime()).toBeGreaterThanOrEqual(before!.updatedAt.getTime());
        expect(await getAgentCredentials(db(), key, first.id)).toMatchObject({ apiKey: "rotated-key", role: "admin", name: "Renamed" });
      });

      it("refuses a ciphertext moved onto another agent's row", async () => {
        const a = await newAgent();
        const b = await newAgent();
        const [rowA] = await db().select().from(agents).where(eq(agents.id, a.id));
        await db()
          .update(agents)
          .set({ apiKeyCiphertext: rowA!.apiKeyCiphertext, apiKeyIv: rowA!.apiKeyIv, apiKeyTag: rowA!.apiKeyTag })
          .where(eq(agents.id, b.id));
        await expect(getAgentCredentials(db(), key, b.id)).rejects.toBeInstanceOf(DecryptError);
        await expect(getAgentCredentials(db(), credentialsKeyFromBytes(randomBytes(32)), a.id)).rejects.toBeInstanceOf(
          DecryptError,
        );
      });

      it("surfaces a unique violation as 23505 (account + email is case-insensitive)", async () => {
        const a = await newAgent();
        const [row] = await db().select().from(agents).where(eq(agents.id, a.id));
        const { id: _id, ...copy } = row!;
        const e = await db()
          .insert(agents)
          .values({ ...copy, gorgiasUserId: a.gorgiasUserId + 1, email: a.email.toUpperCase() })
          .then(
            () => null,
            (x: unknown) => x,
          );
        expect(pgErrorCode(e)).toBe("23505");
        const e2 = await db()
          .insert(agents)
          .values({ ...copy, email: `other-${uniq()}@example.com` })
          .then(
            () => null,
            (x: unknown) => x,
          );
        expect(pgErrorCode(e2)).toBe("23505");
      });

      it("hands an email over to the Gorgias user that now owns it", async () => {
        const old = await newAgent();
        await createSession(db(), old.id);
        const successor = await upsertAgent(db(), key, {
          accountDomain: old.accountDomain,
          gorgiasUserId: old.gorgiasUserId + 7,
          email: old.email,
          name: "Successor",
          role: "agent",
          apiKey: "k2",
        });
        expect(successor.id).not.toBe(old.id);
        expect(await getAgent(db(), old.id)).toBeNull();
        expect((await findAgentByEmail(db(), old.accountDomain, old.email.toUpperCase()))?.id).toBe(successor.id);
        const left = await db().select().from(sessions).where(eq(sessions.agentId, old.id));
        expect(left).toEqual([]);
      });

      it("lets two concurrent first sign-ins of one agent converge on one row", async () => {
        const input = {
          accountDomain: `race-${uniq()}`,
          gorgiasUserId: 42,
          email: `race-${uniq()}@example.com`,
          name: "R",
          role: "agent",
        };
        const results = await Promise.all(
          Array.from({ length: 4 }, (_, i) => upsertAgent(db(), key, { ...input, apiKey: `k${i}` })),
        );
        expect(new Set(results.map((r) => r.id)).size).toBe(1);
        const creds = await getAgentCredentials(db(), key, results[0]!.id);
        expect(creds?.apiKey).toMatch(/^k[0-3]$/);
      });
    });

    describe("sessions", () => {
      const t0 = new Date("2026-01-05T09:00:00Z");
      const at = (ms: number) => new Date(t0.getTime() + ms);

      it("stores only the hash of an opaque token", async () => {
        const agent = await newAgent();
        const { token, session } = await createSession(db(), agent.id, { userAgent: "UA", ip: "10.0.0.1" }, t0);
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(session.id).toBe(createHash("sha256").update(token).digest("hex"));
        expect(session.id).toBe(hashSessionToken(token));
        const rows = await db().select().from(sessions).where(eq(sessions.agentId, agent.id));
        expect(JSON.stringify(rows)).not.toContain(token);
        expect(rows[0]).toMatchObject({ userAgent: "UA", ip: "10.0.0.1", revokedAt: null });
      });

      it("resolves to the agent without the key and slides the idle expiry", async () => {
        const agent = await newAgent({ apiKey: "must-not-leak" });
        const { token } = await createSession(db(), agent.id, {}, t0);
        const r = await resolveSession(db(), token, at(59 * MIN));
        expect(r?.agent).toEqual(agent);
        expect(JSON.stringify(r)).not.toContain("must-not-leak");
        expect(r?.session.idleExpiresAt.getTime()).toBe(at(59 * MIN + SESSION_IDLE_TIMEOUT_MS).getTime());
        // Still alive 59 minutes after the last use, i.e. 118 minutes after creation.
        expect(await resolveSession(db(), token, at(118 * MIN))).not.toBeNull();
      });

      it("expires after 60 idle minutes", async () => {
        const agent = await newAgent();
        const { token } = await createSession(db(), agent.id, {}, t0);
        expect(await resolveSession(db(), token, at(SESSION_IDLE_TIMEOUT_MS))).toBeNull();
        // An expired session stays dead even if asked about with an earlier clock afterwards.
        expect(await resolveSession(db(), token, at(SESSION_IDLE_TIMEOUT_MS + MIN))).toBeNull();
      });

      it("expires after 12 hours however active, and the idle slide never passes that", async () => {
        const agent = await newAgent();
        const { token } = await createSession(db(), agent.id, {}, t0);
        let last = null;
        for (let t = 50 * MIN; t < SESSION_ABSOLUTE_LIFETIME_MS; t += 50 * MIN) {
          last = await resolveSession(db(), token, at(t));
          expect(last).not.toBeNull();
        }
        expect(last!.session.idleExpiresAt.getTime()).toBeLessThanOrEqual(at(SESSION_ABSOLUTE_LIFETIME_MS).getTime());
        expect(await resolveSession(db(), token, at(SESSION_ABSOLUTE_LIFETIME_MS))).toBeNull();
      });

      it("revokes one session on sign-out, and all of an agent's on demand", async () => {
        const agent = await newAgent();
        const s1 = await createSession(db(), agent.id, {}, t0);
        const s2 = await createSession(db(), agent.id, {}, t0);
        const s3 = await createSession(db(), agent.id, {}, t0);
        expect(await revokeSession(db(), s1.token, at(MIN))).toBe(true);
        expect(await revokeSession(db(), s1.token, at(MIN))).toBe(false);
        expect(await resolveSession(db(), s1.token, at(2 * MIN))).toBeNull();
        expect(await resolveSession(db(), s2.token, at(2 * MIN))).not.toBeNull();
        expect(await revokeAgentSessions(db(), agent.id, at(3 * MIN))).toBe(2);
        expect(await resolveSession(db(), s2.token, at(4 * MIN))).toBeNull();
        expect(await resolveSession(db(), s3.token, at(4 * MIN))).toBeNull();
        expect(await deleteDeadSessions(db(), at(5 * MIN))).toBeGreaterThanOrEqual(3);
      });

      it("names a live session's agent for presence without sliding its idle expiry", async () => {
        const agent = await newAgent({ apiKey: "must-not-leak" });
        const { token } = await createSession(db(), agent.id, {}, t0);
        // Heartbeats every minute for the whole idle timeout keep nothing alive.
        for (let t = MIN; t < SESSION_IDLE_TIMEOUT_MS; t += MIN) expect(await liveSessionAgent(db(), token, at(t))).toEqual(agent);
        expect(await liveSessionAgent(db(), token, at(SESSION_IDLE_TIMEOUT_MS))).toBeNull();
        expect(await isSessionLive(db(), token, at(SESSION_IDLE_TIMEOUT_MS))).toBe(false);
        const other = await createSession(db(), agent.id, {}, t0);
        expect(await isSessionLive(db(), other.token, at(MIN))).toBe(true);
        await revokeSession(db(), other.token, at(2 * MIN));
        expect(await liveSessionAgent(db(), other.token, at(3 * MIN))).toBeNull();
        expect(await liveSessionAgent(db(), "not a token", t0)).toBeNull();
      });

      it("rejects unknown and malformed tokens", async () => {
        expect(await resolveSession(db(), randomBytes(32).toString("base64url"), t0)).toBeNull();
        expect(await resolveSession(db(), "", t0)).toBeNull();
        expect(await resolveSession(db(), "x'; drop table sessions; --", t0)).toBeNull();
        expect(await revokeSession(db(), "nope", t0)).toBe(false);
      });
    });

    describe("audit log", () => {
      it("records who did what to which ticket and lists newest first, scoped to the account", async () => {
        const agent = await newAgent();
        const domain = agent.accountDomain;
        const when = new Date("2026-02-01T10:00:00Z");
        const first = await recordAudit(db(), {
          agentId: agent.id,
          accountDomain: domain,
          action: "ticket.reply",
          ticketId: 101,
          outcome: "ok",
          detail: { operationId: "op-1", nested: { n: 1 } },
          at: when,
        });
        expect(first.at.toISOString()).toBe(when.toISOString());
        await recordAudit(db(), { agentId: agent.id, accountDomain: domain, action: "ticket.status", ticketId: 102, outcome: "error" });
        await recordAudit(db(), { agentId: null, accountDomain: domain, action: "sign_in", outcome: "unknown" });
        await recordAudit(db(), { agentId: null, accountDomain: `${domain}-other`, action: "sign_in", outcome: "ok" });

        const all = await listAudit(db(), { accountDomain: domain });
        expect(all.map((e) => e.action)).toEqual(["sign_in", "ticket.status", "ticket.reply"]);
        expect(all[2]).toMatchObject({ agentId: agent.id, ticketId: 101, outcome: "ok", detail: { operationId: "op-1", nested: { n: 1 } } });
        expect((await listAudit(db(), { accountDomain: domain, ticketId: 102 })).map((e) => e.outcome)).toEqual(["error"]);
        expect(await listAudit(db(), { accountDomain: domain, agentId: agent.id })).toHaveLength(2);
        const page1 = await listAudit(db(), { accountDomain: domain, limit: 2 });
        const page2 = await listAudit(db(), { accountDomain: domain, limit: 2, beforeId: page1.at(-1)!.id });
        expect([...page1, ...page2].map((e) => e.id)).toEqual(all.map((e) => e.id));
      });

      it("rejects an outcome outside ok/error/unknown", async () => {
        const e = await db()
          .execute(sql`insert into audit_log (account_domain, action, outcome) values ('x', 'y', 'maybe')`)
          .then(
            () => null,
            (x: unknown) => x,
          );
        expect(pgErrorCode(e)).toBe("23514");
      });
    });

    describe("sign-in throttle", () => {
      // Each test on its own day: the cap on everyone's attempts counts across every email and address.
      let day = new Date("2026-03-01T12:00:00Z").getTime();
      beforeEach(() => {
        day += 24 * 60 * MIN;
      });
      const at = (ms: number) => new Date(day + ms);

      it(`blocks an email after ${MAX_FAILURES_PER_EMAIL} failures until they leave the window`, async () => {
        const email = `victim-${uniq()}@example.com`;
        for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
          expect((await checkSignInAllowed(db(), { ip: `10.1.0.${i}`, email }, at(i * MIN))).allowed).toBe(true);
          await recordFailedSignIn(db(), { ip: `10.1.0.${i}`, email: i % 2 ? email.toUpperCase() : email }, at(i * MIN));
        }
        const blocked = await checkSignInAllowed(db(), { ip: "10.9.9.9", email: ` ${email.toUpperCase()} ` }, at(5 * MIN));
        expect(blocked.allowed).toBe(false);
        // The first failure (t0) leaves the window at t0 + 15 min, 10 minutes from now.
        expect(blocked.retryAfterSeconds).toBe(10 * 60);
        expect((await checkSignInAllowed(db(), { ip: "10.9.9.9", email }, at(SIGN_IN_WINDOW_MS - 1000))).allowed).toBe(false);
        expect((await checkSignInAllowed(db(), { ip: "10.9.9.9", email }, at(SIGN_IN_WINDOW_MS + 1))).allowed).toBe(true);
      });

      it(`blocks an IP after ${MAX_FAILURES_PER_IP} failures across emails; success clears the email only`, async () => {
        const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${uniq()}`;
        for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
          await recordFailedSignIn(db(), { ip, email: `spray-${i}-${uniq()}@example.com` }, at(i * 1000));
        }
        const fresh = `fresh-${uniq()}@example.com`;
        const d = await checkSignInAllowed(db(), { ip, email: fresh }, at(30_000));
        expect(d).toEqual({ allowed: false, retryAfterSeconds: SIGN_IN_WINDOW_MS / 1000 - 30, limitedBy: "subject" });
        expect((await checkSignInAllowed(db(), { ip: "198.51.100.1", email: fresh }, at(30_000))).allowed).toBe(true);
        expect((await checkSignInAllowed(db(), { ip: null, email: fresh }, at(30_000))).allowed).toBe(true);

        const email = `clear-${uniq()}@example.com`;
        for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await recordFailedSignIn(db(), { ip: "203.0.113.5", email }, at(0));
        expect((await checkSignInAllowed(db(), { ip: "203.0.113.6", email }, at(MIN))).allowed).toBe(false);
        await clearSignInFailures(db(), email.toUpperCase());
        expect((await checkSignInAllowed(db(), { ip: "203.0.113.6", email }, at(MIN))).allowed).toBe(true);
      });

      it("lets exactly the allowance through when attempts race", async () => {
        const email = `burst-${uniq()}@example.com`;
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, i) => reserveSignInAttempt(db(), { ip: `10.2.${i}.1`, email }, at(0))),
        );
        expect(results.filter((r) => r.allowed)).toHaveLength(MAX_FAILURES_PER_EMAIL);
        expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterSeconds === SIGN_IN_WINDOW_MS / 1000)).toBe(true);
      });

      it(`caps everyone's attempts together at ${MAX_ATTEMPTS_EVERYONE} a minute, whatever the emails and addresses; a success frees its place`, async () => {
        const attempt = (i: number, ms: number) => reserveSignInAttempt(db(), { ip: `10.7.${i % 250}.${Math.floor(i / 250)}`, email: `random-${i}-${uniq()}@example.com` }, at(ms));
        const first = [];
        for (let i = 0; i < MAX_ATTEMPTS_EVERYONE + 5; i++) first.push(await attempt(i, i * 100));
        expect(first.filter((r) => r.allowed)).toHaveLength(MAX_ATTEMPTS_EVERYONE);
        const refused = first.filter((r) => !r.allowed);
        expect(refused.every((r) => r.limitedBy === "everyone")).toBe(true);
        // The oldest of the 30 (at 0 ms) leaves the window first.
        expect(await attempt(100, 4_000)).toMatchObject({ allowed: false, limitedBy: "everyone", retryAfterSeconds: (EVERYONE_WINDOW_MS - 4_000) / 1000 });
        const succeeded = first.find((r) => r.allowed);
        if (!succeeded) throw new Error("nothing was allowed");
        await settleSignInAttempt(db(), succeeded, "whoever@example.com", true);
        expect((await attempt(101, 4_000)).allowed).toBe(true);
        expect((await attempt(102, EVERYONE_WINDOW_MS + 200)).allowed).toBe(true);
      });

      it("a spoofed X-Forwarded-For neither dodges the limit nor aims it at an agent's address", async () => {
        const agentAddress = "198.51.100.7";
        // No trusted proxy: the header is the client's own say, so rotating it changes nothing.
        const direct = await Promise.all(
          Array.from({ length: MAX_ATTEMPTS_EVERYONE + 10 }, (_, i) =>
            reserveSignInAttempt(db(), { ip: clientAddress(new Headers({ "x-forwarded-for": `203.0.113.${i}` }), []), email: `spray-${i}-${uniq()}@example.com` }, at(0)),
          ),
        );
        expect(direct.filter((r) => r.allowed)).toHaveLength(MAX_ATTEMPTS_EVERYONE);

        // Behind a trusted proxy, which appends the real address: the attacker's rotating first hops,
        // half of them the agent's address, all count against the attacker alone.
        const proxy = ["10.0.0.0/8"];
        const attacker = (i: number) => new Headers({ "x-forwarded-for": `${i % 2 ? agentAddress : `192.0.2.${i}`}, 203.0.113.66, 10.0.0.2` });
        const later = 10 * MIN;
        for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
          expect((await reserveSignInAttempt(db(), { ip: clientAddress(attacker(i), proxy), email: `spray-${i}-${uniq()}@example.com` }, at(later + i))).allowed).toBe(true);
        }
        const dodge = await reserveSignInAttempt(db(), { ip: clientAddress(attacker(99), proxy), email: `fresh-${uniq()}@example.com` }, at(later + 100));
        expect(dodge).toMatchObject({ allowed: false, limitedBy: "subject" });
        const agent = new Headers({ "x-forwarded-for": `${agentAddress}, 10.0.0.2` });
        expect((await reserveSignInAttempt(db(), { ip: clientAddress(agent, proxy), email: `agent-${uniq()}@example.com` }, at(later + 100))).allowed).toBe(true);
      });

      it("forgets a reserved attempt that succeeded", async () => {
        const email = `ok-${uniq()}@example.com`;
        const ip = `10.3.${uniq()}`;
        for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await recordFailedSignIn(db(), { ip, email }, at(0));
        const r = await reserveSignInAttempt(db(), { ip, email }, at(MIN));
        expect(r.allowed).toBe(true);
        expect(r.attemptIds).toHaveLength(3); // the email, the address, everyone
        await settleSignInAttempt(db(), r, email, true);
        for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) {
          expect((await reserveSignInAttempt(db(), { ip, email }, at(2 * MIN))).allowed).toBe(true);
        }
      });
    });
  });
}
