/**
 * Assistants' requests in the account's budget (docs/safety.md#assistant-budget): the lowest lane,
 * with the largest reserve, a client-wide lane override, no coalescing with agents' reads, and a
 * second bucket per token.
 */
import { describe, expect, it } from "vitest";
import { BudgetScheduler, type BudgetLedger, type Priority } from "@/lib/gorgias/budget";
import { message } from "./fixtures";
import { json, scriptedFetch, testClient, ManualClock } from "./helpers";

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("the assistant lane", () => {
  it("starts only while 16 slots stay free, and never before an agent's waiting request", async () => {
    const clock = new ManualClock();
    const budget = new BudgetScheduler({ clock, capacity: 40, windowMs: 20_000 });
    const order: string[] = [];
    const start = (p: Priority) => budget.acquire(p).then(() => void order.push(p));
    budget.observe({ used: 25, limit: 40 }); // 15 free: below the assistant's reserve
    void start("assistant");
    await start("refresh");
    await flush();
    expect(order).toEqual(["refresh"]);
    budget.observe({ used: 40, limit: 40 });
    void start("read");
    await flush();
    // The bucket leaks one slot per 500 ms: the read goes once 4 are free, the assistant once 16 are.
    clock.advance(2_000);
    await flush();
    expect(order).toEqual(["refresh", "read"]);
    clock.advance(6_000);
    await flush();
    expect(order).toEqual(["refresh", "read"]);
    clock.advance(500);
    await flush();
    expect(order).toEqual(["refresh", "read", "assistant"]);
  });

  it("with a shared ledger, an assistant told to wait does not hold back an agent's request", async () => {
    const clock = new ManualClock();
    // The shared bucket has 10 slots free: too few for the assistant's reserve, plenty for a read.
    const asked: number[] = [];
    const ledger: BudgetLedger = {
      tryTake: async (_key, bucket) => {
        asked.push(bucket.minFree);
        return { waitMs: bucket.minFree > 10 ? 3_000 : 0 };
      },
      pause: async () => undefined,
      observe: async () => undefined,
    };
    const budget = new BudgetScheduler({ clock, capacity: 40, windowMs: 20_000, ledger });
    const order: string[] = [];
    void budget.acquire("assistant").then(() => order.push("assistant"));
    await flush();
    expect(asked).toEqual([16]);
    void budget.acquire("read").then(() => order.push("read"));
    await flush();
    await flush();
    expect(order).toEqual(["read"]);
    expect(asked).toEqual([16, 4]);
  });

  it("is every request's lane for a client made with it, and its GETs are not shared with an agent's", async () => {
    let release: (r: Response) => void = () => undefined;
    const { fetch, requests } = scriptedFetch(() => new Promise<Response>((resolve) => (release = resolve)));
    const clock = new ManualClock();
    const budget = new BudgetScheduler({ clock, capacity: 40, windowMs: 20_000 });
    const agent = testClient(fetch, { budget });
    const assistant = testClient(fetch, { budget, lane: "assistant" });
    budget.observe({ used: 30, limit: 40 }); // room for the agent's read, not for the assistant
    const mine = assistant.client.messages.get(1, 2, { priority: "send" });
    await flush();
    expect(budget.snapshot().waiting.assistant).toBe(1);
    const theirs = agent.client.messages.get(1, 2);
    await flush();
    // The agent's identical read went out on its own instead of waiting on the queued one.
    expect(requests).toHaveLength(1);
    release(json(message));
    expect((await theirs).ok).toBe(true);
    clock.advance(20_000);
    await flush();
    release(json(message));
    expect((await mine).ok).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it("a gate caps one client's requests however much room the account has", async () => {
    const { fetch, requests } = scriptedFetch(json(message));
    const clock = new ManualClock();
    const gate = new BudgetScheduler({ clock, capacity: 3, windowMs: 20_000, minFree: { assistant: 1 } });
    const { client } = testClient(fetch, { lane: "assistant", gate });
    const calls = Array.from({ length: 5 }, (_, i) => client.messages.get(1, i + 1));
    await flush();
    await flush();
    expect(requests).toHaveLength(3);
    expect(gate.snapshot().waiting.assistant).toBe(2);
    clock.advance(20_000);
    await Promise.all(calls);
    expect(requests).toHaveLength(5);
  });
});
