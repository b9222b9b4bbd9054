import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  afterConfirmed,
  draftStorageKey,
  EMPTY_LOCAL,
  nextOperationId,
  openingOperationId,
  parseLocalDraft,
  pickDraft,
  type DraftRecord,
  type OperationEvent,
} from "@/features/composer/client/drafts";

const draft = (bodyText: string, operationId: string, updatedAt: string): DraftRecord => ({ bodyText, operationId, updatedAt });
const older = draft("from server", "op-a", "2026-01-01T10:00:00.000Z");
const newer = draft("from this browser", "op-a", "2026-01-01T10:05:00.000Z");

let n = 0;
const makeId = () => `op-${++n}`;

describe("draft merge: the newer of server and local wins", () => {
  it("prefers whichever was typed last", () => {
    expect(pickDraft(older, { draft: newer, sent: [] })).toBe(newer);
    expect(pickDraft(newer, { draft: older, sent: [] })).toBe(newer);
  });

  it("uses whichever exists, or nothing", () => {
    expect(pickDraft(older, EMPTY_LOCAL)).toBe(older);
    expect(pickDraft(null, { draft: newer, sent: [] })).toBe(newer);
    expect(pickDraft(null, EMPTY_LOCAL)).toBeNull();
  });

  it("keeps the local copy on a tie and when the server's date is garbage", () => {
    const same = draft("server", "op-a", newer.updatedAt);
    expect(pickDraft(same, { draft: newer, sent: [] })).toBe(newer);
    expect(pickDraft(draft("server", "op-a", "not a date"), { draft: newer, sent: [] })).toBe(newer);
  });

  it("never resurrects a draft whose send this browser saw confirmed", () => {
    const stale = draft("already sent", "op-sent", "2026-02-01T00:00:00.000Z");
    expect(pickDraft(stale, { draft: null, sent: ["op-sent"] })).toBeNull();
    expect(pickDraft(stale, { draft: older, sent: ["op-sent"] })).toBe(older);
  });

  it("always returns one of its inputs, and the newest when dates are valid", () => {
    const rec = fc.record({
      bodyText: fc.string(),
      operationId: fc.uuid(),
      updatedAt: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
    });
    fc.assert(
      fc.property(fc.option(rec, { nil: null }), fc.option(rec, { nil: null }), (s, l) => {
        const picked = pickDraft(s, { draft: l, sent: [] });
        expect([s, l]).toContain(picked);
        if (s && l) expect(Date.parse(picked!.updatedAt)).toBe(Math.max(Date.parse(s.updatedAt), Date.parse(l.updatedAt)));
      }),
    );
  });
});

describe("operation id lifecycle", () => {
  it("opens with the restored draft's id, so a reload resumes the same operation", () => {
    expect(openingOperationId(newer, makeId)).toBe("op-a");
    expect(openingOperationId(null, () => "fresh")).toBe("fresh");
  });

  it("keeps the id through edits, failures, unknown outcomes and confirmations asked for", () => {
    const events: OperationEvent[] = [{ type: "edited" }, { type: "failed" }, { type: "outcome-unknown" }, { type: "needs-confirmation" }];
    let id = "op-a";
    for (const e of events) id = nextOperationId(id, e, makeId);
    expect(id).toBe("op-a");
  });

  it("renews the id only after its own confirmed send, or when the agent starts over", () => {
    expect(nextOperationId("op-a", { type: "confirmed", operationId: "op-a" }, () => "op-b")).toBe("op-b");
    // A late confirmation of an earlier operation must not rotate the current one.
    expect(nextOperationId("op-b", { type: "confirmed", operationId: "op-a" }, () => "op-c")).toBe("op-b");
    expect(nextOperationId("op-a", { type: "started-over" }, () => "op-z")).toBe("op-z");
  });

  it("any sequence without a confirmation leaves the id unchanged", () => {
    const event = fc.constantFrom<OperationEvent>({ type: "edited" }, { type: "failed" }, { type: "outcome-unknown" }, { type: "needs-confirmation" });
    fc.assert(fc.property(fc.array(event), (es) => es.reduce((id, e) => nextOperationId(id, e, makeId), "op-x") === "op-x"));
  });

  it("a confirmed send clears the local draft and buries its id", () => {
    const local = afterConfirmed({ draft: newer, sent: [] }, "op-a");
    expect(local.draft).toBeNull();
    expect(local.sent).toEqual(["op-a"]);
    expect(pickDraft(older, local)).toBeNull();
    const many = Array.from({ length: 30 }, (_, i) => `op-${i}`).reduce((s, id) => afterConfirmed(s, id), EMPTY_LOCAL);
    expect(many.sent.length).toBe(20);
    expect(many.sent[0]).toBe("op-29");
  });
});

describe("local storage format", () => {
  it("round-trips and tolerates garbage", () => {
    const state = { draft: newer, sent: ["op-z"] };
    expect(parseLocalDraft(JSON.stringify(state))).toEqual(state);
    expect(parseLocalDraft("{not json")).toEqual(EMPTY_LOCAL);
    expect(parseLocalDraft(JSON.stringify({ draft: { bodyText: 1 }, sent: "x" }))).toEqual(EMPTY_LOCAL);
    expect(parseLocalDraft(null)).toEqual(EMPTY_LOCAL);
  });

  it("keys drafts by account, agent, ticket and mode so they never leak across tickets", () => {
    const a = draftStorageKey({ account: "demo", agentId: "ag1", ticketId: 7, mode: "reply" });
    expect(a).not.toBe(draftStorageKey({ account: "demo", agentId: "ag1", ticketId: 7, mode: "note" }));
    expect(a).not.toBe(draftStorageKey({ account: "demo", agentId: "ag1", ticketId: 8, mode: "reply" }));
    expect(a).not.toBe(draftStorageKey({ account: "demo", agentId: "ag2", ticketId: 7, mode: "reply" }));
  });
});

describe("newOperationId", () => {
  it("makes uuids the server's OperationId schema accepts", async () => {
    const { OperationId } = await import("@/lib/domain/contract/inputs");
    const { newOperationId } = await import("@/features/composer/client/drafts");
    const ids = new Set(Array.from({ length: 50 }, newOperationId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(OperationId.safeParse(id).success).toBe(true);
  });
});
