import { describe, expect, it } from "vitest";
import { formatMessageTime, parseClock, serializeClock } from "@/lib/domain/clock";

describe("the agent's clock cookie", () => {
  it("round-trips a zone and a locale", () => {
    const clock = { timeZone: "Asia/Tokyo", locale: "en-GB" };
    expect(parseClock(serializeClock(clock))).toEqual(clock);
  });

  it("refuses what Intl does not know, or anything else", () => {
    for (const bad of [undefined, "", "Mars/Olympus|en-US", "Asia/Tokyo|", "Asia/Tokyo|en-US|x", "%E0%A4%A", "Asia/Tokyo|<b>", "../etc|en"]) {
      expect(parseClock(bad)).toBeNull();
    }
  });
});

describe("message times", () => {
  it("are the agent's wall-clock time, not UTC", () => {
    const at = new Date("2026-11-07T23:30:00Z");
    expect(formatMessageTime(at, { timeZone: "Asia/Tokyo", locale: "en-US" }).short).toBe("Nov 8, 08:30 AM");
    expect(formatMessageTime(at, { timeZone: "America/New_York", locale: "en-US" }).short).toBe("Nov 7, 06:30 PM");
    expect(formatMessageTime(at, { timeZone: "Europe/Paris", locale: "fr-FR" }).short).toBe("8 nov., 00:30");
    expect(formatMessageTime(at, { timeZone: "Asia/Tokyo", locale: "en-US" }).long).toContain("2026");
  });
});
