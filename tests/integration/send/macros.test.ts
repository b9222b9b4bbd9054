/**
 * Macros that act, over real HTTP against the sandbox (docs/safety.md#macros): the request log
 * shows one ticket PUT with every field, tags by POST, the message with macros:[{id}], the note
 * once; a macro the Desk must refuse writes nothing; failed actions are retried without the message.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Store } from "@/lib/db";
import { AppliedMacroInput, ApplyMacroInput, SendReplyInput } from "@/lib/domain/contract/inputs";
import type { Macro } from "@/lib/domain/macro";
import { planMacro } from "@/lib/domain/macro-actions";
import { MACRO_CHANGED_MESSAGE } from "@/lib/domain/send";
import { sendReply } from "@/features/composer/server/send/messages";
import { applyMacro } from "@/features/composer/server/send/apply-macro";
import { ticketDrafts } from "@/features/composer/server/drafts";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, type TestTarget } from "../db/harness";
import { agentFor, emailTickets, lastId, losingFetch, must, sendContext, thread } from "./setup";

vi.mock("server-only", () => ({}));

let sb: TestSandbox;
let target: TestTarget;
let store: Store;
let who: Awaited<ReturnType<typeof agentFor>>;

beforeAll(async () => {
  sb = await startTestSandbox({ sendDelayMs: 20 });
  target = await pgliteTarget();
  store = await target.open();
});
afterAll(async () => {
  await sb?.close();
  await store?.close();
  await target?.cleanup();
});
beforeEach(async () => {
  await sb.control.reset();
  who = await agentFor(sb);
});

async function macroNamed(name: string): Promise<Macro> {
  const found = must(await who.gorgias.macros.list({ search: name, limit: 5 })).items.find((m) => m.name === name);
  if (!found) throw new Error(`no macro ${name} in the seed`);
  return found;
}

/** What the composer sends after a preview: the macro's id, the plan's fingerprint, the note it showed. */
const applied = (m: Macro, noteText: string | null = null) => AppliedMacroInput.parse({ id: m.id, fingerprint: planMacro(m).fingerprint, noteText });

const writes = async (ticketId: number) =>
  (await sb.control.requests()).filter((r) => r.method !== "GET" && r.path.startsWith(`/api/tickets/${ticketId}`));

async function replyWith(macro: AppliedMacroInput, over: Record<string, unknown> = {}) {
  const [ticket] = await emailTickets(who.gorgias, 1);
  const t = ticket!;
  await sb.control.clearRequests();
  const input = SendReplyInput.parse({
    ticketId: t.id,
    operationId: randomUUID(),
    bodyText: "Hi — a replacement ships today.",
    lastSeenMessageId: lastId(await thread(who.gorgias, t.id)),
    macro,
    ...over,
  });
  await sb.control.clearRequests();
  return { ticket: t, input, result: await sendReply(sendContext(store, who), input) };
}

