import { describe, expect, it, vi } from "vitest";
import { BudgetScheduler } from "@/lib/gorgias/budget";
import { user } from "@/tests/unit/gorgias/fixtures";
import { json, ManualClock, scriptedFetch, testClient } from "@/tests/unit/gorgias/helpers";

vi.mock("server-only", () => ({}));
const { verifyKey } = await import("@/lib/auth/verify-with-gorgias");

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const clock = new ManualClock();
  const budget = new BudgetScheduler({ clock });
  const { fetch, requests } = scriptedFetch(json(user));
  const { client } = testClient(fetch, { budget });
  return { clock, budget, client, requests };
}

describe("verifying a visitor's key", () => {
  it("waits in the sign-in lane: not while the team needs the last 12 slots", async () => {
    const { clock, budget, client, requests } = setup();
    budget.observe({ used: 30, limit: 40 });
    const verified = verifyKey(client);
    await flush();
    expect(budget.snapshot().waiting.signin).toBe(1);
    expect(requests).toHaveLength(0);
    clock.advance(1_000);
    expect(await verified).toMatchObject({ ok: true, agent: { gorgiasUserId: user.id } });
    expect(requests).toHaveLength(1);
  });

  it("a visitor who goes away takes their queued check with them: it never reaches Gorgias", async () => {
    const { clock, budget, client, requests } = setup();
    budget.observe({ used: 36, limit: 40 });
    const visitor = new AbortController();
    const verified = verifyKey(client, visitor.signal);
    await flush();
    expect(budget.snapshot().waiting.signin).toBe(1);
    visitor.abort();
    expect(await verified).toMatchObject({ ok: false, reason: "unavailable" });
    expect(budget.snapshot().waiting.signin).toBe(0);
    clock.advance(60_000);
    await flush();
    expect(requests).toHaveLength(0);
  });

  it("fails fast as busy, with the time, when the lane cannot take it soon", async () => {
    const { budget, client, requests } = setup();
    budget.pause(20);
    expect(await verifyKey(client)).toEqual({ ok: false, reason: "busy", detail: expect.stringContaining("rate_limited") as string, retryAfterSeconds: 20 });
    expect(requests).toHaveLength(0);
  });
});
