import { describe, expect, it } from "vitest";
import type { Page } from "@/lib/domain/page";
import { collectAll, paginate } from "@/lib/gorgias/pagination";
import { pageTokenFromUrl, viewPageParams } from "@/lib/gorgias/wire/common";
import { err, ok, type Result } from "@/lib/result";

const pages: Record<string, Page<number>> = {
  start: { items: [1, 2], nextCursor: "b", prevCursor: null },
  b: { items: [3], nextCursor: "c", prevCursor: "start" },
  c: { items: [4], nextCursor: null, prevCursor: "b" },
};

const fetchPage = async (cursor: string | null): Promise<Result<Page<number>, string>> => {
  const page = pages[cursor ?? "start"];
  return page ? ok(page) : err("missing");
};

describe("paginate", () => {
  it("walks until nextCursor is null", async () => {
    expect(await collectAll(fetchPage)).toEqual(ok([1, 2, 3, 4]));
  });

  it("stops at a repeated cursor", async () => {
    let calls = 0;
    const loop = async (): Promise<Result<Page<number>, string>> => {
      calls++;
      return ok({ items: [calls], nextCursor: "same", prevCursor: null });
    };
    expect(await collectAll(loop)).toEqual(ok([1, 2]));
  });

  it("stops at maxPages", async () => {
    let n = 0;
    const endless = async (): Promise<Result<Page<number>, string>> => ok({ items: [n], nextCursor: `c${n++}`, prevCursor: null });
    expect((await collectAll(endless, { maxPages: 3 })).ok && n).toBe(3);
  });

  it("yields the error once and ends", async () => {
    const seen: Result<Page<number>, string>[] = [];
    const failing = async (cursor: string | null): Promise<Result<Page<number>, string>> => (cursor ? err("boom") : ok(pages.start as Page<number>));
    for await (const p of paginate(failing)) seen.push(p);
    expect(seen.map((p) => p.ok)).toEqual([true, false]);
    expect(await collectAll(failing)).toEqual(err("boom"));
  });

  it("keeps next_items' whole query as the page token, and follows it as given", () => {
    const token = pageTokenFromUrl("/api/views/3/items?cursor=WyJuZXh0Il0%3D&direction=next&ignored_item=5");
    expect(viewPageParams(token)).toEqual({ cursor: "WyJuZXh0Il0=", direction: "next", ignored_item: "5" });
    expect(viewPageParams(pageTokenFromUrl("https://acme.gorgias.com/api/views/3/items?cursor=abc"))).toEqual({ cursor: "abc" });
    expect(pageTokenFromUrl(null)).toBeNull();
    expect(pageTokenFromUrl("/api/views/3/items")).toBeNull();
    // A bare cursor (the ordinary list meta some versions answer with) is sent as the cursor, padding and all.
    expect(viewPageParams("WyJuZXh0Il0=")).toEqual({ cursor: "WyJuZXh0Il0=" });
    expect(viewPageParams(null)).toEqual({});
  });
});