describe("a macro applied with a reply", () => {
  it("sends the message with macros:[{id}], then one PUT with every field and tags by POST", async () => {
    const macro = await macroNamed("Replacement on its way");
    const plan = planMacro(macro);
    const { ticket, input, result } = await replyWith(applied(macro));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.value.macro).toEqual({ macroId: macro.id, name: macro.name, applied: true });
    expect(result.value.ticketStatus).toBe("closed");

    const log = await writes(ticket.id);
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /api/tickets/${ticket.id}/messages`, `PUT /api/tickets/${ticket.id}`, `POST /api/tickets/${ticket.id}/tags`]);
    // The rendered reply, then the integration's signature (docs/safety.md#signature).
    expect(log[0]!.body).toMatchObject({ macros: [{ id: macro.id }], external_id: input.operationId });
    expect((log[0]!.body as { body_text: string }).body_text.startsWith(`${input.bodyText}\n`)).toBe(true);
    expect(log[1]!.body).toEqual({ status: "closed", assignee_user: { id: plan.fields.assigneeUserId } });
    expect(log[2]!.body).toEqual({ names: ["damaged", "vip"] });

    const after = must(await who.gorgias.tickets.get(ticket.id));
    expect(after.assigneeUser?.id).toBe(plan.fields.assigneeUserId);
    expect(after.tags.map((t) => t.name)).toEqual(expect.arrayContaining(["damaged", "vip"]));
    const sent = (await thread(who.gorgias, ticket.id)).find((m) => m.externalId === input.operationId);
    expect(sent).toBeDefined();
  });

  it("reads as still sending to a polling browser until the macro's actions have reported", async () => {
    const macro = await macroNamed("Replacement on its way");
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = SendReplyInput.parse({
      ticketId: ticket!.id,
      operationId: randomUUID(),
      bodyText: "Hi — a replacement ships today.",
      lastSeenMessageId: lastId(await thread(who.gorgias, ticket!.id)),
      macro: applied(macro),
    });
    const drafts = { db: store.db, agentId: who.agent.agentId, inFlightStaleMs: 60_000 };
    const seen: string[] = [];
    // The message is confirmed and shared before its follow-ups run: what a poll sees then.
    const share = {
      ticket: async () => {},
      knownMessages: async () => null,
      message: async () => {
        if (seen.length > 0) return;
        seen.push((await ticketDrafts(drafts, input.ticketId, [input.operationId])).sends[0]!.state);
        const later = () => new Date(Date.now() + 60_000);
        seen.push((await ticketDrafts({ ...drafts, now: later }, input.ticketId, [input.operationId])).sends[0]!.state);
      },
    };
    const result = await sendReply({ ...sendContext(store, who), share }, input);
    expect(result.ok && result.value.macro?.applied).toBe(true);
    // Provisional while the request runs; past the in-flight window its request is presumed dead.
    expect(seen).toEqual(["sending", "sent"]);
    expect((await ticketDrafts(drafts, input.ticketId, [input.operationId])).sends[0]!.state).toBe("sent");
  });

  it("performs its actions when Check again finds the message a lost answer left unconfirmed", async () => {
    const macro = await macroNamed("Escalate to VIP team");
    const note = "Escalated to VIP & Escalations: Jane needs a personal follow-up today.";
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = SendReplyInput.parse({
      ticketId: ticket!.id,
      operationId: randomUUID(),
      bodyText: "Hi — a replacement ships today.",
      lastSeenMessageId: lastId(await thread(who.gorgias, ticket!.id)),
      macro: applied(macro, note),
    });
    // The POST lands but its answer is lost, and this request reads nothing back: unknown.
    const lossy = { ...who, gorgias: (await agentFor(sb, "admin", losingFetch((m, p) => m === "POST" && p.endsWith(`/tickets/${ticket!.id}/messages`), "reset"))).gorgias };
    const first = await sendReply(sendContext(store, lossy, { readBackDelaysMs: [] }), input);
    expect(first).toMatchObject({ ok: false, error: { code: "outcome_unknown" } });
    // Check again: the read-back finds the message before anything is prepared.
    const again = await sendReply(sendContext(store, who), input);
    expect(again.ok && again.value.alreadySent).toBe(true);
    expect(again.ok && again.value.macro).toEqual({ macroId: macro.id, name: macro.name, applied: true });
    expect((await writes(ticket!.id)).filter((r) => r.method === "PUT")).toHaveLength(1);
    expect((await thread(who.gorgias, ticket!.id)).filter((m) => m.channel === "internal-note" && m.bodyText === note)).toHaveLength(1);
  });

  it("team, priority, assignee in one PUT, and the note posted once, even when the send is repeated", async () => {
    const macro = await macroNamed("Escalate to VIP team");
    const plan = planMacro(macro);
    const note = "Escalated to VIP & Escalations: Jane needs a personal follow-up today.";
    const { ticket, input, result } = await replyWith(applied(macro, note));
    expect(result.ok && result.value.macro?.applied).toBe(true);
    const again = await sendReply(sendContext(store, who), input);
    expect(again.ok && again.value.alreadySent).toBe(true);

    const log = await writes(ticket.id);
    const puts = log.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]!.body).toEqual({ priority: "high", assignee_user: { id: plan.fields.assigneeUserId }, assignee_team: { id: plan.fields.assigneeTeamId } });
    const notes = (await thread(who.gorgias, ticket.id)).filter((m) => m.channel === "internal-note" && m.bodyText === note);
    expect(notes).toHaveLength(1);
    expect(log.filter((r) => r.method === "POST" && r.path.endsWith("/messages"))).toHaveLength(2);
  });

  it("snoozes: the PUT closes the ticket with a wake time as far ahead as the macro says", async () => {
    const macro = await macroNamed("Waiting on the carrier");
    const before = Date.now();
    const { ticket, result } = await replyWith(applied(macro));
    expect(result.ok && result.value.macro?.applied).toBe(true);
    const put = (await writes(ticket.id)).find((r) => r.method === "PUT")!;
    const body = put.body as { status: string; snooze_datetime: string };
    expect(body.status).toBe("closed");
    const wake = Date.parse(body.snooze_datetime) - before;
    expect(wake).toBeGreaterThanOrEqual(2 * 86_400_000 - 1_000);
    expect(wake).toBeLessThan(2 * 86_400_000 + 60_000);
  });

  it("an HTTP-action macro is refused before anything: no message, no write", async () => {
    const macro = await macroNamed("Notify the warehouse");
    const { ticket, result } = await replyWith(applied(macro));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid_input");
    expect(result.error.message).toMatch(/HTTP hook/);
    expect(await writes(ticket.id)).toEqual([]);
  });

  it("a Shopify-action macro is refused the same way", async () => {
    const macro = await macroNamed("Refund last order (Shopify)");
    const { ticket, result } = await replyWith(applied(macro));
    expect(result.ok).toBe(false);
    expect(await writes(ticket.id)).toEqual([]);
  });

  it("a macro changed since the preview sends nothing", async () => {
    const macro = await macroNamed("Replacement on its way");
    const { ticket, result } = await replyWith({ ...applied(macro), fingerprint: "0000000000000000" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: "conflict", message: MACRO_CHANGED_MESSAGE });
    expect(await writes(ticket.id)).toEqual([]);
  });

  it("actions that fail after the message went out are reported, and retried without sending the message again", async () => {
    const macro = await macroNamed("Replacement on its way");
    const [ticket] = await emailTickets(who.gorgias, 1);
    await sb.control.fault({ method: "PUT", path: `/api/tickets/${ticket!.id}`, kind: "status", status: 400, count: 1 });
    const { input, result } = await replyWith(applied(macro), { ticketId: ticket!.id, lastSeenMessageId: lastId(await thread(who.gorgias, ticket!.id)) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.macro).toMatchObject({ applied: false, error: expect.stringContaining("not updated") });
    // The record keeps it: a replay of the same send says the same, posting nothing.
    const replay = await sendReply(sendContext(store, who), input);
    expect(replay.ok && replay.value.macro?.applied).toBe(false);

    const retry = await applyMacro(sendContext(store, who), ApplyMacroInput.parse({ ticketId: input.ticketId, operationId: input.operationId, macro: input.macro }));
    expect(retry.ok && retry.value.macro.applied).toBe(true);
    expect(retry.ok && retry.value.ticketStatus).toBe("closed");
    const log = await writes(input.ticketId);
    expect(log.filter((r) => r.method === "POST" && r.path.endsWith("/messages"))).toHaveLength(1);
    expect(log.filter((r) => r.method === "PUT")).toHaveLength(2);
  });

  it("applied again after Send & Snooze, the update closes the ticket with the snooze's wake time", async () => {
    const macro = await macroNamed("Replacement on its way");
    const [ticket] = await emailTickets(who.gorgias, 1);
    await sb.control.clearRequests();
    const snoozeUntil = new Date(Date.now() + 86_400_000).toISOString();
    const retry = await applyMacro(sendContext(store, who), ApplyMacroInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), macro: applied(macro), snoozeUntil }));
    expect(retry.ok && retry.value.ticketStatus).toBe("closed");
    const put = (await writes(ticket!.id)).find((r) => r.method === "PUT")!;
    expect(put.body).toMatchObject({ status: "closed", snooze_datetime: snoozeUntil });
  });
});

describe("a macro without reply text", () => {
  it("applies its actions at once: tags removed by DELETE, priority by PUT, the note once per operation id", async () => {
    const macro = await macroNamed("Triage: not urgent");
    expect(planMacro(macro).replyTemplate).toBeNull();
    const [ticket] = await emailTickets(who.gorgias, 1);
    await sb.control.clearRequests();
    const input = ApplyMacroInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), macro: applied(macro, "Triaged: not urgent, no reply needed yet.") });
    const first = await applyMacro(sendContext(store, who), input);
    expect(first.ok && first.value.macro.applied).toBe(true);
    const second = await applyMacro(sendContext(store, who), input);
    expect(second.ok && second.value.macro.applied).toBe(true);
    const log = await writes(ticket!.id);
    expect(log.filter((r) => r.method === "DELETE")[0]?.body).toEqual({ names: ["urgent"] });
    expect(log.filter((r) => r.method === "PUT")[0]?.body).toEqual({ priority: "low" });
    expect(log.filter((r) => r.method === "POST" && r.path.endsWith("/messages"))).toHaveLength(1);
    expect(log.some((r) => r.method === "PUT" && r.path.endsWith("/tags"))).toBe(false);
  });

  it("an observer is refused before anything is written", async () => {
    const observer = await agentFor(sb, "observer-agent");
    const macro = await macroNamed("Triage: not urgent");
    const [ticket] = await emailTickets(who.gorgias, 1);
    await sb.control.clearRequests();
    const r = await applyMacro(sendContext(store, observer), ApplyMacroInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), macro: applied(macro, "x") }));
    expect(r.ok).toBe(false);
    expect(await writes(ticket!.id)).toEqual([]);
  });
});
