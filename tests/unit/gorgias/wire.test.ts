import { describe, expect, it } from "vitest";
import { listOf, viewItemsOf } from "@/lib/gorgias/wire/common";
import { macro } from "@/lib/gorgias/wire/macro";
import { message as messageSchema } from "@/lib/gorgias/wire/message";
import { team } from "@/lib/gorgias/wire/team";
import { ticket as ticketSchema, ticketSummary } from "@/lib/gorgias/wire/ticket";
import { user as userSchema } from "@/lib/gorgias/wire/user";
import { channelReplyBody, noteBody, replyBody } from "@/lib/gorgias/messages";
import { newTicketBody, ticketPatchBody } from "@/lib/gorgias/tickets";
import { envelope, message, ticket, ticketListItem, user } from "./fixtures";

describe("wire → domain", () => {
  it("maps a list item, reading offset-less datetimes as UTC", () => {
    const t = ticketSummary.parse(ticketListItem);
    expect(t).toMatchObject({
      id: 123,
      status: "open",
      priority: "normal",
      subject: "Refund request",
      customer: { id: 3924, email: "john@example.com", name: "John Doe" },
      assigneeUser: null,
      tags: [{ id: 1, name: "urgent", color: "#F58D86" }],
      messagesCount: 3,
      isUnread: true,
      createdAt: "2019-07-05T14:42:00.384Z",
      lastMessageAt: "2019-07-05T14:42:00.384Z",
      closedAt: null,
    });
    expect(t).not.toHaveProperty("some_future_field");
  });

  it("maps the full ticket with messages, customer and reply options", () => {
    const t = ticketSchema.parse(ticket);
    expect(t.customer).toMatchObject({ id: 3924, channels: [{ type: "email", address: "john@example.com", preferred: true }] });
    expect(t.assigneeTeam).toEqual({ id: 123, name: "Warehouse team", emoji: "📦" });
    expect(t.messages).toHaveLength(1);
    expect(t.replyOptions).toEqual([{ channel: "email", integrationId: 5, name: "Acme Support", address: "support@acme.test" }]);
  });

  it("defaults a missing priority to normal but refuses an unknown status", () => {
    expect(ticketSummary.parse({ ...ticketListItem, priority: undefined }).priority).toBe("normal");
    expect(ticketSummary.safeParse({ ...ticketListItem, status: "snoozed" }).success).toBe(false);
  });

  it("derives message kind and delivery", () => {
    expect(messageSchema.parse(message)).toMatchObject({ kind: "agent", delivery: "sent", sentAt: "2020-01-27T10:42:23.000Z", externalId: "MSG-78545" });
    expect(messageSchema.parse({ ...message, sent_datetime: null })).toMatchObject({ kind: "agent", delivery: "sending" });
    expect(messageSchema.parse({ ...message, sent_datetime: null, failed_datetime: "2020-01-27T10:43:00", last_sending_error: { error: "Mailbox full" } })).toMatchObject({
      delivery: "failed",
      failureReason: "Mailbox full",
      failedAt: "2020-01-27T10:43:00.000Z",
    });
    expect(messageSchema.parse({ ...message, from_agent: false })).toMatchObject({ kind: "customer", delivery: "recorded" });
    expect(messageSchema.parse({ ...message, channel: "internal-note", public: false })).toMatchObject({ kind: "note", delivery: "recorded" });
    // A private message is a note whatever its channel says.
    expect(messageSchema.parse({ ...message, public: false }).kind).toBe("note");
  });

  it("accepts the envelope or a bare array for lists", () => {
    const list = listOf(userSchema);
    expect(list.parse(envelope([user], "n1"))).toMatchObject({ items: [{ id: 3924, role: "admin", avatarUrl: "https://config.gorgi.us/x" }], nextCursor: "n1", prevCursor: null });
    expect(list.parse([user])).toMatchObject({ items: [{ id: 3924 }], nextCursor: null });
  });

  it("turns view-item URLs into page tokens that keep every parameter the link carries", () => {
    const body = { object: "list", data: [ticketListItem], meta: { prev_items: null, next_items: "/api/views/1/items?cursor=Q1&direction=next&ignored_item=7", current_cursor: "Q0" } };
    expect(viewItemsOf(ticketSummary).parse(body)).toMatchObject({ nextCursor: "cursor=Q1&direction=next&ignored_item=7", prevCursor: null });
  });

  it("maps teams and macros (response text and tags pulled out of actions)", () => {
    expect(team.parse({ id: 1, name: "T", members: [{ id: 2, name: "M", email: "m@x", meta: null }], decoration: { emoji: "📦" } })).toEqual({
      id: 1,
      name: "T",
      emoji: "📦",
      description: null,
      members: [{ id: 2, name: "M", email: "m@x" }],
    });
    const m = macro.parse({
      id: 9,
      name: "Order status",
      actions: [
        { name: "addTags", title: "Add tags", type: "user", arguments: { tags: "question, order-status" } },
        { name: "setResponseText", title: "Text", type: "user", arguments: { body_text: "Hi {{ticket.customer.firstname}}", body_html: "<p>Hi</p>" } },
      ],
      updated_datetime: "2020-01-30T11:04:34.345123",
    });
    expect(m).toMatchObject({ bodyText: "Hi {{ticket.customer.firstname}}", bodyHtml: "<p>Hi</p>", tagNames: ["question", "order-status"], updatedAt: "2020-01-30T11:04:34.345Z" });
  });
});

