import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS } from "@/lib/domain/inputs";
import { newerMessageIds, type Message } from "@/lib/domain/message";
import { CreateTicketRequest, DiscardDraftInput, SaveDraftInput, SendNoteInput, SendReplyInput } from "@/lib/domain/contract/inputs";
import { apiContract } from "@/lib/domain/contract/routes";
import { deriveReply, replySubject } from "@/features/composer/server/send/derive";
import { messageHash, newTicketHash, normalizeBody } from "@/features/composer/server/send/hash";

const uuid = fc.uuid({ version: 4 });
const ticketId = fc.integer({ min: 1, max: 2_147_483_647 });
const text = fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== "");
// What the server derives (docs/safety.md#client-intent): refused, never obeyed.
const authorityKeys = ["sender", "channel", "public", "receiver", "to", "cc", "bcc", "from", "source", "subject", "integrationId", "integration_id", "account", "accountDomain", "from_agent", "via", "agentId"];

const validReply = fc.record({ ticketId, operationId: uuid, bodyText: text, lastSeenMessageId: fc.option(ticketId, { nil: null }), closeAfter: fc.boolean(), confirmNewerMessages: fc.boolean() });
const validNote = fc.record({ ticketId, operationId: uuid, bodyText: text, closeAfter: fc.boolean() });
const validDraft = fc.record({
  ticketId,
  mode: fc.constantFrom("reply", "note"),
  bodyText: fc.string({ maxLength: 300 }),
  operationId: uuid,
  baseRevision: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
});
const validTicket = fc.record({
  operationId: uuid,
  customerEmail: fc.constantFrom("a@example.com", "b.c+tag@shop.example.org"),
  subject: text,
  bodyText: text,
  kind: fc.constantFrom("email", "note"),
});

const refusesExtra = <T extends object>(schema: { safeParse(v: unknown): { success: boolean } }, valid: fc.Arbitrary<T>, allowed: readonly string[]) =>
  fc.assert(
    fc.property(valid, fc.oneof(fc.constantFrom(...authorityKeys), fc.string({ minLength: 1, maxLength: 12 })), fc.jsonValue(), (v, key, value) => {
      if (key in v || allowed.includes(key) || key === "__proto__") return true;
      return !schema.safeParse({ ...v, [key]: value }).success;
    }),
  );

describe("send input schemas", () => {
  it("accept every valid input; closeAfter defaults to false", () => {
    fc.assert(fc.property(validReply, (v) => SendReplyInput.safeParse(v).success));
    fc.assert(fc.property(validNote, (v) => SendNoteInput.safeParse(v).success));
    fc.assert(fc.property(validDraft, (v) => SaveDraftInput.safeParse(v).success));
    fc.assert(fc.property(validTicket, (v) => CreateTicketRequest.safeParse(v).success));
    expect(SendReplyInput.parse({ ticketId: 1, operationId: "6f1c1d0e-8f5b-4f7e-9a51-1f2b3c4d5e6f", bodyText: "x", lastSeenMessageId: null }).closeAfter).toBe(false);
    expect(SendNoteInput.parse({ ticketId: 1, operationId: "6f1c1d0e-8f5b-4f7e-9a51-1f2b3c4d5e6f", bodyText: "x" })).toMatchObject({ closeAfter: false, mentionUserIds: [] });
  });

  it("refuse any extra key, above all the addressing the server derives", () => {
    refusesExtra(SendReplyInput, validReply, ["replyOn", "assignIfUnassigned"]);
    refusesExtra(SendNoteInput, validNote, ["mentionUserIds"]);
    refusesExtra(SaveDraftInput, validDraft, []);
    refusesExtra(CreateTicketRequest, validTicket, ["customerName", "tagNames"]);
    expect(DiscardDraftInput.safeParse({ ticketId: 1, mode: "reply", baseRevision: 1, operationId: "x" }).success).toBe(false);
    // A discard that does not say which revision it saw could wipe newer text: refused.
    expect(DiscardDraftInput.safeParse({ ticketId: 1, mode: "reply" }).success).toBe(false);
    expect(DiscardDraftInput.safeParse({ ticketId: 1, mode: "reply", baseRevision: null }).success).toBe(true);
    expect(apiContract.macros.query.safeParse({ q: "refund", limit: "5" }).success).toBe(false);
  });

  it("refuse a blank body, a bad id, an unknown mode or kind", () => {
    fc.assert(
      fc.property(validReply, fc.stringMatching(/^[ \t\n]*$/), (v, blank) => !SendReplyInput.safeParse({ ...v, bodyText: blank }).success),
    );
    fc.assert(fc.property(validNote, fc.string().filter((s) => !/^[0-9a-f-]{36}$/i.test(s)), (v, id) => !SendNoteInput.safeParse({ ...v, operationId: id }).success));
    fc.assert(fc.property(validDraft, fc.string().filter((m) => m !== "reply" && m !== "note"), (v, mode) => !SaveDraftInput.safeParse({ ...v, mode }).success));
    fc.assert(fc.property(validTicket, fc.string().filter((k) => k !== "email" && k !== "note"), (v, kind) => !CreateTicketRequest.safeParse({ ...v, kind }).success));
    fc.assert(fc.property(validReply, fc.oneof(fc.integer({ max: 0 }), fc.double({ noInteger: true })), (v, id) => !SendReplyInput.safeParse({ ...v, ticketId: id }).success));
  });

  it("a draft may be empty but not longer than a message", () => {
    const d = { ticketId: 1, mode: "reply", operationId: "6f1c1d0e-8f5b-4f7e-9a51-1f2b3c4d5e6f", baseRevision: null };
    expect(SaveDraftInput.safeParse({ ...d, bodyText: "" }).success).toBe(true);
    expect(SaveDraftInput.safeParse({ ...d, bodyText: "x".repeat(MAX_BODY_CHARS) }).success).toBe(true);
    expect(SaveDraftInput.safeParse({ ...d, bodyText: "x".repeat(MAX_BODY_CHARS + 1) }).success).toBe(false);
  });
});

