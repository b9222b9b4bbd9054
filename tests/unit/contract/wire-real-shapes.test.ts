import { describe, expect, it } from "vitest";
import { account as accountSchema } from "@/lib/gorgias/wire/account";
import { listOf, viewItemsOf, viewPageParams } from "@/lib/gorgias/wire/common";
import { customer as customerSchema } from "@/lib/gorgias/wire/customer";
import { accountEvent } from "@/lib/gorgias/wire/event";
import { integration as integrationSchema } from "@/lib/gorgias/wire/integration";
import { macro as macroSchema } from "@/lib/gorgias/wire/macro";
import { message as messageSchema } from "@/lib/gorgias/wire/message";
import { tag as tagSchema } from "@/lib/gorgias/wire/tag";
import { team as teamSchema } from "@/lib/gorgias/wire/team";
import { ticket as ticketSchema, ticketSummary } from "@/lib/gorgias/wire/ticket";
import { user as userSchema } from "@/lib/gorgias/wire/user";
import { view as viewSchema } from "@/lib/gorgias/wire/view";
import * as real from "./fixtures/real-shapes";

// Every wire schema parses answers shaped like real accounts' (issue 9).

describe("wire schemas read real accounts' shapes", () => {
  it("a full ticket: offsets, null subject, nameless customer, tag decorations {} and null, meta null, reply_options without integrations", () => {
    const t = ticketSchema.parse(real.ticket);
    expect(t).toMatchObject({ id: 12, subject: null, createdAt: "2025-01-10T09:12:44.123Z", replyOptions: [] });
    expect(t.customer).toMatchObject({ id: 3925, name: null, firstname: "", email: "x9@mail.example" });
    expect(t.tags).toEqual([
      { id: 1, name: "urgent", color: null },
      { id: 2, name: "vip", color: null },
    ]);
    expect(t.messages).toHaveLength(1);
  });

  it("an incoming message: null attachments/actions, sent_datetime null, the integration's user as receiver", () => {
    const m = messageSchema.parse(real.incomingMessage);
    expect(m).toMatchObject({ kind: "customer", attachments: [], sentAt: null, integrationId: 28643, subject: null });
    expect(m.receiver).toMatchObject({ email: "support@company.com" });
    expect(m.source?.to).toEqual([{ address: "support@company.com", name: "Company Support" }]);
    expect(m.source?.cc).toEqual([]);
  });

  it("a list item with an empty subject, null tags and priority, an offset other than UTC", () => {
    const t = ticketSummary.parse(real.ticketListItem);
    expect(t).toMatchObject({ subject: "", tags: [], priority: "normal", excerpt: null, customer: { id: 3925, name: null } });
    expect(t.updatedAt).toBe("2025-01-10T09:12:44.500Z");
  });

  it("view items: the page token keeps cursor, direction and ignored_item as given", () => {
    const page = viewItemsOf(ticketSummary).parse(real.viewItems);
    expect(page.items).toHaveLength(1);
    expect(viewPageParams(page.nextCursor)).toEqual({
      cursor: "WyIyMDI1LTAxLTEwIl0=",
      direction: "next",
      ignored_item: "12",
      limit: "1",
      order_by: "updated_datetime:desc",
    });
    expect(page.prevCursor).toBeNull();
  });

  it("a compact customer list (no channels, no integrations)", () => {
    const page = listOf(customerSchema).parse(real.customerList);
    expect(page.items.map((c) => c.channels)).toEqual([[], []]);
    expect(page.items.map((c) => c.latestOrder)).toEqual([null, null]);
    expect(page.items[1]).toMatchObject({ name: null, firstname: "" });
    expect(page.nextCursor).toBe("WyJuZXh0Il0=");
  });

  it("account (business_hours as an array), integration, event, user, tag, team, macro, view", () => {
    expect(accountSchema.parse(real.account)).toEqual({ domain: "company", status: "active", createdAt: "2017-11-23T15:59:41.966Z" });
    expect(integrationSchema.parse(real.integration)).toMatchObject({ address: "support@company.com", active: true });
    expect(accountEvent.parse(real.event)).toMatchObject({ ticketId: 12, createdAt: "2025-01-10T09:12:44.123Z" });
    expect(userSchema.parse(real.user)).toMatchObject({ id: 5, email: "support@company.com" });
    expect(tagSchema.parse(real.tag)).toMatchObject({ name: "urgent", color: null });
    expect(teamSchema.parse(real.team)).toMatchObject({ name: "Returns", emoji: null });
    expect(macroSchema.parse(real.macro)).toMatchObject({ name: "Thanks" });
    expect(viewSchema.parse(real.view)).toMatchObject({ id: 9, name: "Inbox" });
  });
});
