import { afterEach, describe, expect, it, vi } from "vitest";
import { BudgetScheduler, BudgetShedError, budgetFor, resetBudgets, type Priority } from "@/lib/gorgias/budget";
import { ManualClock } from "./helpers";

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(capacity = 40) {
  const clock = new ManualClock();
  const budget = new BudgetScheduler({ clock, capacity, windowMs: 20_000 });
  const order: string[] = [];
  const start = (priority: Priority, name: string = priority) => budget.acquire(priority).then(() => void order.push(name));
  return { clock, budget, order, start };
}

describe("budget scheduler", () => {
  afterEach(() => resetBudgets());

  it("lets requests through while the bucket has room", async () => {
    const { budget, order, start } = setup();
    await Promise.all(Array.from({ length: 20 }, (_, i) => start("read", `r${i}`)));
    expect(order).toHaveLength(20);
    expect(budget.snapshot().level).toBe(20);
  });

  it("lower lanes keep a reserve: prefetch is shed, refresh waits, sends still go", async () => {
    const { budget, order, start } = setup();
    budget.observe({ used: 33, limit: 40 }); // 7 free
    await expect(budget.acquire("prefetch")).rejects.toBeInstanceOf(BudgetShedError);
    void start("refresh");
    await start("read");
    await start("send");
    await flush();
    expect(order).toEqual(["read", "send"]);
    expect(budget.snapshot().waiting.refresh).toBe(1);
  });

  it("releases waiters by priority as the bucket leaks, not by arrival", async () => {
    const { clock, budget, order, start } = setup();
    budget.observe({ used: 40, limit: 40 });
    void start("refresh", "refresh");
    void start("read", "read");
    void start("write", "write");
    void start("send", "send");
    await flush();
    expect(order).toEqual([]);
    // 40 per 20 s leaks one slot every 500 ms.
    clock.advance(500);
    await flush();
    expect(order).toEqual(["send"]);
    clock.advance(1_000);
    await flush();
    expect(order).toEqual(["send", "write"]);
    clock.advance(20_000);
    await flush();
    expect(order).toEqual(["send", "write", "read", "refresh"]);
  });

  it("after a 429 everything waits Retry-After", async () => {
    const { clock, budget, order, start } = setup();
    budget.pause(3);
    void start("send");
    await flush();
    clock.advance(2_999);
    await flush();
    expect(order).toEqual([]);
    clock.advance(1);
    await flush();
    expect(order).toEqual(["send"]);
  });

  it("honours a Retry-After of 30 s at most: the bucket drains within its window, and the next request asks again", async () => {
    const { clock, budget, order, start } = setup();
    expect(budget.pause(120)).toBe(30);
    expect(budget.snapshot().pausedForMs).toBe(30_000);
    clock.advance(20_000);
    void start("send");
    clock.advance(9_999);
    await flush();
    expect(order).toEqual([]);
    clock.advance(1);
    await flush();
    expect(order).toEqual(["send"]);
  });

  it("a read that cannot start within 10 s ends busy with the time to try again: at once when the pause says so", async () => {
    const { budget } = setup();
    budget.pause(12);
    const shed = await budget.acquire("read").catch((e: unknown) => e);
    expect(shed).toBeInstanceOf(BudgetShedError);
    expect(shed).toMatchObject({ retryAfterSeconds: 12, priority: "read" });
    expect(budget.snapshot().waiting.read).toBe(0);
  });

  it("a read that waits its 10 s behind more urgent work leaves the queue busy, not hanging", async () => {
    const { clock, budget, order, start } = setup();
    budget.observe({ used: 40, limit: 40 });
    // 25 sends take a slot each as the bucket leaks (one per 500 ms): 12.5 s of work ahead of the read.
    for (let i = 0; i < 25; i++) void start("send", `s${i}`);
    const read = budget.acquire("read").catch((e: unknown) => e);
    clock.advance(9_999);
    await flush();
    expect(budget.snapshot().waiting.read).toBe(1);
    clock.advance(1);
    expect(await read).toBeInstanceOf(BudgetShedError);
    expect(budget.snapshot().waiting.read).toBe(0);
    expect(order).toHaveLength(20);
  });

  it("the sign-in lane is the lowest: it keeps 12 slots for the team and goes after every waiting agent request", async () => {
    const { clock, budget, order, start } = setup();
    budget.observe({ used: 33, limit: 40 }); // 7 free: enough for a read, not for a refresh or a sign-in check
    void start("signin");
    await start("read");
    void start("refresh");
    await flush();
    expect(order).toEqual(["read"]);
    // The refresh (8 free) arrived after the sign-in check but goes first; the check needs 12 free.
    clock.advance(999);
    await flush();
    expect(order).toEqual(["read"]);
    clock.advance(1);
    await flush();
    expect(order).toEqual(["read", "refresh"]);
    clock.advance(2_499);
    await flush();
    expect(order).toEqual(["read", "refresh"]);
    clock.advance(1);
    await flush();
    expect(order).toEqual(["read", "refresh", "signin"]);
  });

  it("the sign-in lane is bounded: 4 waiting per process, 5 s each, then busy", async () => {
    const { clock, budget } = setup();
    budget.observe({ used: 33, limit: 40 });
    const waiting = Array.from({ length: 4 }, () =>
      budget.acquire("signin").then(
        () => "started",
        (e: unknown) => e,
      ),
    );
    await expect(budget.acquire("signin")).rejects.toBeInstanceOf(BudgetShedError);
    expect(budget.snapshot().waiting.signin).toBe(4);
    // Agents keep the bucket busy: the sign-in checks never see 12 free slots within their 5 s.
    for (let i = 0; i < 10; i++) void budget.acquire("send");
    clock.advance(4_999);
    await flush();
    expect(budget.snapshot().waiting.signin).toBe(4);
    clock.advance(1);
    const outcomes = await Promise.all(waiting);
    expect(outcomes.every((o) => o instanceof BudgetShedError)).toBe(true);
    expect(budget.snapshot().waiting.signin).toBe(0);
  });

  it("a sign-in check that would wait longer than 5 s is turned away at once", async () => {
    const { budget } = setup();
    budget.pause(8);
    await expect(budget.acquire("signin")).rejects.toMatchObject({ retryAfterSeconds: 8 });
  });

  it("takes the account-wide count from the header (other agents' calls)", async () => {
    const { budget } = setup();
    budget.observe({ used: 38, limit: 40 });
    expect(budget.snapshot().level).toBe(38);
    expect(budget.lastCallLimit()).toEqual({ used: 38, limit: 40 });
    budget.observe({ used: 10, limit: 80 });
    expect(budget.snapshot().capacity).toBe(80);
  });

  it("a waiter can be cancelled", async () => {
    const { budget } = setup();
    budget.observe({ used: 40, limit: 40 });
    const controller = new AbortController();
    const pending = budget.acquire("read", controller.signal);
    controller.abort(new Error("gone"));
    await expect(pending).rejects.toThrow("gone");
    expect(budget.snapshot().waiting.read).toBe(0);
  });

  it("coalesces identical keys while in flight, then forgets them", async () => {
    const { budget } = setup();
    let calls = 0;
    const work = () => new Promise<number>((r) => setTimeout(() => r(++calls), 5));
    const read = { priority: "read" } as const;
    const [a, b] = await Promise.all([budget.coalesce("k", read, work), budget.coalesce("k", read, work)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await budget.coalesce("k", read, work)).toBe(2);
  });

  it("one scheduler per account key", () => {
    expect(budgetFor("https://a.gorgias.com/api")).toBe(budgetFor("https://a.gorgias.com/api"));
    expect(budgetFor("https://a.gorgias.com/api")).not.toBe(budgetFor("https://b.gorgias.com/api"));
  });
});

describe("budget scheduler with a shared ledger", () => {
  function ledgerScript(answers: Array<number | Error>) {
    const asked: number[] = [];
    const paused: number[] = [];
    const ledger = {
      tryTake: async (_key: string, bucket: { minFree: number }) => {
        asked.push(bucket.minFree);
        const next = answers.shift() ?? 0;
        if (next instanceof Error) throw next;
        return { waitMs: next };
      },
      pause: async (_key: string, bucket: { forMs: number }) => void paused.push(bucket.forMs),
      observe: async () => undefined,
    };
    return { ledger, asked, paused };
  }

  it("starts a request only when the shared bucket grants it, asking again after the wait it names", async () => {
    const clock = new ManualClock();
    const { ledger, asked } = ledgerScript([500, 0]);
    const budget = new BudgetScheduler({ clock, capacity: 40, windowMs: 20_000, ledger });
    let started = false;
    const acquired = budget.acquire("read").then(() => void (started = true));
    await flush();
    expect(started).toBe(false);
    expect(asked).toEqual([4]); // the read lane's reserve travels with the question
    clock.advance(499);
    await flush();
    expect(asked).toHaveLength(1);
    clock.advance(1);
    await acquired;
    expect(asked).toHaveLength(2);
    expect(budget.snapshot().level).toBeCloseTo(1, 1);
  });

  it("asks one question at a time, in priority order", async () => {
    const { ledger, asked } = ledgerScript([0, 0, 0]);
    const budget = new BudgetScheduler({ capacity: 40, windowMs: 20_000, ledger });
    const order: string[] = [];
    await Promise.all([
      budget.acquire("refresh").then(() => void order.push("refresh")),
      budget.acquire("send").then(() => void order.push("send")),
      budget.acquire("read").then(() => void order.push("read")),
    ]);
    // The first caller was already asking; the rest are granted by lane.
    expect(order).toEqual(["refresh", "send", "read"]);
    expect(asked).toEqual([8, 1, 4]);
  });

  it("a ledger that fails does not stop the desk: this instance's own estimate decides", async () => {
    const errors: unknown[] = [];
    const { ledger } = ledgerScript([new Error("connection refused")]);
    const budget = new BudgetScheduler({ capacity: 40, windowMs: 20_000, ledger, onLedgerError: (e) => errors.push(e) });
    await budget.acquire("read");
    expect(errors).toHaveLength(1);
  });

  it("a 429 pauses every instance through the ledger", async () => {
    const clock = new ManualClock();
    const { ledger, paused } = ledgerScript([]);
    const budget = new BudgetScheduler({ clock, capacity: 40, windowMs: 20_000, ledger });
    budget.pause(7);
    await flush();
    expect(paused).toEqual([7000]);
  });
});

describe("the budget registry", () => {
  it("is one per process, shared by every copy of the module (Next bundles route handlers, pages and actions apart)", async () => {
    const first = budgetFor("https://demo.gorgias.com/api");
    vi.resetModules();
    const again = await import("@/lib/gorgias/budget");
    expect(again.budgetFor("https://demo.gorgias.com/api")).toBe(first);
  });
});
