import { describe, expect, it } from "vitest";
import { excludedByView, excludedFromList } from "@/lib/domain/view-membership";

const open = { status: "open" as const, assigneeUser: null };
const closed = { status: "closed" as const, assigneeUser: null };
const assigned = { status: "open" as const, assigneeUser: { id: 4, name: "Jo", email: null } };

describe("excludedByView", () => {
  it("drops a closed ticket from an open-only view, and an open one from a closed view", () => {
    expect(excludedByView("eq(ticket.status, 'open')", closed)).toBe(true);
    expect(excludedByView("eq(ticket.status, 'open')", open)).toBe(false);
    expect(excludedByView("eq(ticket.status, 'closed')", open)).toBe(true);
  });

  it("reads every top-level conjunct, brackets and quotes included", () => {
    expect(excludedByView("(eq(ticket.priority, 'critical') || eq(ticket.priority, 'high')) && eq(ticket.status, 'open')", closed)).toBe(true);
    expect(excludedByView("containsAny(ticket.tags.name, ['a && b']) && eq(ticket.status, \"open\")", closed)).toBe(true);
    expect(excludedByView("isEmpty(ticket.assignee_user.id) && eq(ticket.status, 'open')", assigned)).toBe(true);
    expect(excludedByView("isEmpty(ticket.assignee_user.id) && eq(ticket.status, 'open')", open)).toBe(false);
  });

  it("says nothing it cannot be sure of", () => {
    expect(excludedByView(null, closed)).toBe(false);
    expect(excludedByView("eq(ticket.status, 'open') || eq(ticket.spam, true)", closed)).toBe(false);
    expect(excludedByView("eq(ticket.assignee_user.id, '{{current_user.id}}')", closed)).toBe(false);
  });

  it("takes spam and trashed tickets out of every view that does not ask for them", () => {
    const spam = { ...open, spam: true, trashedAt: null };
    const trashed = { ...open, spam: false, trashedAt: "2026-01-13T09:00:00Z" };
    expect(excludedByView("eq(ticket.status, 'open')", spam)).toBe(true);
    expect(excludedByView(null, spam)).toBe(true);
    expect(excludedByView("eq(ticket.spam, true)", spam)).toBe(false);
    expect(excludedByView("eq(ticket.status, 'open')", trashed)).toBe(true);
    expect(excludedByView("isNotEmpty(ticket.trashed_datetime)", trashed)).toBe(false);
    expect(excludedByView("eq(ticket.status, 'open')", { ...open, spam: false, trashedAt: null })).toBe(false);
  });
});

describe("excludedFromList", () => {
  it("the plain ticket list loses trashed tickets only; a view follows its filter", () => {
    const t = { status: "open" as const, assigneeUser: null };
    expect(excludedFromList(null, { ...t, trashedAt: "2026-01-13T09:00:00Z" })).toBe(true);
    expect(excludedFromList(null, { ...t, spam: true })).toBe(false);
    expect(excludedFromList(null, { ...t, status: "closed" as const })).toBe(false);
    expect(excludedFromList({ filters: "eq(ticket.status, 'open')" }, { ...t, spam: true })).toBe(true);
  });
});
