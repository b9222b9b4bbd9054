/**
 * The ticket's day actions against the sandbox as Gorgias: snooze (closed + snooze_datetime),
 * unsnooze, priority, spam, trash and restore through the ticket update, tags through
 * `POST`/`DELETE …/tags` and never `PUT`, and Send & Snooze through the send pipeline. Each is
 * checked on Gorgias's side: the request log, the ticket, and the events Gorgias records.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Store } from "@/lib/db";
import { SendReplyInput, TicketTagsInput, UpdateTicketInput } from "@/lib/domain/contract/inputs";
import { sendReply } from "@/features/composer/server/send/messages";
import { changeTicketTags, updateTicketFields } from "@/features/ticket/server/update-ticket";
import { clearReferenceCache } from "@/lib/gorgias/reference";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, postgresTarget, testDatabaseUrl, type TestTarget } from "../db/harness";
import { agentFor, emailTickets, lastId, must, sendContext, thread } from "../send/setup";

vi.mock("server-only", () => ({}));

let sb: TestSandbox;
let target: TestTarget;
let store: Store;
let who: Awaited<ReturnType<typeof agentFor>>;

beforeAll(async () => {
  sb = await startTestSandbox({ sendDelayMs: 20 });
  target = testDatabaseUrl ? await postgresTarget(testDatabaseUrl) : await pgliteTarget();
  store = await target.open();
});
afterAll(async () => {
  await sb?.close();
  await store?.close();
  await target?.cleanup();
});
beforeEach(async () => {
  await sb.control.reset();
  clearReferenceCache();
  who = await agentFor(sb);
});

const ctx = () => ({ db: store.db, gorgias: who.gorgias, agent: who.agent });
const update = async (input: Record<string, unknown>) => must(await updateTicketFields(ctx(), UpdateTicketInput.parse(input)));
const ticketPuts = async (id: number) => (await sb.control.requests()).filter((r) => r.method === "PUT" && r.path === `/api/tickets/${id}`).map((r) => r.body as Record<string, unknown>);
const eventTypes = async (id: number) => must(await who.gorgias.events.list({ objectId: id, limit: 100 })).items.map((e) => e.type);
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

describe("snooze", () => {
  it("a snooze is sent as status closed with snooze_datetime; Gorgias records ticket-snoozed; unsnooze reopens", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const until = inAWeek();
    const snoozed = await update({ ticketId: ticket!.id, snoozeUntil: until });
    expect(snoozed).toMatchObject({ status: "closed" });
    expect(Date.parse(snoozed.snoozedUntil!)).toBe(Date.parse(until));
    expect(await ticketPuts(ticket!.id)).toEqual([{ status: "closed", snooze_datetime: until }]);
    expect(await eventTypes(ticket!.id)).toContain("ticket-snoozed");

    await sb.control.clearRequests();
    const woken = await update({ ticketId: ticket!.id, status: "open", snoozeUntil: null });
    expect(woken).toMatchObject({ status: "open", snoozedUntil: null });
    expect(await ticketPuts(ticket!.id)).toEqual([{ status: "open", snooze_datetime: null }]);
  });

  it("a snooze with status open is refused before Gorgias is asked", () => {
    expect(UpdateTicketInput.safeParse({ ticketId: 1, status: "open", snoozeUntil: inAWeek() }).success).toBe(false);
  });
});

describe("priority, spam and trash", () => {
  it("each is one absolute field on the ticket update, and Gorgias records what it names", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const id = ticket!.id;
    expect(await update({ ticketId: id, priority: "critical" })).toMatchObject({ priority: "critical" });
    expect(await update({ ticketId: id, spam: true })).toMatchObject({ spam: true });
    expect(await update({ ticketId: id, spam: false })).toMatchObject({ spam: false });
    const trashed = await update({ ticketId: id, trashed: true });
    expect(trashed.trashedAt).not.toBeNull();
    expect(await update({ ticketId: id, trashed: false })).toMatchObject({ trashedAt: null });

    const puts = await ticketPuts(id);
    expect(puts[0]).toEqual({ priority: "critical" });
    expect(puts[1]).toEqual({ spam: true });
    expect(puts[2]).toEqual({ spam: false });
    expect(Object.keys(puts[3]!)).toEqual(["trashed_datetime"]);
    expect(Date.parse(puts[3]!.trashed_datetime as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(puts[4]).toEqual({ trashed_datetime: null });
    const types = await eventTypes(id);
    for (const t of ["ticket-marked-spam", "ticket-unmarked-spam", "ticket-trashed", "ticket-untrashed"]) expect(types).toContain(t);
  });

  it("spam and trashed tickets leave the open view; the Spam and Trash views hold them", async () => {
    const [a, b] = await emailTickets(who.gorgias, 2);
    await update({ ticketId: a!.id, spam: true });
    await update({ ticketId: b!.id, trashed: true });
    const views = must(await who.gorgias.views.list()).items;
    const idsIn = async (name: string) => {
      const view = views.find((v) => v.name === name)!;
      return must(await who.gorgias.tickets.list({ viewId: view.id, limit: 100, trashed: true })).items.map((t) => t.id);
    };
    const spamView = await idsIn("Spam");
    expect(spamView).toContain(a!.id);
    const trashView = await idsIn("Trash");
    expect(trashView).toContain(b!.id);
  });
});

describe("tags", () => {
  it("adds by name (creating the tag) and removes through POST and DELETE, never PUT", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const id = ticket!.id;
    const name = `vip-${randomUUID().slice(0, 6)}`;
    const input = TicketTagsInput.parse({ ticketId: id, add: [name] });
    must(await changeTicketTags(ctx(), id, { add: input.add, remove: input.remove }));
    expect(must(await who.gorgias.tickets.get(id)).tags.map((t) => t.name)).toContain(name);
    expect(must(await who.gorgias.tags.list({ search: name })).items.map((t) => t.name)).toEqual([name]);

    must(await changeTicketTags(ctx(), id, { add: [], remove: [name] }));
    expect(must(await who.gorgias.tickets.get(id)).tags.map((t) => t.name)).not.toContain(name);

    const tagWrites = (await sb.control.requests()).filter((r) => r.path === `/api/tickets/${id}/tags` && r.method !== "GET");
    expect(tagWrites.map((r) => [r.method, r.body])).toEqual([
      ["POST", { names: [name] }],
      ["DELETE", { names: [name] }],
    ]);
    // Neither the tag endpoint's PUT nor a ticket PUT carrying `tags` (both replace the set).
    const puts = (await sb.control.requests()).filter((r) => r.method === "PUT");
    expect(puts.filter((r) => r.path.endsWith("/tags") || (r.body as Record<string, unknown> | null)?.tags !== undefined)).toEqual([]);
    const types = await eventTypes(id);
    expect(types).toContain("ticket-tags-added");
    expect(types).toContain("ticket-tags-removed");
  });

  it("a rule's tag added meanwhile survives the agent's change", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const id = ticket!.id;
    must(await who.gorgias.tags.addToTicket(id, { names: ["rule-added"] }));
    must(await changeTicketTags(ctx(), id, { add: ["agent-added"], remove: [] }));
    const names = must(await who.gorgias.tickets.get(id)).tags.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["rule-added", "agent-added"]));
  });

  it("an empty change is refused by the input", () => {
    expect(TicketTagsInput.safeParse({ ticketId: 1 }).success).toBe(false);
  });
});

describe("Send & Snooze", () => {
  it("the reply reaches the outbox once, then the ticket is closed with its snooze time", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const id = ticket!.id;
    const until = inAWeek();
    const input = SendReplyInput.parse({ ticketId: id, operationId: randomUUID(), bodyText: "Sent, and back to you next week.", lastSeenMessageId: lastId(await thread(who.gorgias, id)), snoozeUntil: until });
    const outcome = must(await sendReply(sendContext(store, who), input));
    expect(outcome).toMatchObject({ closed: true, ticketStatus: "closed", snoozedUntil: until });
    // A retry of the same operation sends nothing more.
    must(await sendReply(sendContext(store, who), input));

    // The sandbox's mail queue delivers after the answer: wait for it before reading the outbox.
    await sb.control.flush();
    const outbox = (await sb.control.outbox()).filter((e) => e.external_id === input.operationId);
    expect(outbox).toHaveLength(1);
    const puts = await ticketPuts(id);
    expect(puts[0]).toMatchObject({ status: "closed", snooze_datetime: until });
    const after = must(await who.gorgias.tickets.get(id));
    expect(after.status).toBe("closed");
    expect(Date.parse(after.snoozedUntil!)).toBe(Date.parse(until));
  });
});
