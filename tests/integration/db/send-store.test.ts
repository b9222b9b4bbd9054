/**
 * The send pipeline's tables on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set
 * (scripts/test-postgres.sh): claim transitions, concurrent claims, drafts.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deleteDraft, deleteDraftForOperation, getDraftsForTicket, saveDraft } from "@/lib/db/drafts";
import {
  claimSendOperation,
  getSendOperation,
  markAttempt,
  recordNotSent,
  recordSucceeded,
  type ClaimInput,
} from "@/lib/db/send-operations";
import { storeTargets, useTestStore } from "./harness";

const targets = storeTargets();

describe.each(targets)("send store on %s", (_label, makeTarget) => {
  const opened = useTestStore(makeTarget);
  const db = () => opened.store.db;

  const T0 = new Date("2026-11-23T12:00:00Z");
  const at = (ms: number) => new Date(T0.getTime() + ms);
  const claimInput = (over: Partial<ClaimInput> = {}): ClaimInput => ({
    operationId: randomUUID(),
    agentId: randomUUID(),
    accountDomain: "acme",
    ticketId: 42,
    kind: "reply",
    bodyHash: "h1",
    now: T0,
    inFlightStaleMs: 60_000,
    ...over,
  });

  describe("claims", () => {
    it("a new id is claimed fresh, as in_flight", async () => {
      const input = claimInput();
      const d = await claimSendOperation(db(), input);
      expect(d).toMatchObject({ kind: "claimed", mode: "fresh" });
      expect((await getSendOperation(db(), input.operationId))?.state).toBe("in_flight");
    });

    it("20 concurrent claims of one id: exactly one wins, the others are told it is still sending", async () => {
      const input = claimInput();
      const decisions = await Promise.all(Array.from({ length: 20 }, () => claimSendOperation(db(), input)));
      expect(decisions.filter((d) => d.kind === "claimed")).toHaveLength(1);
      expect(decisions.filter((d) => d.kind === "busy")).toHaveLength(19);
    });

    it("20 concurrent claims of a failed id: exactly one re-claims it", async () => {
      const input = claimInput();
      const first = await claimSendOperation(db(), input);
      if (first.kind !== "claimed") throw new Error("expected a claim");
      await recordNotSent(db(), { operationId: input.operationId, claimSeq: first.op.claimSeq }, "failed", { reason: "x" }, at(1));
      const decisions = await Promise.all(Array.from({ length: 20 }, () => claimSendOperation(db(), { ...input, now: at(2) })));
      const winners = decisions.filter((d) => d.kind === "claimed");
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ mode: "retry" });
    });

    it("after a failure or a refusal to post, the same id takes edited text; once it may be in Gorgias, it does not", async () => {
      const op = randomUUID();
      const base = claimInput({ operationId: op });
      const first = await claimSendOperation(db(), base);
      if (first.kind !== "claimed") throw new Error("expected a claim");
      const claim = { operationId: op, claimSeq: first.op.claimSeq };
      await recordNotSent(db(), claim, "failed", { reason: "rejected" }, at(1));
      const edited = await claimSendOperation(db(), { ...base, bodyHash: "edited", now: at(2) });
      expect(edited).toMatchObject({ kind: "claimed", mode: "retry", op: { bodyHash: "edited" } });
      if (edited.kind !== "claimed") return;
      await recordNotSent(db(), { operationId: op, claimSeq: edited.op.claimSeq }, "unknown", null, at(3));
      expect((await claimSendOperation(db(), { ...base, bodyHash: "edited again", now: at(4) })).kind).toBe("mismatch");
    });

    it("the same id with other text, another agent or another ticket is a mismatch", async () => {
      const input = claimInput();
      await claimSendOperation(db(), input);
      expect((await claimSendOperation(db(), { ...input, bodyHash: "h2" })).kind).toBe("mismatch");
      expect((await claimSendOperation(db(), { ...input, agentId: randomUUID() })).kind).toBe("mismatch");
      expect((await claimSendOperation(db(), { ...input, ticketId: 43 })).kind).toBe("mismatch");
      expect((await claimSendOperation(db(), { ...input, kind: "note" })).kind).toBe("mismatch");
    });

    it("succeeded replays without a new claim; a success is recorded once", async () => {
      const input = claimInput();
      await claimSendOperation(db(), input);
      await recordSucceeded(db(), { operationId: input.operationId, gorgiasMessageId: 7, gorgiasTicketId: 42, ticketId: 42, outcome: { a: 1 }, now: at(1) });
      const again = await recordSucceeded(db(), { operationId: input.operationId, gorgiasMessageId: 8, gorgiasTicketId: 42, ticketId: 42, outcome: { a: 2 }, now: at(2) });
      expect(again?.gorgiasMessageId).toBe(7);
      const d = await claimSendOperation(db(), { ...input, now: at(3) });
      expect(d.kind).toBe("replay");
      if (d.kind === "replay") expect(d.op.outcome).toEqual({ a: 1 });
    });

    it("in_flight: busy while recent, reconciled once stale", async () => {
      const input = claimInput();
      await claimSendOperation(db(), input);
      const busy = await claimSendOperation(db(), { ...input, now: at(30_000) });
      expect(busy).toMatchObject({ kind: "busy", retryAfterSeconds: 30 });
      const stale = await claimSendOperation(db(), { ...input, now: at(61_000) });
      expect(stale).toMatchObject({ kind: "claimed", mode: "reconcile" });
    });

    it("unknown is reconciled; pending and failed are retried", async () => {
      for (const [state, mode] of [["unknown", "reconcile"], ["pending", "retry"], ["failed", "retry"]] as const) {
        const input = claimInput();
        const first = await claimSendOperation(db(), input);
        if (first.kind !== "claimed") throw new Error("expected a claim");
        expect(await recordNotSent(db(), { operationId: input.operationId, claimSeq: first.op.claimSeq }, state, null, at(1))).toBe(true);
        expect(await claimSendOperation(db(), { ...input, now: at(2) })).toMatchObject({ kind: "claimed", mode });
      }
    });

    it("a superseded claim can neither start a POST nor record a failure", async () => {
      const input = claimInput();
      const first = await claimSendOperation(db(), input);
      if (first.kind !== "claimed") throw new Error("expected a claim");
      const old = { operationId: input.operationId, claimSeq: first.op.claimSeq };
      const takeover = await claimSendOperation(db(), { ...input, now: at(61_000) });
      if (takeover.kind !== "claimed") throw new Error("expected a takeover");
      expect(await markAttempt(db(), old, at(61_001))).toBe(false);
      expect(await recordNotSent(db(), old, "failed", null, at(61_002))).toBe(false);
      const current = { operationId: input.operationId, claimSeq: takeover.op.claimSeq };
      expect(await markAttempt(db(), current, at(61_003))).toBe(true);
      const row = await getSendOperation(db(), input.operationId);
      expect(row).toMatchObject({ state: "in_flight", attempts: 1 });
      expect(row?.attemptedAt?.toISOString()).toBe(at(61_003).toISOString());
    });
  });

  describe("drafts", () => {
    const draft = (agentId: string, over: Partial<Parameters<typeof saveDraft>[1]> = {}) => ({
      agentId,
      ticketId: 42,
      mode: "reply" as const,
      bodyText: "Hello",
      operationId: randomUUID(),
      now: T0,
      ...over,
    });

    it("upserts one draft per agent, ticket and mode, each save over the revision it saw", async () => {
      const agentId = randomUUID();
      const op = randomUUID();
      expect(await saveDraft(db(), draft(agentId, { operationId: op }))).toEqual({ kind: "saved", revision: 1, updatedAt: T0 });
      const second = await saveDraft(db(), draft(agentId, { operationId: op, bodyText: "Hello again", baseRevision: 1, now: at(1000) }));
      expect(second).toEqual({ kind: "saved", revision: 2, updatedAt: at(1000) });
      await saveDraft(db(), draft(agentId, { mode: "note", bodyText: "internal" }));
      // A stale tab (it saw revision 1) does not replace the newer text, whatever its clock says.
      const stale = await saveDraft(db(), draft(agentId, { operationId: op, bodyText: "stale", baseRevision: 1, now: at(5000) }));
      expect(stale).toMatchObject({ kind: "conflict", current: { bodyText: "Hello again", revision: 2 } });
      // Nor does a tab that never saw a server copy.
      expect(await saveDraft(db(), draft(agentId, { operationId: op, bodyText: "fresh tab", now: at(6000) }))).toMatchObject({ kind: "conflict" });
      // Saving the text already stored is no conflict: the tab learns the revision.
      expect(await saveDraft(db(), draft(agentId, { operationId: op, bodyText: "Hello again", now: at(7000) }))).toMatchObject({ kind: "saved", revision: 2 });
      const rows = await getDraftsForTicket(db(), agentId, 42);
      expect(rows.map((r) => [r.mode, r.bodyText]).sort()).toEqual([["note", "internal"], ["reply", "Hello again"]]);
      expect(await getDraftsForTicket(db(), randomUUID(), 42)).toEqual([]);
    });

    it("concurrent saves from the same base: exactly one wins, the others are told", async () => {
      const agentId = randomUUID();
      await saveDraft(db(), draft(agentId, { bodyText: "v0" }));
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => saveDraft(db(), draft(agentId, { bodyText: `v${i + 1}`, baseRevision: 1, now: at(i) }))));
      expect(results.filter((r) => r.kind === "saved")).toHaveLength(1);
      expect(results.filter((r) => r.kind === "conflict")).toHaveLength(19);
      const rows = await getDraftsForTicket(db(), agentId, 42);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.revision).toBe(2);
    });

    it("a discard removes only the revision the tab saw: a stale tab never wipes newer text", async () => {
      const agentId = randomUUID();
      const key = { agentId, ticketId: 42, mode: "reply" as const };
      await saveDraft(db(), draft(agentId, { bodyText: "first" }));
      await saveDraft(db(), draft(agentId, { bodyText: "newer, from tab A", baseRevision: 1, now: at(1) }));
      expect(await deleteDraft(db(), { ...key, baseRevision: 1 })).toMatchObject({ kind: "conflict", current: { bodyText: "newer, from tab A" } });
      expect(await deleteDraft(db(), { ...key, baseRevision: null })).toMatchObject({ kind: "conflict" });
      expect((await getDraftsForTicket(db(), agentId, 42)).map((r) => r.bodyText)).toEqual(["newer, from tab A"]);
      expect(await deleteDraft(db(), { ...key, baseRevision: 2 })).toEqual({ kind: "discarded" });
      expect(await deleteDraft(db(), { ...key, baseRevision: 2 })).toEqual({ kind: "discarded" });
      expect(await getDraftsForTicket(db(), agentId, 42)).toEqual([]);
    });

    it("is deleted by its own confirmed operation only; a sent id cannot be saved again", async () => {
      const agentId = randomUUID();
      const sentOp = randomUUID();
      await saveDraft(db(), draft(agentId, { operationId: sentOp }));
      await saveDraft(db(), draft(agentId, { mode: "note", operationId: randomUUID() }));
      expect(await deleteDraftForOperation(db(), agentId, randomUUID())).toBe(0);
      expect(await deleteDraftForOperation(db(), agentId, sentOp)).toBe(1);
      expect((await getDraftsForTicket(db(), agentId, 42)).map((r) => r.mode)).toEqual(["note"]);

      const claim = await claimSendOperation(db(), claimInput({ operationId: sentOp, agentId }));
      expect(claim.kind).toBe("claimed");
      await recordSucceeded(db(), { operationId: sentOp, gorgiasMessageId: 1, gorgiasTicketId: 42, ticketId: 42, outcome: {}, now: at(1) });
      expect(await saveDraft(db(), draft(agentId, { operationId: sentOp, now: at(2) }))).toEqual({ kind: "already_sent" });
      expect(await deleteDraft(db(), { agentId, ticketId: 42, mode: "note", baseRevision: 1 })).toEqual({ kind: "discarded" });
      expect(await getDraftsForTicket(db(), agentId, 42)).toEqual([]);
    });
  });
});
