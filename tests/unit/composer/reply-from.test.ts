import { describe, expect, it } from "vitest";
import type { Integration } from "@/lib/domain/integration";
import type { Message } from "@/lib/domain/message";
import type { ReplyOption } from "@/lib/domain/ticket";
import { emailSendersFor } from "@/features/composer/server/send/derive";
import { messageOf } from "@/tests/support/domain-fixtures";

// docs/safety.md#reply-from: a reply leaves from the address the customer wrote to.

const integration = (id: number, address: string | null, extra: Partial<Integration> = {}): Integration => ({ id, name: `Inbox ${id}`, type: "email", address, active: true, ...extra });
const support = integration(1, "support@north.example");
const returns = integration(2, "returns@north.example");
const brandB = integration(3, "hello@brand-b.example");
const account = [support, returns, brandB, integration(4, null, { type: "shopify" })];

const at = (n: number) => `2026-01-0${n}T10:00:00.000000+00:00`;
const fromCustomer = (id: number, extra: Record<string, unknown>) =>
  messageOf(id, 9, at(id), { from_agent: false, public: true, channel: "email", integration_id: null, source: { type: "email", from: { address: "c@x.example" }, to: [] }, ...extra });
const fromAgent = (id: number, extra: Record<string, unknown> = {}) =>
  messageOf(id, 9, at(id), { from_agent: true, public: true, channel: "email", integration_id: support.id, ...extra });
const ticket = (messages: Message[], replyOptions: ReplyOption[] = []) => ({ messages, replyOptions });
const first = (messages: Message[], integrations = account, replyOptions: ReplyOption[] = []) => emailSendersFor(ticket(messages, replyOptions), integrations)[0]?.address;

describe("the from-address of a reply", () => {
  it("is the integration the customer's latest message arrived on (integration_id)", () => {
    expect(first([fromCustomer(1, { integration_id: brandB.id }), fromAgent(2)])).toBe("hello@brand-b.example");
    // The agent's earlier reply from another address does not count; the customer's latest does.
    expect(first([fromCustomer(1, { integration_id: support.id }), fromAgent(2), fromCustomer(3, { integration_id: returns.id })])).toBe("returns@north.example");
  });

  it("follows the latest customer message whatever order the thread was read in (a newest-first page too)", () => {
    const thread = [fromCustomer(1, { integration_id: support.id }), fromAgent(2), fromCustomer(3, { integration_id: returns.id })];
    expect(first([...thread].reverse())).toBe("returns@north.example");
  });

  it("else matches the message's source.to against the account's e-mail integrations, case-insensitively", () => {
    const m = fromCustomer(1, { source: { type: "email", from: { address: "c@x.example" }, to: [{ address: "someone@else.example" }, { address: "Hello@Brand-B.example" }] } });
    expect(first([m])).toBe("hello@brand-b.example");
  });

  it("asks older customer messages when the latest says neither (a chat follow-up, an unknown address)", () => {
    const older = fromCustomer(1, { integration_id: returns.id });
    const latest = fromCustomer(3, { channel: "chat", source: { type: "chat", to: [{ address: "chat.north.example" }] } });
    expect(first([older, fromAgent(2), latest])).toBe("returns@north.example");
  });

  it("skips an integration that is deactivated or not e-mail, then takes reply_options, then the account's first", () => {
    const inactive = account.map((i) => (i.id === brandB.id ? { ...i, active: false } : i));
    expect(first([fromCustomer(1, { integration_id: brandB.id })], inactive)).toBe("support@north.example");
    expect(first([fromCustomer(1, { integration_id: 4 })])).toBe("support@north.example");
    const offered: ReplyOption[] = [{ channel: "email", integrationId: returns.id, name: "Returns", address: "returns@north.example" }];
    expect(first([fromCustomer(1, {})], account, offered)).toBe("returns@north.example");
    expect(first([])).toBe("support@north.example");
  });

  it("lists every active e-mail integration once, the preferred one first", () => {
    const senders = emailSendersFor(ticket([fromCustomer(1, { integration_id: brandB.id })]), account);
    expect(senders).toEqual([
      { address: "hello@brand-b.example", name: "Inbox 3", integrationId: 3 },
      { address: "support@north.example", name: "Inbox 1", integrationId: 1 },
      { address: "returns@north.example", name: "Inbox 2", integrationId: 2 },
    ]);
    expect(emailSendersFor(ticket([]), [integration(4, null, { type: "shopify" })])).toEqual([]);
  });
});
