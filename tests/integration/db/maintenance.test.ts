/**
 * Store housekeeping on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set: what pruning
 * deletes, what it must keep, and the schedule that runs it.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { credentialsKeyFromBytes } from "@/lib/crypto/credentials";
import {
  claimSendOperation,
  createSession,
  getSendOperation,
  pruneStore,
  recordSucceeded,
  reserveSignInAttempt,
  resolveSession,
  schedulePruning,
  SEND_RECORD_RETENTION_MS,
  SIGN_IN_WINDOW_MS,
  upsertAgent,

  getSnapshot,
  putSnapshot,
  SNAPSHOT_RETENTION_MS,
  CONFIRMATION_RETENTION_MS,
  findConfirmation,
  issueConfirmation,
} from "@/lib/db";
import { storeTargets, useTestStore } from "./harness";

const targets = storeTargets();

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-11-01T12:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(targets)("store pruning on %s", (_label, makeTarget) => {
  const opened = useTestStore(makeTarget);

  async function sentOperation(agentId: string, when: Date): Promise<string> {
    const operationId = randomUUID();
    const claim = await claimSendOperation(opened.store.db, {
      operationId,
      agentId,
      accountDomain: "demo",
      ticketId: 7,
      kind: "note",
      bodyHash: randomBytes(8).toString("hex"),
      now: when,
      inFlightStaleMs: 60_000,
    });
    expect(claim.kind).toBe("claimed");
    if (claim.kind !== "claimed") throw new Error("not claimed");
    await recordSucceeded(opened.store.db, { operationId, gorgiasMessageId: 1, gorgiasTicketId: 7, ticketId: 7, outcome: {}, now: when });
    return operationId;
  }

  it("deletes dead sessions, month-old send records and expired sign-in attempts, and keeps the live ones", async () => {
    const agent = await upsertAgent(opened.store.db, credentialsKeyFromBytes(randomBytes(32)), {
      accountDomain: "demo",
      email: `prune-${randomUUID()}@example.com`,
      gorgiasUserId: 42,
      name: "Prune Test",
      role: "agent",
      apiKey: "k",
    });
    const now = at(40 * DAY);
    const dead = await createSession(opened.store.db, agent.id, {}, T0);
    const live = await createSession(opened.store.db, agent.id, {}, now);
    const oldSend = await sentOperation(agent.id, T0);
    const recentSend = await sentOperation(agent.id, at(40 * DAY - 1000));
    await reserveSignInAttempt(opened.store.db, { email: "old@example.com", ip: "192.0.2.1" }, at(40 * DAY - SIGN_IN_WINDOW_MS - 1000));
    await reserveSignInAttempt(opened.store.db, { email: "new@example.com", ip: "192.0.2.2" }, now);
    const snapshot = (key: string, fetchedAt: Date) => putSnapshot(opened.store.db, "demo", { key, version: null, body: {}, fetchedAt });
    await snapshot("old", new Date(now.getTime() - SNAPSHOT_RETENTION_MS - 1000));
    await snapshot("fresh", now);
    const confirmation = (expiresAt: Date) =>
      issueConfirmation(opened.store.db, { agentId: agent.id, assistantTokenId: null, kind: "reply", ticketId: 7, payloadHash: "h", newestMessageId: 1, operationId: randomUUID(), expiresAt });
    const longExpired = await confirmation(new Date(now.getTime() - CONFIRMATION_RETENTION_MS - 1000));
    const justExpired = await confirmation(new Date(now.getTime() - 1000));

    const counts = await pruneStore(opened.store.db, now);

    expect(counts.sessions).toBeGreaterThanOrEqual(1);
    expect(counts.sendOperations).toBe(1);
    expect(counts.signInAttempts).toBe(2); // the old attempt's email and IP rows
    expect(await resolveSession(opened.store.db, dead.token, now)).toBeNull();
    expect(await resolveSession(opened.store.db, live.token, now)).not.toBeNull();
    expect(await getSendOperation(opened.store.db, oldSend)).toBeNull();
    expect(await getSendOperation(opened.store.db, recentSend)).not.toBeNull();
    expect(SEND_RECORD_RETENTION_MS).toBeGreaterThan(7 * DAY);
    expect(counts.sharedSnapshots).toBe(1);
    expect(await getSnapshot(opened.store.db, "demo", "old")).toBeNull();
    expect(await getSnapshot(opened.store.db, "demo", "fresh")).not.toBeNull();
    // An expired confirmation stays a day, so a repeated confirm still finds its operation.
    expect(counts.assistantConfirmations).toBe(1);
    expect(await findConfirmation(opened.store.db, longExpired, { agentId: agent.id, assistantTokenId: null })).toBeNull();
    expect(await findConfirmation(opened.store.db, justExpired, { agentId: agent.id, assistantTokenId: null })).not.toBeNull();
    // A second run (another instance, the next hour) finds nothing left to do.
    expect(await pruneStore(opened.store.db, now)).toEqual({ sessions: 0, sendOperations: 0, signInAttempts: 0, liveSignals: 0, feedDeliveries: 0, sharedSnapshots: 0, assistantConfirmations: 0 });
  });
});

describe("the pruning schedule", () => {
  it("runs at start and then every interval, reports failures, and stops", async () => {
    vi.useFakeTimers();
    try {
      const opened: number[] = [];
      const errors: unknown[] = [];
      const failing = new Error("store closed");
      const stop = schedulePruning(
        async () => {
          opened.push(Date.now());
          throw failing;
        },
        { everyMs: 1000, onError: (e) => errors.push(e) },
      );
      await vi.advanceTimersByTimeAsync(0);
      expect(opened).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(3000);
      expect(opened).toHaveLength(4);
      expect(errors).toEqual([failing, failing, failing, failing]);
      stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(opened).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
