/**
 * Undo send against the sandbox (docs/safety.md#undo-send): a send waits on the server beside its
 * record, Undo within the window means it is never sent, Undo after says it went, and dispatchers
 * (two store connections on one PostgreSQL when TEST_DATABASE_URL is set) send each due record
 * exactly once, including one whose dispatching process died. The clock is injected: the tests
 * move it instead of waiting.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Store } from "@/lib/db";
import { claimDueSend, claimSendOperation, dueSendOperations, getDraftsForTicket, getSendOperation, saveDraft } from "@/lib/db";
import { AppliedMacroInput, SendReplyInput, SendNoteInput } from "@/lib/domain/contract/inputs";
import { planMacro } from "@/lib/domain/macro-actions";
import { isScheduled } from "@/lib/domain/send";
import { createSendDispatcher, type SendDispatcher } from "@/features/composer/server/send/dispatcher";
import { sendWithUndo, undoSend, type ScheduledMessage } from "@/features/composer/server/send/scheduled";
import { ticketDrafts } from "@/features/composer/server/drafts";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, postgresTarget, testDatabaseUrl, type TestTarget } from "../db/harness";
import { agentFor, emailTickets, lastId, messagePosts, must, sendContext, thread } from "./setup";

vi.mock("server-only", () => ({}));

const STALE_MS = 2_000;

let sb: TestSandbox;
let target: TestTarget;
let store: Store;
let second: Store;
let who: Awaited<ReturnType<typeof agentFor>>;
let clock: number;
const now = () => new Date(clock);
const dispatchers: SendDispatcher[] = [];

beforeAll(async () => {
  sb = await startTestSandbox({ sendDelayMs: 20 });
  target = testDatabaseUrl ? await postgresTarget(testDatabaseUrl) : await pgliteTarget();
  store = await target.open();
  // A second connection pool on the same database stands for a second instance (PGlite is one process's).
  second = target.label === "postgres" ? await target.open() : store;
});
afterAll(async () => {
  for (const d of dispatchers) d.stop();
  await sb?.close();
  if (second !== store) await second?.close();
  await store?.close();
  await target?.cleanup();
});
beforeEach(async () => {
  await sb.control.reset();
  who = await agentFor(sb);
  clock = Date.now();
});

const ctx = () => ({ ...sendContext(store, who, { inFlightStaleMs: STALE_MS }), now });

function dispatcherOn(db: Store): SendDispatcher {
  const d = createSendDispatcher({
    db: async () => db.db,
    contextFor: async (agentId) => (agentId === who.agent.agentId ? { gorgias: who.gorgias, agent: who.agent } : null),
    policy: { settleMs: 300, readBackDelaysMs: [0, 250], inFlightStaleMs: STALE_MS },
    // Driven by hand: the sweep timer must not run on its own clock.
    sweepEveryMs: 3_600_000,
    now,
    onError: (e) => {
      throw e;
    },
  });
  dispatchers.push(d);
  return d;
}

async function replyIn(undoSeconds: number, text = "Thanks — your refund is on its way."): Promise<ScheduledMessage & { mode: "reply" }> {
  const [ticket] = await emailTickets(who.gorgias, 1);
  const input = SendReplyInput.parse({
    ticketId: ticket!.id,
    operationId: randomUUID(),
    bodyText: text,
    lastSeenMessageId: lastId(await thread(who.gorgias, ticket!.id)),
    undoSeconds,
  });
  await saveDraft(store.db, { agentId: who.agent.agentId, ticketId: input.ticketId, mode: "reply", bodyText: input.bodyText, operationId: input.operationId, now: now() });
  return { mode: "reply", input };
}

async function schedule(message: ScheduledMessage) {
  const woken: Array<{ operationId: string; at: Date }> = [];
  const answer = await sendWithUndo(ctx(), message, (operationId, at) => woken.push({ operationId, at }));
  if (!answer.ok) throw new Error(answer.error.message);
  return { answer: answer.value, woken };
}

async function delivered(operationId: string) {
  await sb.control.flush();
  return (await sb.control.outbox()).filter((e) => e.external_id === operationId);
}

describe("a send with an undo window", () => {
  it("waits on the server: not in Gorgias before its time, sent once after it, its draft kept until then", async () => {
    const message = await replyIn(5);
    const { answer, woken } = await schedule(message);
    expect(isScheduled(answer)).toBe(true);
    expect(woken).toEqual([{ operationId: message.input.operationId, at: new Date(clock + 5_000) }]);
    const dispatcher = dispatcherOn(store);

    clock += 4_900;
    await dispatcher.sweep();
    expect(await dispatcher.dispatch(message.input.operationId)).toBe("skipped");
    expect(await messagePosts(sb, message.input.ticketId)).toHaveLength(0);
    expect(await delivered(message.input.operationId)).toHaveLength(0);
    expect((await getSendOperation(store.db, message.input.operationId))?.state).toBe("scheduled");
    expect(await getDraftsForTicket(store.db, who.agent.agentId, message.input.ticketId)).toHaveLength(1);
    const shown = await ticketDrafts({ db: store.db, agentId: who.agent.agentId }, message.input.ticketId, [message.input.operationId]);
    expect(shown.sends).toEqual([{ operationId: message.input.operationId, state: "waiting", sendAt: new Date(clock + 100).toISOString() }]);
    expect(shown.waiting).toEqual([
      { operationId: message.input.operationId, mode: "reply", bodyText: message.input.bodyText, sendAt: new Date(clock + 100).toISOString(), state: "waiting" },
    ]);

    clock += 200;
    await dispatcher.sweep();
    expect(await messagePosts(sb, message.input.ticketId)).toHaveLength(1);
    expect(await delivered(message.input.operationId)).toHaveLength(1);
    expect(await getSendOperation(store.db, message.input.operationId)).toMatchObject({ state: "succeeded", payload: null });
    expect(await getDraftsForTicket(store.db, who.agent.agentId, message.input.ticketId)).toEqual([]);
    expect((await ticketDrafts({ db: store.db, agentId: who.agent.agentId }, message.input.ticketId)).waiting).toEqual([]);

    // Sent: a repeat of the same send replays it, Undo says it went, nothing is posted again.
    const again = await sendWithUndo(ctx(), message, () => undefined);
    expect(again.ok && !isScheduled(again.value) && again.value.alreadySent).toBe(true);
    expect(await undoSend(ctx(), message.input.operationId)).toEqual({ ok: true, value: { outcome: "sent" } });
    expect(await messagePosts(sb, message.input.ticketId)).toHaveLength(1);
  });

  it("undone within the window is never sent, keeps its draft, and may be sent again with edited text", async () => {
    const message = await replyIn(5);
    await schedule(message);
    expect(await undoSend(ctx(), message.input.operationId)).toEqual({ ok: true, value: { outcome: "undone" } });
    const dispatcher = dispatcherOn(store);
    clock += 60_000;
    await dispatcher.sweep();
    expect(await dispatcher.dispatch(message.input.operationId)).toBe("skipped");
    expect(await messagePosts(sb, message.input.ticketId)).toHaveLength(0);
    expect(await delivered(message.input.operationId)).toHaveLength(0);
    expect(await getSendOperation(store.db, message.input.operationId)).toMatchObject({ state: "cancelled", payload: null });
    expect((await getDraftsForTicket(store.db, who.agent.agentId, message.input.ticketId))[0]?.bodyText).toBe(message.input.bodyText);
    // Undo is idempotent, and someone else's Undo does nothing.
    expect(await undoSend(ctx(), message.input.operationId)).toEqual({ ok: true, value: { outcome: "undone" } });
    expect(await undoSend({ ...ctx(), agent: { ...who.agent, agentId: randomUUID() } }, message.input.operationId)).toEqual({ ok: true, value: { outcome: "not_found" } });

    // The edited text takes the same id and waits again; then it is sent once.
    const edited = { mode: "reply" as const, input: { ...message.input, bodyText: "Edited: your refund went out today." } };
    await schedule(edited);
    clock += 5_000;
    await dispatcher.sweep();
    const out = await delivered(message.input.operationId);
    expect(out).toHaveLength(1);
    expect(out[0]?.body_text).toContain("Edited");
  });

  it("a note waits too; with 0 seconds a send goes at once", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const note = SendNoteInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), bodyText: "Checked with the warehouse.", undoSeconds: 10 });
    const { answer } = await schedule({ mode: "note", input: note });
    expect(isScheduled(answer) && answer.sendAt).toBe(new Date(clock + 10_000).toISOString());
    const now0 = await replyIn(0);
    const { answer: immediate } = await schedule(now0);
    expect(isScheduled(immediate)).toBe(false);
    expect(await delivered(now0.input.operationId)).toHaveLength(1);
  });

  it("the same text scheduled again keeps its time but takes the latest choices (here Send & Close)", async () => {
    const message = await replyIn(5);
    const { woken } = await schedule(message);
    clock += 1_000;
    await schedule({ ...message, input: { ...message.input, closeAfter: true } });
    expect((await getSendOperation(store.db, message.input.operationId))?.sendAfter).toEqual(woken[0]!.at);
    clock += 4_000;
    expect(await dispatcherOn(store).dispatch(message.input.operationId)).toBe("sent");
    expect((await getSendOperation(store.db, message.input.operationId))?.outcome).toMatchObject({ closed: true, ticketStatus: "closed" });
  });

  it("clamps the wait to 30 s", async () => {
    const message = await replyIn(3600);
    const { answer } = await schedule(message);
    expect(isScheduled(answer) && answer.sendAt).toBe(new Date(clock + 30_000).toISOString());
  });
});

describe("dispatchers", () => {
  it("send each due record exactly once when two instances sweep and wake at the same moment", async () => {
    const messages = [];
    for (let i = 0; i < 4; i++) messages.push(await replyIn(5, `Reply number ${i} of the batch.`));
    for (const m of messages) await schedule(m);
    const a = dispatcherOn(store);
    const b = dispatcherOn(second);
    clock += 5_000;
    const results = await Promise.all([a.sweep(), b.sweep(), ...messages.flatMap((m) => [a.dispatch(m.input.operationId), b.dispatch(m.input.operationId)])]);
    expect(results.slice(2).filter((r) => r === "sent")).toHaveLength(messages.length);
    for (const m of messages) {
      expect((await messagePosts(sb, m.input.ticketId)).filter((r) => JSON.stringify(r.body).includes(m.input.operationId))).toHaveLength(1);
      expect(await delivered(m.input.operationId)).toHaveLength(1);
    }
  });

  it("Undo racing the dispatcher: either it is undone and never sent, or it is sent and Undo says so", async () => {
    const message = await replyIn(5);
    await schedule(message);
    clock += 5_000;
    const [undone, dispatched] = await Promise.all([undoSend(ctx(), message.input.operationId), dispatcherOn(second).dispatch(message.input.operationId)]);
    const sent = await delivered(message.input.operationId);
    if (undone.ok && undone.value.outcome === "undone") {
      expect(dispatched).toBe("skipped");
      expect(sent).toHaveLength(0);
    } else {
      expect(undone).toEqual({ ok: true, value: { outcome: "sent" } });
      expect(dispatched).toBe("sent");
      expect(sent).toHaveLength(1);
    }
  });

  it("a record claimed by a process that died is sent by another instance's sweep, once", async () => {
    const message = await replyIn(5);
    await schedule(message);
    clock += 5_000;
    // The dead instance claimed it and went away before posting (no renewals follow).
    const claim = await claimDueSend(store.db, { operationId: message.input.operationId, now: now(), inFlightStaleMs: STALE_MS });
    expect(claim.kind).toBe("claimed");
    const survivor = dispatcherOn(second);
    await survivor.sweep();
    expect(await messagePosts(sb, message.input.ticketId)).toHaveLength(0);
    expect(await undoSend(ctx(), message.input.operationId)).toEqual({ ok: true, value: { outcome: "sent" } });

    clock += STALE_MS + 1;
    await survivor.sweep();
    await survivor.sweep();
    expect(await delivered(message.input.operationId)).toHaveLength(1);
    expect((await getSendOperation(store.db, message.input.operationId))?.state).toBe("succeeded");
  });

  it("a waiting send the agent claimed to send now is no dispatch: a sweep never posts its stale input", async () => {
    const message = await replyIn(5);
    await schedule(message);
    const row = (await getSendOperation(store.db, message.input.operationId))!;
    // The agent's own send of the same id claims it, and its process dies before posting.
    const claim = await claimSendOperation(store.db, {
      operationId: row.operationId,
      agentId: row.agentId,
      accountDomain: row.accountDomain,
      ticketId: row.ticketId,
      kind: row.kind,
      bodyHash: row.bodyHash,
      now: now(),
      inFlightStaleMs: STALE_MS,
    });
    expect(claim.kind).toBe("claimed");
    expect(await getSendOperation(store.db, row.operationId)).toMatchObject({ state: "in_flight", sendAfter: null, payload: null });
    clock += 5_000 + STALE_MS;
    expect(await dueSendOperations(store.db, now(), STALE_MS)).not.toContain(row.operationId);
    await dispatcherOn(store).sweep();
    expect(await messagePosts(sb, message.input.ticketId)).toHaveLength(0);
  });

  it("a waiting record nobody woke (its instance went away) is sent by the sweep when due", async () => {
    const message = await replyIn(5);
    await schedule(message);
    const other = dispatcherOn(second);
    clock += 5_000;
    await other.sweep();
    expect(await delivered(message.input.operationId)).toHaveLength(1);
  });

  it("a record whose agent's key is gone fails without posting; its draft stays", async () => {
    const message = await replyIn(5);
    await schedule(message);
    const orphan = createSendDispatcher({ db: async () => store.db, contextFor: async () => null, sweepEveryMs: 3_600_000, now });
    dispatchers.push(orphan);
    clock += 5_000;
    expect(await orphan.dispatch(message.input.operationId)).toBe("not_sent");
    expect((await getSendOperation(store.db, message.input.operationId))?.state).toBe("failed");
    expect(await messagePosts(sb, message.input.ticketId)).toHaveLength(0);
    expect(await getDraftsForTicket(store.db, who.agent.agentId, message.input.ticketId)).toHaveLength(1);
  });

  it("a waiting reply with a macro posts the macro's internal note once when dispatched", async () => {
    const macro = must(await who.gorgias.macros.list({ search: "Escalate to VIP team", limit: 5 })).items.find((m) => m.name === "Escalate to VIP team")!;
    const note = "Escalated to VIP & Escalations: Jane needs a personal follow-up today.";
    const message = await replyIn(5);
    const withMacro = { ...message, input: { ...message.input, macro: AppliedMacroInput.parse({ id: macro.id, fingerprint: planMacro(macro).fingerprint, noteText: note }) } };
    await schedule(withMacro);
    clock += 5_000;
    expect(await dispatcherOn(store).dispatch(message.input.operationId)).toBe("sent");
    const notes = (await thread(who.gorgias, message.input.ticketId)).filter((m) => m.channel === "internal-note" && m.bodyText === note);
    expect(notes).toHaveLength(1);
    const outcome = (await getSendOperation(store.db, message.input.operationId))?.outcome as { macro?: unknown } | null;
    expect(outcome?.macro).toEqual({ macroId: macro.id, name: macro.name, applied: true });
  });

  it("wakes on its own timer at the send's time", async () => {
    const message = await replyIn(1);
    const timed = createSendDispatcher({
      db: async () => store.db,
      contextFor: async () => ({ gorgias: who.gorgias, agent: who.agent }),
      sweepEveryMs: 3_600_000,
    });
    dispatchers.push(timed);
    const answer = await sendWithUndo({ ...sendContext(store, who) }, message, timed.wake);
    expect(answer.ok && isScheduled(answer.value)).toBe(true);
    expect(await messagePosts(sb, message.input.ticketId)).toHaveLength(0);
    await vi.waitFor(async () => expect((await getSendOperation(store.db, message.input.operationId))?.state).toBe("succeeded"), { timeout: 5_000, interval: 100 });
    expect(await delivered(message.input.operationId)).toHaveLength(1);
  });
});
