import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateTicketInput, NoteInput, ReplyInput, UpdateTicketInput } from "@/lib/domain/contract/inputs";
import { INPUT_MESSAGES, MAX_BODY_CHARS, newTicketProblems } from "@/lib/domain/inputs";

const uuid = fc.uuid({ version: 4 });
const ticketId = fc.integer({ min: 1, max: 2_147_483_647 });
const text = fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== "");
// Keys the server derives; a browser that sends them is refused, not obeyed (docs/safety.md#client-intent).
const authorityKeys = ["sender", "senderId", "channel", "public", "receiver", "to", "account", "accountDomain", "from_agent", "via"];

const validReply = fc.record({ ticketId, operationId: uuid, bodyText: text, lastSeenMessageId: fc.option(ticketId, { nil: null }) });
const validNote = fc.record({ ticketId, operationId: uuid, bodyText: text });

describe("input schemas", () => {
  it("accept every valid reply and note", () => {
    fc.assert(fc.property(validReply, (v) => ReplyInput.safeParse(v).success));
    fc.assert(fc.property(validNote, (v) => NoteInput.safeParse(v).success));
  });

  it("refuse any extra key, in particular the ones the server derives", () => {
    const extra = fc.oneof(fc.constantFrom(...authorityKeys), fc.string({ minLength: 1 }));
    fc.assert(
      fc.property(validReply, extra, fc.jsonValue(), (v, key, value) => {
        if (key in v || key === "confirmNewerMessages" || key === "__proto__") return true;
        return !ReplyInput.safeParse({ ...v, [key]: value }).success;
      }),
    );
    fc.assert(
      fc.property(validNote, fc.constantFrom(...authorityKeys), fc.jsonValue(), (v, key, value) => !NoteInput.safeParse({ ...v, [key]: value }).success),
    );
  });

  it("refuse blank and oversized bodies and bad ids", () => {
    fc.assert(fc.property(fc.stringMatching(/^\s*$/), uuid, (body, op) => !ReplyInput.safeParse({ ticketId: 1, operationId: op, bodyText: body, lastSeenMessageId: null }).success));
    expect(NoteInput.safeParse({ ticketId: 1, operationId: crypto.randomUUID(), bodyText: "x".repeat(MAX_BODY_CHARS + 1) }).success).toBe(false);
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: 0 }), fc.double(), fc.string()), (bad) => !NoteInput.safeParse({ ticketId: bad, operationId: crypto.randomUUID(), bodyText: "x" }).success),
    );
    expect(NoteInput.safeParse({ ticketId: 1, operationId: "not-a-uuid", bodyText: "x" }).success).toBe(false);
  });

  it("update: at least one change, absolute values, null unassigns", () => {
    expect(UpdateTicketInput.safeParse({ ticketId: 1 }).success).toBe(false);
    expect(UpdateTicketInput.safeParse({ ticketId: 1, status: "closed" }).success).toBe(true);
    expect(UpdateTicketInput.safeParse({ ticketId: 1, assigneeUserId: null }).success).toBe(true);
    expect(UpdateTicketInput.safeParse({ ticketId: 1, status: "spam" }).success).toBe(false);
    expect(UpdateTicketInput.safeParse({ ticketId: 1, priority: "urgent" }).success).toBe(false);
    fc.assert(
      fc.property(
        fc.record(
          { status: fc.constantFrom("open", "closed"), priority: fc.constantFrom("critical", "high", "normal", "low"), assigneeUserId: fc.option(ticketId, { nil: null }) },
          { requiredKeys: [] },
        ),
        (patch) => UpdateTicketInput.safeParse({ ticketId: 1, ...patch }).success === Object.keys(patch).length > 0,
      ),
    );
  });

  it("create ticket needs a real e-mail and a subject", () => {
    const base = { operationId: crypto.randomUUID(), customerEmail: "john@example.com", subject: "Hello", bodyText: "Hi" };
    expect(CreateTicketInput.safeParse(base).success).toBe(true);
    expect(CreateTicketInput.safeParse({ ...base, customerEmail: "john" }).success).toBe(false);
    expect(CreateTicketInput.safeParse({ ...base, subject: "   " }).success).toBe(false);
    expect(CreateTicketInput.safeParse({ ...base, channel: "email" }).success).toBe(false);
  });
});

describe("the new-ticket form's own check (the browser has no zod)", () => {
  const form = fc.record({
    customerEmail: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 40 })),
    customerName: fc.string({ maxLength: 300 }),
    subject: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("", "   ", "x".repeat(999))),
    bodyText: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("", " \n ", "x".repeat(MAX_BODY_CHARS + 1))),
  });

  it("flags a field whenever the server would, with the server's words for subject and body", () => {
    fc.assert(
      fc.property(form, (v) => {
        const server = CreateTicketInput.safeParse({
          operationId: crypto.randomUUID(),
          customerEmail: v.customerEmail.trim(),
          customerName: v.customerName.trim() || undefined,
          subject: v.subject,
          bodyText: v.bodyText,
        });
        const problems = newTicketProblems(v);
        if (server.success) return;
        const fields = z.flattenError(server.error).fieldErrors as Record<string, string[] | undefined>;
        for (const name of ["subject", "bodyText", "customerName"] as const) {
          if (fields[name]) expect(problems[name]).toEqual(fields[name]);
        }
        // zod's e-mail check is the stricter one: the server may still refuse what passed here.
        if (fields.customerEmail && problems.customerEmail) expect(problems.customerEmail).toEqual([INPUT_MESSAGES.email]);
      }),
      { numRuns: 300 },
    );
  });

  it("passes a complete form and names each missing part", () => {
    expect(newTicketProblems({ customerEmail: " jane@example.com ", customerName: "", subject: "Refund", bodyText: "Hi Jane" })).toEqual({});
    expect(newTicketProblems({ customerEmail: "not-an-email", customerName: "", subject: " ", bodyText: "" })).toEqual({
      customerEmail: [INPUT_MESSAGES.email],
      subject: [INPUT_MESSAGES.emptySubject],
      bodyText: [INPUT_MESSAGES.emptyBody],
    });
  });
});