describe("body hash", () => {
  it("normalising is idempotent and ignores line endings and trailing blanks", () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeBody(normalizeBody(s)) === normalizeBody(s)));
    fc.assert(
      fc.property(fc.array(fc.string().map((l) => l.replace(/[\r\n]/g, "")), { minLength: 1, maxLength: 8 }), fc.constantFrom("\n", "\r\n", "\r"), (lines, eol) =>
        messageHash("reply", 9, lines.join(eol) + "  \n") === messageHash("reply", 9, lines.join("\n")),
      ),
    );
  });

  it("differs for other text, another ticket or another kind", () => {
    fc.assert(
      fc.property(text, text, ticketId, (a, b, t) => {
        fc.pre(normalizeBody(a) !== normalizeBody(b));
        return messageHash("reply", t, a) !== messageHash("reply", t, b);
      }),
    );
    fc.assert(fc.property(text, ticketId, (a, t) => messageHash("reply", t, a) !== messageHash("note", t, a) && messageHash("reply", t, a) !== messageHash("reply", t + 1, a)));
    const base = { customerEmail: "A@x.io", subject: "S", bodyText: "B", kind: "email" as const };
    expect(newTicketHash(base)).toBe(newTicketHash({ ...base, customerEmail: "a@x.io " }));
    expect(newTicketHash(base)).not.toBe(newTicketHash({ ...base, kind: "note" }));
    expect(newTicketHash(base)).not.toBe(newTicketHash({ ...base, subject: "T" }));
  });
});

const msg = (id: number, over: Partial<Message> = {}): Message => ({
  id,
  ticketId: 1,
  externalId: null,
  kind: "customer",
  delivery: "recorded",
  channel: "email",
  via: "email",
  public: true,
  fromAgent: false,
  sender: { id: 500, email: "c@example.com", name: null },
  receiver: null,
  source: null,
  integrationId: null,
  subject: null,
  bodyText: "hi",
  bodyHtml: null,
  strippedText: null,
  strippedHtml: null,
  attachments: [],
  createdAt: null,
  sentAt: null,
  failedAt: null,
  openedAt: null,
  failureReason: null,
  ...over,
});

describe("derived addressing", () => {
  it("newer messages: the customer's and a colleague's, never notes or the agent's own", () => {
    const thread = [
      msg(10),
      msg(11, { kind: "agent", fromAgent: true, sender: { id: 7, email: null, name: null } }),
      msg(12, { kind: "note", public: false, channel: "internal-note", fromAgent: true }),
      msg(13),
      msg(14, { kind: "agent", fromAgent: true, sender: { id: 8, email: null, name: null } }),
    ];
    expect(newerMessageIds(thread, 10, 7)).toEqual([13, 14]);
    expect(newerMessageIds(thread, 14, 7)).toEqual([]);
    expect(newerMessageIds(thread, null, 7)).toEqual([10, 13, 14]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 30 }), fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }), (ids, seen) =>
        newerMessageIds(ids.map((id) => msg(id)), seen, 7).every((id) => seen === null || id > seen),
      ),
    );
  });

  it("a reply goes to the ticket's customer from the first sender; refusals are explained", () => {
    const customer = { id: 5, email: "c@example.com", name: "C", firstname: null, lastname: null, externalId: null, language: null, timezone: null, note: null, channels: [], data: null, createdAt: null, updatedAt: null };
    const sender = { address: "support@shop.example", name: "Support", integrationId: 3 };
    const r = deriveReply({ customer, subject: "Order" }, [sender], 7);
    expect(r).toEqual({
      ok: true,
      value: { senderUserId: 7, receiverCustomerId: 5, from: { address: sender.address, name: "Support" }, to: [{ address: "c@example.com", name: "C" }], integrationId: 3, subject: "Re: Order" },
    });
    expect(deriveReply({ customer: { ...customer, email: null }, subject: "x" }, [sender], 7).ok).toBe(false);
    expect(deriveReply({ customer: null, subject: "x" }, [sender], 7).ok).toBe(false);
    expect(deriveReply({ customer, subject: "x" }, [], 7)).toMatchObject({ ok: false, error: expect.stringContaining("no e-mail integration") });
    expect(replySubject("Re: Order")).toBe("Re: Order");
    expect(replySubject("  ")).toBeNull();
  });
});
