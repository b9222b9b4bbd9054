import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { absoluteTime, relativeTime } from "@/lib/domain/relative-time";
import { safeTagColor } from "@/lib/domain/tag-color";

const now = new Date("2026-03-10T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe("relativeTime", () => {
  it("says how long ago, compactly", () => {
    expect(relativeTime(ago(5_000), now)).toBe("now");
    expect(relativeTime(ago(60_000), now)).toBe("1m");
    expect(relativeTime(ago(59 * 60_000), now)).toBe("59m");
    expect(relativeTime(ago(3 * 3_600_000), now)).toBe("3h");
    expect(relativeTime(ago(2 * 86_400_000), now)).toBe("2d");
    expect(relativeTime("2026-01-04T08:00:00.000Z", now)).toBe("Jan 4");
    expect(relativeTime("2024-12-31T23:59:00.000Z", now)).toBe("Dec 31, 2024");
  });

  it("reads a future time (clock skew) as now, and nothing for missing or broken values", () => {
    expect(relativeTime(ago(-120_000), now)).toBe("now");
    expect(relativeTime(null, now)).toBe("");
    expect(relativeTime("yesterday", now)).toBe("");
    expect(absoluteTime("2026-03-10T09:05:00.000Z")).toBe("2026-03-10 09:05 UTC");
  });

  it("never throws and never answers a negative age", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), (iso) => {
        expect(relativeTime(iso, now)).not.toMatch(/^-/);
      }),
    );
  });
});

describe("tag colour guard", () => {
  it("lets plain hex colours through, lower-cased", () => {
    expect(safeTagColor("#FF8800")).toBe("#ff8800");
    expect(safeTagColor(" #abc ")).toBe("#abc");
  });

  it("refuses anything that could carry more CSS", () => {
    for (const hostile of ["red", "#ff0000;background:url(https://x.example/p.png)", "expression(alert(1))", "#12345", "rgb(0,0,0)", "", null, undefined]) {
      expect(safeTagColor(hostile)).toBeNull();
    }
    fc.assert(fc.property(fc.string(), (s) => {
      const c = safeTagColor(s);
      return c === null || /^#[0-9a-f]{3,8}$/.test(c);
    }));
  });
});
