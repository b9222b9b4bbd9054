import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyTicketSignal } from "@/features/live/client/apply-signal";
import { FALLBACK_POLL_MS, pollUnlessLive, setLiveStatus } from "@/features/live/client/live-status";
import { ticketKeys } from "@/lib/client/query-keys";

const account = "demo";
const thread = (id: number, updatedAt: string) => ({ ticket: { id, updatedAt }, messages: [] });
const pages = (items: Array<{ id: number; updatedAt: string }>) => ({ pages: [{ items, nextCursor: null }], pageParams: [null] });

function setup() {
  const client = new QueryClient();
  const listKey = ticketKeys.list(account, { viewId: 1 });
  client.setQueryData([...ticketKeys.detail(account, 7), { theme: "light" }], thread(7, "v2"));
  client.setQueryData([...ticketKeys.detail(account, 8), { theme: "light" }], thread(8, "v1"));
  client.setQueryData(listKey, pages([{ id: 7, updatedAt: "v2" }]));
  client.setQueryData([...listKey, "head"], { items: [], nextCursor: null });
  const stale = () =>
    client
      .getQueryCache()
      .findAll({ queryKey: ticketKeys.all(account) })
      .filter((q) => q.isStale() && q.state.isInvalidated)
      .map((q) => JSON.stringify(q.queryKey));
  return { client, stale, listKey };
}

describe("applying a ticket signal", () => {
  it("re-reads nothing that already shows that version", async () => {
    const { client, stale } = setup();
    await applyTicketSignal(client, account, 7, "v2");
    expect(stale()).toEqual([]);
  });

  it("re-reads the changed thread and each list's first page, never another ticket's thread", async () => {
    const { client, stale, listKey } = setup();
    await applyTicketSignal(client, account, 7, "v3");
    expect(stale().sort()).toEqual([JSON.stringify([...ticketKeys.detail(account, 7), { theme: "light" }]), JSON.stringify([...listKey, "head"])].sort());
  });

  it("a ticket no list holds yet may belong to one: the first pages re-read", async () => {
    const { client, stale, listKey } = setup();
    await applyTicketSignal(client, account, 99, "v1");
    expect(stale()).toEqual([JSON.stringify([...listKey, "head"])]);
  });
});

describe("polling beside the live stream", () => {
  it("stops while the stream is live, and falls back to a slow interval otherwise", () => {
    setLiveStatus("live");
    expect(pollUnlessLive()).toBe(false);
    setLiveStatus("down");
    expect(pollUnlessLive()).toBe(FALLBACK_POLL_MS);
    setLiveStatus("off");
    expect(pollUnlessLive()).toBe(FALLBACK_POLL_MS);
  });
});

describe("a signal during the agent's own change", () => {
  it("leaves the thread to the change's own settle, so an older read never shows in between", async () => {
    const { client, stale } = setup();
    let release!: () => void;
    const pending = client
      .getMutationCache()
      .build(client, { mutationKey: ["ticket-update", account, 7], mutationFn: () => new Promise<void>((r) => (release = r)) })
      .execute(undefined);
    await applyTicketSignal(client, account, 7, "v3");
    expect(stale().filter((k) => k.includes('"detail"'))).toEqual([]);
    release();
    await pending;
  });
});