describe("domain → wire request bodies", () => {
  it("a reply is an e-mail the server addressed; no sent_datetime so Gorgias sends it", () => {
    const body = replyBody({ senderUserId: 7, receiverCustomerId: 8, from: { address: "support@acme.test", name: "Acme" }, to: [{ address: "john@example.com", name: "John" }], integrationId: 5, bodyText: "Hi", bodyHtml: "<p>Hi</p>", externalId: "op-1" });
    expect(body).toEqual({
      channel: "email",
      via: "api",
      from_agent: true,
      public: true,
      sender: { id: 7 },
      receiver: { id: 8 },
      source: { type: "email", from: { address: "support@acme.test", name: "Acme" }, to: [{ address: "john@example.com", name: "John" }] },
      integration_id: 5,
      body_text: "Hi",
      body_html: "<p>Hi</p>",
      external_id: "op-1",
    });
  });

  it("a customer's CR/LF in a subject or name never reaches a header of an e-mail we send", () => {
    const hostile = "Order 12\r\nBcc: attacker@example.com";
    const reply = replyBody({ senderUserId: 7, receiverCustomerId: 8, from: { address: "support@acme.test", name: "Acme\nSupport" }, to: [{ address: "john@example.com", name: "John\r\nBcc: x@y.z" }], subject: `Re: ${hostile}`, bodyText: "Hi", externalId: "op-9" });
    const created = newTicketBody({ customer: { email: "a@b.test", name: "A\r\nB" }, subject: hostile, senderUserId: 1, from: { address: "s@acme.test", name: "S\r\n" }, to: { address: "a@b.test", name: "A\nB" }, bodyText: "x", externalId: "op-10" });
    for (const body of [reply, created]) expect(JSON.stringify(body)).not.toMatch(/\\[rn]/);
    expect(reply).toMatchObject({ subject: "Re: Order 12 Bcc: attacker@example.com", source: { from: { name: "Acme Support" }, to: [{ name: "John Bcc: x@y.z" }] } });
    expect(created).toMatchObject({ subject: "Order 12 Bcc: attacker@example.com" });
  });

  it("a note is always private and addressed to nobody", () => {
    const body = noteBody({ senderUserId: 7, bodyText: "internal", externalId: "op-2", mentionUserIds: [3] });
    expect(body).toEqual({ channel: "internal-note", via: "api", from_agent: true, public: false, sender: { id: 7 }, body_text: "internal", external_id: "op-2", mention_ids: [3] });
  });

  it("a message applied with a macro records it as macros:[{id}]; without one there is no such key", () => {
    const reply = replyBody({ senderUserId: 7, receiverCustomerId: 8, from: { address: "s@acme.test" }, to: [{ address: "j@example.com" }], bodyText: "Hi", externalId: "op-4", macroIds: [12] });
    const channel = channelReplyBody({ channel: "chat", senderUserId: 7, receiverCustomerId: 8, integrationId: 3, sourceType: "chat", from: null, to: [], bodyText: "Hi", externalId: "op-5", macroIds: [12] });
    const note = noteBody({ senderUserId: 7, bodyText: "n", externalId: "op-6", macroIds: [12] });
    for (const body of [reply, channel, note]) expect(body.macros).toEqual([{ id: 12 }]);
    expect(noteBody({ senderUserId: 7, bodyText: "n", externalId: "op-7", macroIds: [] })).not.toHaveProperty("macros");
  });

  it("a ticket patch sends only changed fields; null unassigns", () => {
    expect(ticketPatchBody({ status: "closed" })).toEqual({ status: "closed" });
    expect(ticketPatchBody({ assigneeUserId: null, assigneeTeamId: 4 })).toEqual({ assignee_user: null, assignee_team: { id: 4 } });
  });

  it("a new ticket references the customer by e-mail only", () => {
    const body = newTicketBody({ customer: { email: "a@b.test", name: "A" }, subject: "S", senderUserId: 1, from: { address: "s@acme.test" }, to: { address: "a@b.test" }, bodyText: "x", externalId: "op-3", tagNames: ["vip"] });
    expect(body).toMatchObject({ channel: "email", via: "api", from_agent: true, customer: { email: "a@b.test", name: "A" }, external_id: "op-3", tags: [{ name: "vip" }] });
    expect(body.messages).toEqual([expect.objectContaining({ public: true, sender: { id: 1 }, receiver: { email: "a@b.test" }, external_id: "op-3" })]);
  });
});
