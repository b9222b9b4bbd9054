import { describe, expect, it } from "vitest";
import { chosenSnooze, localInputValue, snoozePresets, wakeLabel, zonedInstant } from "@/lib/domain/snooze";

const preset = (now: string, tz: string, id: string) => snoozePresets(new Date(now), tz).find((p) => p.id === id)?.until ?? null;

describe("snooze presets", () => {
  it("later today is three hours on, rounded up to the quarter hour, on the agent's day", () => {
    // 10:07 in Paris (CET, UTC+1) → 13:15 Paris.
    expect(preset("2026-01-13T09:07:00Z", "Europe/Paris", "later-today")).toBe("2026-01-13T12:15:00.000Z");
    expect(preset("2026-01-13T09:00:00Z", "Europe/Paris", "later-today")).toBe("2026-01-13T12:00:00.000Z");
  });

  it("late in the evening there is no later today: tomorrow is the answer", () => {
    // 18:30 in New York: +3 h is 21:30, past the working evening.
    expect(preset("2026-01-13T23:30:00Z", "America/New_York", "later-today")).toBeNull();
    // 23:50 Paris: +3 h is the next day.
    expect(preset("2026-01-13T22:50:00Z", "Europe/Paris", "later-today")).toBeNull();
    // 18:00 Paris lands at 21:00 exactly: still offered.
    expect(preset("2026-01-13T17:00:00Z", "Europe/Paris", "later-today")).toBe("2026-01-13T20:00:00.000Z");
  });

  it("tomorrow is 9:00 the next day in the agent's time zone, not UTC's", () => {
    expect(preset("2026-01-13T15:00:00Z", "Europe/Paris", "tomorrow")).toBe("2026-01-14T08:00:00.000Z");
    // 19:00 in Tokyo on the 13th.
    expect(preset("2026-01-13T10:00:00Z", "Asia/Tokyo", "tomorrow")).toBe("2026-01-14T00:00:00.000Z");
    // 20:30 on the 13th in Los Angeles is already the 14th in UTC: tomorrow is still the 14th there.
    expect(preset("2026-01-14T04:30:00Z", "America/Los_Angeles", "tomorrow")).toBe("2026-01-14T17:00:00.000Z");
    // Just before midnight: tomorrow is the next calendar day, hours away.
    expect(preset("2026-01-13T22:59:00Z", "Europe/Paris", "tomorrow")).toBe("2026-01-14T08:00:00.000Z");
    // Just after midnight: "tomorrow" is the day after the one that has just begun.
    expect(preset("2026-01-13T23:05:00Z", "Europe/Paris", "tomorrow")).toBe("2026-01-15T08:00:00.000Z");
  });

  it("tomorrow across a DST change keeps 9:00 on the wall clock", () => {
    // Paris springs forward on 29 March 2026: 9:00 that day is UTC+2.
    expect(preset("2026-03-28T12:00:00Z", "Europe/Paris", "tomorrow")).toBe("2026-03-29T07:00:00.000Z");
    // New York falls back on 1 November 2026: 9:00 that day is UTC-5.
    expect(preset("2026-10-31T16:00:00Z", "America/New_York", "tomorrow")).toBe("2026-11-01T14:00:00.000Z");
  });

  it("next week is Monday 9:00; on a Monday, the Monday after", () => {
    // Tuesday 13 January 2026 → Monday 19.
    expect(preset("2026-01-13T10:00:00Z", "Europe/London", "next-week")).toBe("2026-01-19T09:00:00.000Z");
    // Sunday 18 → Monday 19.
    expect(preset("2026-01-18T10:00:00Z", "Europe/London", "next-week")).toBe("2026-01-19T09:00:00.000Z");
    // Monday 19 → Monday 26.
    expect(preset("2026-01-19T10:00:00Z", "Europe/London", "next-week")).toBe("2026-01-26T09:00:00.000Z");
    // Across the spring change in Paris: Monday 30 March is UTC+2.
    expect(preset("2026-03-25T10:00:00Z", "Europe/Paris", "next-week")).toBe("2026-03-30T07:00:00.000Z");
  });

  it("presets come soonest first and all lie in the future", () => {
    const now = new Date("2026-01-13T09:00:00Z");
    const list = snoozePresets(now, "Europe/Paris");
    expect(list.map((p) => p.id)).toEqual(["later-today", "tomorrow", "next-week"]);
    const times = list.map((p) => Date.parse(p.until));
    expect(times.every((t) => t > now.getTime())).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

describe("a chosen snooze time", () => {
  const now = new Date("2026-01-13T09:00:00Z");
  it("reads the picker's value on the agent's wall clock", () => {
    expect(chosenSnooze("2026-01-20T14:30", now, "Europe/Paris")).toBe("2026-01-20T13:30:00.000Z");
    expect(chosenSnooze("2026-01-20T14:30", now, "UTC")).toBe("2026-01-20T14:30:00.000Z");
  });
  it("refuses the past, now, and values that are not times", () => {
    expect(chosenSnooze("2026-01-13T10:00", now, "Europe/Paris")).toBeNull();
    expect(chosenSnooze("2026-01-12T23:00", now, "Europe/Paris")).toBeNull();
    expect(chosenSnooze("", now, "Europe/Paris")).toBeNull();
    expect(chosenSnooze("2026-02-30T10:00", now, "Europe/Paris")).toBeNull();
    expect(chosenSnooze("2026-01-20T25:00", now, "Europe/Paris")).toBeNull();
  });
  it("a time skipped by the spring change lands just after the gap", () => {
    expect(zonedInstant("Europe/Paris", 2026, 3, 29, 2, 30).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });
  it("a repeated autumn time takes its first occurrence", () => {
    expect(zonedInstant("America/New_York", 2026, 11, 1, 1, 30).toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });
  it("the picker's minimum is now on the agent's wall clock", () => {
    expect(localInputValue(now, "Europe/Paris")).toBe("2026-01-13T10:00");
  });
});

describe("wake label", () => {
  const now = new Date("2026-01-13T09:00:00Z"); // Tuesday
  it("names the weekday within the coming week and the date beyond", () => {
    expect(wakeLabel("2026-01-13T15:00:00Z", now, "Europe/Paris")).toBe("Tue 16:00");
    expect(wakeLabel("2026-01-19T08:00:00Z", now, "Europe/Paris")).toBe("Mon 09:00");
    expect(wakeLabel("2026-01-20T08:00:00Z", now, "Europe/Paris")).toBe("20 Jan 09:00");
    expect(wakeLabel("2027-01-05T08:00:00Z", now, "Europe/Paris")).toBe("5 Jan 2027 09:00");
  });
});
