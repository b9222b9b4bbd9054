import { describe, expect, it } from "vitest";
import { neighboursOf, parsePlace } from "@/features/inbox/client/list-place";
import { parsePreferences } from "@/features/shell/client/preferences";

describe("the agent's place in the list", () => {
  it("reads what this tab stored", () => {
    expect(parsePlace(JSON.stringify({ search: "?view=4", selectedId: 12, scrollTop: 640, openedFromList: 12 }))).toEqual({
      search: "?view=4",
      selectedId: 12,
      scrollTop: 640,
      openedFromList: 12,
    });
  });

  it("falls back field by field on what it cannot trust, and never throws", () => {
    expect(parsePlace(null)).toEqual({ search: "", selectedId: null, scrollTop: 0, openedFromList: null });
    expect(parsePlace("{not json")).toEqual({ search: "", selectedId: null, scrollTop: 0, openedFromList: null });
    expect(parsePlace("[1,2]").selectedId).toBeNull();
    // A search that is not a query string (e.g. a path to elsewhere) is not followed.
    expect(parsePlace(JSON.stringify({ search: "//evil.example/x", selectedId: -1, scrollTop: -5, openedFromList: 1.5 }))).toEqual({
      search: "",
      selectedId: null,
      scrollTop: 0,
      openedFromList: null,
    });
    expect(parsePlace(JSON.stringify({ search: `?q=${"a".repeat(3_000)}`, selectedId: 7 }))).toMatchObject({ search: "", selectedId: 7 });
  });

  it("finds the rows either side of a ticket, and none past the ends or for a ticket not in the list", () => {
    const ids = [5, 9, 2, 14];
    expect(neighboursOf(ids, 9)).toEqual({ previous: 5, next: 2 });
    expect(neighboursOf(ids, 5)).toEqual({ previous: null, next: 9 });
    expect(neighboursOf(ids, 14)).toEqual({ previous: 2, next: null });
    expect(neighboursOf(ids, 99)).toEqual({ previous: null, next: null });
  });
});

describe("desk preferences", () => {
  it("default to the list's next ticket and auto-assign on, and keep only known choices", () => {
    expect(parsePreferences(null)).toEqual({ afterDone: "next", autoAssign: true, undoSendSeconds: 5 });
    expect(parsePreferences(JSON.stringify({ afterDone: "stay", autoAssign: false, undoSendSeconds: 0 }))).toEqual({ afterDone: "stay", autoAssign: false, undoSendSeconds: 0 });
    expect(parsePreferences(JSON.stringify({ afterDone: "list", undoSendSeconds: 30 }))).toEqual({ afterDone: "list", autoAssign: true, undoSendSeconds: 30 });
    expect(parsePreferences(JSON.stringify({ afterDone: "elsewhere", autoAssign: "no", undoSendSeconds: 7 }))).toEqual({ afterDone: "next", autoAssign: true, undoSendSeconds: 5 });
    expect(parsePreferences("}")).toEqual({ afterDone: "next", autoAssign: true, undoSendSeconds: 5 });
  });
});
