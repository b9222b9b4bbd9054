import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toUtcIso } from "@/lib/domain/datetime";
import { messageDelivery, messageKind } from "@/lib/domain/message";

describe("toUtcIso", () => {
  it("reads offset-less values as UTC and normalizes offsets", () => {
    expect(toUtcIso("2026-11-20T14:42:00.384938")).toBe("2026-11-20T14:42:00.384Z");
    expect(toUtcIso("2021-11-02T21:58:43.171610+00:00")).toBe("2021-11-02T21:58:43.171Z");
    expect(toUtcIso("2021-11-02T23:58:43+02:00")).toBe("2021-11-02T21:58:43.000Z");
    expect(toUtcIso("2022-01-01T01:00:00Z")).toBe("2022-01-01T01:00:00.000Z");
    expect(toUtcIso("2022-01-01")).toBe("2022-01-01T00:00:00.000Z");
    expect(toUtcIso("yesterday")).toBeNull();
    expect(toUtcIso("2022-13-45T99:00:00")).toBeNull();
  });

  it("property: any instant printed without its offset comes back as the same UTC instant", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), (d) => {
        const offsetless = d.toISOString().replace("Z", "");
        return toUtcIso(offsetless) === d.toISOString();
      }),
    );
  });
});

describe("message rules", () => {
  it("notes are never customer-facing", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.boolean(), (channel, fromAgent) => messageKind({ channel, public: false, fromAgent }) === "note"),
    );
    expect(messageKind({ channel: "internal-note", public: true, fromAgent: true })).toBe("note");
  });

  it("the later of sent/failed wins", () => {
    expect(messageDelivery("agent", { sentAt: "2020-01-01T00:00:02.000Z", failedAt: "2020-01-01T00:00:01.000Z" })).toBe("sent");
    expect(messageDelivery("agent", { sentAt: "2020-01-01T00:00:01.000Z", failedAt: "2020-01-01T00:00:02.000Z" })).toBe("failed");
    expect(messageDelivery("customer", { sentAt: null, failedAt: null })).toBe("recorded");
  });
});
