import { describe, expect, it } from "vitest";
import { ByteLru, sameJson } from "@/lib/utils";

describe("ByteLru", () => {
  it("is bounded by bytes, least recently used first", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "A", 40);
    lru.set("b", "B", 40);
    expect(lru.get("a")).toBe("A");
    lru.set("c", "C", 40);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe("A");
    expect(lru.bytes).toBe(80);
    lru.set("too-big", "X", 101);
    expect(lru.get("too-big")).toBeUndefined();
  });
});

describe("sameJson", () => {
  it("compares JSON-shaped values whatever the key order", () => {
    expect(sameJson({ a: 1, b: [1, { c: "x" }], d: null }, { d: null, b: [1, { c: "x" }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, skipped: undefined }, { a: 1 })).toBe(true);
  });

  it("tells apart values, shapes and lengths", () => {
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson({ a: [1, 2] }, { a: [1] })).toBe(false);
    expect(sameJson({ a: {} }, { a: [] })).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson("x".repeat(1000), `${"x".repeat(999)}y`)).toBe(false);
  });
});
