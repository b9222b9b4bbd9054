import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDraftSaver, type SaveStatus, type WriteOutcome } from "@/features/composer/client/draft-saver";
import type { DraftRecord } from "@/features/composer/client/drafts";

const d = (bodyText: string): DraftRecord => ({ bodyText, operationId: "op-1", updatedAt: new Date().toISOString() });

function setup(persistResult: WriteOutcome = "done", removeResult: WriteOutcome = "done") {
  const results = { persist: persistResult, remove: removeResult };
  const log: string[] = [];
  const statuses: SaveStatus[] = [];
  let release: () => void = () => undefined;
  let hold = false;
  const saver = createDraftSaver({
    delayMs: 600,
    persist: async (draft) => {
      log.push(`save:${draft.bodyText}`);
      if (hold) await new Promise<void>((r) => (release = r));
      log.push(`saved:${draft.bodyText}`);
      return results.persist;
    },
    remove: async () => {
      log.push("remove");
      return results.remove;
    },
    onStatus: (s) => statuses.push(s),
  });
  return { saver, log, statuses, results, holdNext: () => (hold = true), release: () => { hold = false; release(); } };
}

describe("draft saver", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once after the agent pauses, with the last text", async () => {
    const { saver, log, statuses } = setup();
    saver.schedule(d("H"));
    saver.schedule(d("He"));
    saver.schedule(d("Hello"));
    await vi.advanceTimersByTimeAsync(599);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(["save:Hello", "saved:Hello"]);
    expect(statuses.at(-1)).toBe("saved");
  });

  it("says device-only when the server save fails", async () => {
    const { saver, statuses } = setup("failed");
    saver.schedule(d("x"));
    await vi.advanceTimersByTimeAsync(600);
    expect(statuses.at(-1)).toBe("device-only");
  });

  it("pushes a failed save again when the connection returns, and nothing when none failed", async () => {
    const { saver, log, statuses, results } = setup("failed");
    await saver.resume();
    expect(log).toEqual([]);
    saver.schedule(d("offline text"));
    await vi.advanceTimersByTimeAsync(600);
    results.persist = "done";
    await saver.resume();
    expect(log).toEqual(["save:offline text", "saved:offline text", "save:offline text", "saved:offline text"]);
    expect(statuses.at(-1)).toBe("saved");
    await saver.resume();
    expect(log).toHaveLength(4);
  });

  it("pushes a failed discard again when the connection returns", async () => {
    const { saver, log, statuses, results } = setup("done", "failed");
    await saver.discard();
    expect(statuses.at(-1)).toBe("device-only");
    results.remove = "done";
    await saver.resume();
    expect(log).toEqual(["remove", "remove"]);
    expect(statuses.at(-1)).toBe("idle");
  });

  it("says conflict when another tab saved a newer revision, for a save and for a discard", async () => {
    const t = setup("conflict", "conflict");
    t.saver.schedule(d("stale tab"));
    await vi.advanceTimersByTimeAsync(600);
    expect(t.statuses.at(-1)).toBe("conflict");
    await t.saver.discard();
    expect(t.statuses.at(-1)).toBe("conflict");
    // A conflict is the agent's to resolve, not something to push again.
    await t.saver.resume();
    expect(t.log).toEqual(["save:stale tab", "saved:stale tab", "remove"]);
  });

  it("never overlaps saves, and a discard lands after the save in flight", async () => {
    const t = setup();
    t.holdNext();
    t.saver.schedule(d("draft"));
    await vi.advanceTimersByTimeAsync(600);
    t.saver.schedule(d("draft 2"));
    const discarded = t.saver.discard();
    t.release();
    await discarded;
    // "draft 2" was never saved: the send was confirmed, so it must not come back on the server.
    expect(t.log).toEqual(["save:draft", "saved:draft", "remove"]);
  });

  it("flush saves at once", async () => {
    const { saver, log } = setup();
    saver.schedule(d("now"));
    await saver.flush();
    expect(log).toEqual(["save:now", "saved:now"]);
  });
});
