/**
 * After a burst of sends under random faults (lost answers, drops, 500s, 502s, slow answers),
 * repeated and concurrent submits: every operation id maps to at most one Gorgias message, no note
 * is public, and every text not in Gorgias is still a draft. Then, faults cleared and settled,
 * every operation ends with exactly one message.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "@/lib/db";
import { getDraftsForTicket, saveDraft } from "@/lib/db/drafts";
import type { Message } from "@/lib/domain/message";
import { SendNoteInput, SendReplyInput } from "@/lib/domain/contract/inputs";
import { sendNote, sendReply } from "@/features/composer/server/send/messages";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, postgresTarget, testDatabaseUrl, type TestTarget } from "../db/harness";
import { agentFor, emailTickets, sendContext, thread } from "./setup";

let sb: TestSandbox;
let target: TestTarget;
let store: Store;

beforeAll(async () => {
  sb = await startTestSandbox({ sendDelayMs: 20 });
  // PostgreSQL (real concurrent connections) when TEST_DATABASE_URL is set, PGlite otherwise.
  target = testDatabaseUrl ? await postgresTarget(testDatabaseUrl) : await pgliteTarget();
  store = await target.open();
});
afterAll(async () => {
  await sb?.close();
  await store?.close();
  await target?.cleanup();
});

// Each op has its own agent id (same Gorgias user): the composer keeps one draft per agent, ticket
// and mode, so separate agents give every op its own draft slot to check.
type Op = { kind: "reply" | "note"; ticketId: number; operationId: string; bodyText: string; agentId: string };

describe("invariants after a burst of faults", () => {
  it("at most one message per operation id, no public note, unsent text still a draft; all sent once after recovery", { timeout: 120_000 }, async () => {
    const who = await agentFor(sb);
    const tickets = await emailTickets(who.gorgias, 4);
    const lastSeen = new Map<number, number | null>();
    for (const t of tickets) {
      const msgs = await thread(who.gorgias, t.id);
      lastSeen.set(t.id, msgs.length ? Math.max(...msgs.map((m) => m.id)) : null);
    }
    const faultKinds = fc.sample(fc.constantFrom("drop", "500", "502", "delay", "none", "none"), { numRuns: 16, seed: 20261123 });
    for (const [i, kind] of faultKinds.entries()) {
      if (kind === "none") continue;
      const path = `/api/tickets/${tickets[i % tickets.length]!.id}/messages`;
      if (kind === "drop") await sb.control.fault({ method: "POST", path, kind: "drop", count: 1 });
      else if (kind === "delay") await sb.control.fault({ method: "POST", path, kind: "delay", delayMs: 1_000, count: 1 });
      else await sb.control.fault({ method: "POST", path, kind: "status", status: Number(kind), count: 1 });
    }
    // Reads fail now and then too: the read-back must treat that as "still unknown".
    await sb.control.fault({ method: "GET", path: "/api/messages", kind: "status", status: 503, count: 3 });

    const ops: Op[] = Array.from({ length: 16 }, (_, i) => ({
      kind: i % 3 === 2 ? "note" : "reply",
      ticketId: tickets[i % tickets.length]!.id,
      operationId: randomUUID(),
      bodyText: `Burst message ${i}`,
      agentId: randomUUID(),
    }));
    // The composer saves the draft before any send (docs/safety.md#drafts).
    for (const op of ops) {
      await saveDraft(store.db, { agentId: op.agentId, ticketId: op.ticketId, mode: op.kind, bodyText: op.bodyText, operationId: op.operationId, now: new Date() });
    }
    const policy = { settleMs: 400, readBackDelaysMs: [0, 300] };
    const submit = (op: Op) => {
      const ctx = sendContext(store, { ...who, agent: { ...who.agent, agentId: op.agentId } }, policy);
      return op.kind === "reply"
        ? sendReply(ctx, SendReplyInput.parse({ ticketId: op.ticketId, operationId: op.operationId, bodyText: op.bodyText, lastSeenMessageId: lastSeen.get(op.ticketId) ?? null, confirmNewerMessages: true }))
        : sendNote(ctx, SendNoteInput.parse({ ticketId: op.ticketId, operationId: op.operationId, bodyText: op.bodyText }));
    };

    // Each op submitted 1–3 times, some concurrently (double click, two tabs).
    const repeats = fc.sample(fc.integer({ min: 1, max: 3 }), { numRuns: ops.length, seed: 7 });
    const burst = (await Promise.all(ops.map((op, i) => Promise.all(Array.from({ length: repeats[i] ?? 1 }, () => submit(op)))))).flat();
    const tally: Record<string, number> = {};
    for (const r of burst) {
      const key = r.ok ? (r.value.alreadySent ? "ok:alreadySent" : "ok:posted") : r.error.code;
      tally[key] = (tally[key] ?? 0) + 1;
    }
    console.log(`[send-burst] ${burst.length} submits of ${ops.length} operations:`, JSON.stringify(tally));

    const check = async () => {
      // Deliver whatever the mailer still holds, so a note wrongly queued as mail shows in the outbox.
      await sb.control.flush();
      const byTicket = new Map<number, Message[]>();
      for (const t of tickets) byTicket.set(t.id, await thread(who.gorgias, t.id));
      const all = [...byTicket.values()].flat();
      for (const op of ops) {
        const landed = all.filter((m) => m.externalId === op.operationId);
        expect(landed.length, `operation ${op.operationId}`).toBeLessThanOrEqual(1);
        if (landed.length === 0) {
          // Not in Gorgias: its text must still be recoverable as a draft.
          const drafts = await getDraftsForTicket(store.db, op.agentId, op.ticketId);
          expect(drafts.find((d) => d.mode === op.kind), `draft for ${op.operationId}`).toMatchObject({ operationId: op.operationId, bodyText: op.bodyText });
        }
      }
      for (const m of all) if (m.channel === "internal-note") expect(m.public).toBe(false);
      const outbox = await sb.control.outbox();
      for (const op of ops.filter((o) => o.kind === "note")) expect(outbox.some((e) => e.external_id === op.operationId)).toBe(false);
      return all;
    };
    await check();

    // Recovery: faults gone, unknowns settled; every op is re-submitted ("Check again").
    await sb.control.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(ops.map(submit));
      if (results.every((r) => r.ok)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const all = await check();
    for (const op of ops) expect(all.filter((m) => m.externalId === op.operationId), op.operationId).toHaveLength(1);
    await sb.control.flush();
    const outbox = await sb.control.outbox();
    for (const op of ops.filter((o) => o.kind === "reply")) expect(outbox.filter((e) => e.external_id === op.operationId)).toHaveLength(1);
    // Every draft of a confirmed send is gone.
    for (const op of ops) expect(await getDraftsForTicket(store.db, op.agentId, op.ticketId)).toEqual([]);
  });
});
