import { afterEach, describe, expect, it } from "vitest";
import { clearReferenceCache } from "@/lib/gorgias/reference";
import { envelope, user } from "./fixtures";
import { empty, json, scriptedFetch, testClient } from "./helpers";

describe("reference cache", () => {
  afterEach(() => clearReferenceCache());

  it("loads every page once, then serves from cache; failures are not cached", async () => {
    const { fetch, requests } = scriptedFetch(empty(500), empty(500), empty(500), json(envelope([user], "p2")), json(envelope([{ ...user, id: 2 }])));
    const { client } = testClient(fetch);
    expect((await client.reference.users()).ok).toBe(false);
    const [a, b] = await Promise.all([client.reference.users(), client.reference.users()]);
    expect(a).toEqual(b);
    expect(a.ok && a.value.map((u) => u.id)).toEqual([3924, 2]);
    expect(requests).toHaveLength(5);
    expect(requests[3]?.url.searchParams.get("limit")).toBe("100");
    await client.reference.users();
    expect(requests).toHaveLength(5);
    client.reference.invalidate("users");
    await client.reference.users();
    expect(requests).toHaveLength(6);
  });

  it("suggested macros: one read per ticket, ranked by relevance, then from cache", async () => {
    const macro = { id: 5, name: "Refund", actions: [] };
    const { fetch, requests } = scriptedFetch(json(envelope([macro])), json(envelope([{ ...macro, id: 6 }])));
    const { client } = testClient(fetch);
    const first = await client.reference.suggestedMacros(101);
    expect(first.ok && first.value.map((m) => m.id)).toEqual([5]);
    await client.reference.suggestedMacros(101);
    expect(requests).toHaveLength(1);
    expect(Object.fromEntries(requests[0]!.url.searchParams)).toMatchObject({ ticket_id: "101", order_by: "relevance:desc", limit: "3" });
    const other = await client.reference.suggestedMacros(102);
    expect(other.ok && other.value.map((m) => m.id)).toEqual([6]);
    expect(requests).toHaveLength(2);
  });
});
