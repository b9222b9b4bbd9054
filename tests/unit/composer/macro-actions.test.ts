import { describe, expect, it } from "vitest";
import type { MacroAction } from "@/lib/domain/macro";
import { actionsForBrowser, describeStep, parseTimedelta, planMacro, type MacroPlan } from "@/lib/domain/macro-actions";

const act = (name: string, args: Record<string, unknown> = {}, title: string | null = null): MacroAction => ({ name, title, type: "user", arguments: args });
const plan = (...actions: MacroAction[]): MacroPlan => planMacro({ id: 7, name: "Test macro", actions });
const words = (p: MacroPlan, now?: Date) => p.steps.map((s) => describeStep(s, { now, formatTime: (d) => d.toISOString().slice(0, 16) }));

describe("planMacro", () => {
  it("sorts every supported action into the reply, one ticket update, tags and a note", () => {
    const p = plan(
      act("setResponseText", { body_text: "Hi {{ticket.customer.firstname}}", body_html: "<p>Hi</p>" }),
      act("setStatus", { status: "closed" }),
      act("addTags", { tags: "refund, vip" }),
      act("removeTags", { tags: "urgent" }),
      act("setAssignee", { assignee_user: { id: 3, name: "Ana Lopez" } }),
      act("setTeamAssignee", { assignee_team: { id: 9, name: "Returns" } }),
      act("setPriority", { priority: "high" }),
      act("addInternalNote", { body_text: "Refund approved by {{current_user.firstname}}", body_html: "<p>x</p>" }),
    );
    expect(p.refusals).toEqual([]);
    expect(p.replyTemplate).toBe("Hi {{ticket.customer.firstname}}");
    expect(p.fields).toEqual({ status: "closed", assigneeUserId: 3, assigneeTeamId: 9, priority: "high" });
    expect(p.addTags).toEqual(["refund", "vip"]);
    expect(p.removeTags).toEqual(["urgent"]);
    expect(p.noteTemplate).toBe("Refund approved by {{current_user.firstname}}");
    expect(words(p)).toEqual([
      "Close the ticket",
      "Add tags: refund, vip",
      "Remove tags: urgent",
      "Assign to Ana Lopez",
      "Assign to team Returns",
      "Set priority: high",
      "Internal note: Refund approved by {{current_user.firstname}}",
    ]);
  });

  it("snoozes for Gorgias's timedelta, closing the ticket meanwhile, and says until when", () => {
    const p = plan(act("snoozeTicket", { snooze_timedelta: "2d" }));
    expect(p.fields).toEqual({ snoozeForMs: 2 * 86_400_000 });
    expect(words(p, new Date("2026-11-30T08:00:00Z"))).toEqual(["Snooze for 2 days, until 2026-12-02T08:00"]);
    expect(parseTimedelta("30m")).toBe(1_800_000);
    expect(parseTimedelta("1h")).toBe(3_600_000);
    expect(parseTimedelta("0d")).toBeNull();
    expect(parseTimedelta("soon")).toBeNull();
  });

  it("unassigns with a null assignee and reopens with status open", () => {
    const p = plan(act("setAssignee", { assignee_user: null }), act("setTeamAssignee", { assignee_team: null }), act("setStatus", { status: "open" }));
    expect(p.fields).toEqual({ assigneeUserId: null, assigneeTeamId: null, status: "open" });
    expect(words(p)).toEqual(["Unassign the agent", "Remove the team", "Reopen the ticket"]);
  });

  it("refuses the whole macro for an HTTP hook, with a reason, and keeps what it would otherwise do visible", () => {
    const p = plan(act("setResponseText", { body_text: "Hi" }), act("http", { method: "POST", url: "https://hooks.example/x" }, "HTTP hook"), act("addTags", { tags: "refund" }));
    expect(p.refusals).toEqual([{ name: "http", title: "HTTP hook", reason: expect.stringContaining("outside service") }]);
    expect(p.steps).toHaveLength(1);
  });

  it("refuses store-order actions and unknown names", () => {
    for (const name of ["shopifyFullRefundLastOrder", "shopifyCancelOrder", "shopifyEditShippingAddressOfLastOrder", "shopifyDuplicateLastOrder", "rechargeCancelLastSubscription", "bigcommerceRefundOrder"]) {
      expect(plan(act(name)).refusals[0]?.reason, name).toMatch(/store order/);
    }
    expect(plan(act("teleportCustomer")).refusals[0]).toMatchObject({ name: "teleportCustomer", title: "teleportCustomer", reason: expect.stringContaining("does not know") });
    for (const name of ["addAttachments", "forwardByEmail", "setSubject", "setCustomFieldValue", "excludeFromCSAT"]) expect(plan(act(name)).refusals, name).toHaveLength(1);
  });

  it("refuses supported actions whose arguments it cannot read, rather than guessing", () => {
    expect(plan(act("setStatus", { status: "pending" })).refusals).toHaveLength(1);
    expect(plan(act("setPriority", { priority: "urgent!" })).refusals).toHaveLength(1);
    expect(plan(act("setAssignee", { assignee_user: { name: "no id" } })).refusals).toHaveLength(1);
    expect(plan(act("snoozeTicket", { snooze_timedelta: "tomorrow" })).refusals).toHaveLength(1);
    expect(plan(act("addTags", { tags: " , " })).refusals).toHaveLength(1);
    expect(plan(act("addInternalNote", {})).refusals).toHaveLength(1);
  });

  it("refuses contradictions two separate calls could not keep", () => {
    expect(plan(act("addTags", { tags: "vip" }), act("removeTags", { tags: "vip" })).refusals).toHaveLength(1);
    expect(plan(act("snoozeTicket", { snooze_timedelta: "1d" }), act("setStatus", { status: "open" })).refusals).toHaveLength(1);
  });

  it("a text-only macro has no actions; one without text has no reply", () => {
    expect(plan(act("setResponseText", { body_text: "Hello" })).steps).toEqual([]);
    expect(plan(act("setStatus", { status: "closed" })).replyTemplate).toBeNull();
  });

  it("fingerprints what would be performed: the same plan matches, an edited macro does not", () => {
    const a = plan(act("setResponseText", { body_text: "Hi" }), act("addTags", { tags: "vip" }));
    const same = planMacro({ id: 7, name: "Renamed", actions: [act("setResponseText", { body_text: "Hi", body_html: "<b>Hi</b>" }), act("addTags", { tags: " vip " }, "Add tags")] });
    const edited = plan(act("setResponseText", { body_text: "Hi" }), act("addTags", { tags: "vip, refund" }));
    expect(same.fingerprint).toBe(a.fingerprint);
    expect(edited.fingerprint).not.toBe(a.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it("the browser gets no arguments of a refused action (an HTTP hook's headers), and plans the same", () => {
    const actions = [act("setResponseText", { body_text: "Hi" }), act("http", { url: "https://hooks.example/x", headers: [{ key: "Authorization", value: "Bearer s3cret" }] }, "HTTP hook"), act("addTags", { tags: "vip" })];
    const safe = actionsForBrowser(actions);
    expect(JSON.stringify(safe)).not.toContain("s3cret");
    expect(safe[2]).toEqual(actions[2]);
    expect(planMacro({ id: 7, name: "x", actions: safe })).toEqual(planMacro({ id: 7, name: "x", actions }));
  });
});
