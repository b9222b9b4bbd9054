import { describe, expect, it } from "vitest";
import { answeredOn, replyRoutes, type ChannelFacts } from "@/lib/domain/reply-channel";
import { deriveChannelReply } from "@/features/composer/server/send/derive";

let next = 1;
const msg = (kind: ChannelFacts["kind"], channel: string, integrationId: number | null = 9): ChannelFacts => ({
  id: next++,
  kind,
  channel,
  integrationId,
  source: { type: channel === "facebook-messenger" ? "facebook-message" : channel, from: { address: "cust-addr", name: "Cust" }, to: [{ address: "shop-addr", name: "Shop" }], cc: [], bcc: [] },
});
const routes = (messages: ChannelFacts[], extra: Partial<Parameters<typeof replyRoutes>[0]> = {}) =>
  replyRoutes({ channel: messages[0]?.channel ?? null, messages, customerEmail: "c@example.com", replyChannels: [], ...extra });

describe("replyRoutes", () => {
  it("follows the channel of the customer's latest message, and offers e-mail beside it", () => {
    const r = routes([msg("customer", "email"), msg("agent", "email"), msg("customer", "chat")]);
    expect(r.map((x) => [x.channel, x.label, x.refusal])).toEqual([["chat", "Chat", null], ["email", "Email", null]]);
  });

  it("answers forms and API messages by e-mail", () => {
    expect(answeredOn("contact_form")).toBe("email");
    expect(routes([msg("customer", "contact_form")]).map((x) => x.channel)).toEqual(["email"]);
  });

  it("keeps a channel the API cannot send on first, with its reason, rather than quietly e-mailing", () => {
    const [phone, ...others] = routes([msg("customer", "phone")]);
    expect(phone).toMatchObject({ channel: "phone", refusal: expect.stringMatching(/call/i) });
    expect(others.map((x) => x.channel)).toEqual(["email"]);
    expect(routes([msg("customer", "instagram-comment")])[0]!.refusal).toMatch(/comments/i);
    expect(routes([msg("customer", "tiktok-shop")])[0]!.refusal).toMatch(/does not send/);
  });

  it("refuses what reply_options calls unanswerable, and e-mail for a customer without an address", () => {
    expect(routes([msg("customer", "chat")], { replyChannels: [{ channel: "chat", answerable: false }] })[0]!.refusal).toMatch(/cannot answer/);
    expect(routes([msg("customer", "sms")], { customerEmail: null }).map((x) => x.channel)).toEqual(["sms"]);
    expect(routes([msg("customer", "email")], { customerEmail: null })[0]!.refusal).toMatch(/no email address/);
  });
});

describe("deriveChannelReply", () => {
  const customer = { id: 5, email: null, name: "Cust" } as unknown as Parameters<typeof deriveChannelReply>[0]["customer"];
  it("joins the conversation of the customer's latest message on that channel: its integration, its addresses turned round", () => {
    const older = { ...msg("customer", "facebook-messenger", 3), bodyText: null } ;
    const latest = msg("customer", "facebook-messenger", 4);
    const r = deriveChannelReply({ customer, messages: [older, latest] as never }, "facebook-messenger", 77);
    expect(r).toEqual({ ok: true, value: { channel: "facebook-messenger", senderUserId: 77, receiverCustomerId: 5, integrationId: 4, sourceType: "facebook-message", from: { address: "shop-addr", name: "Shop" }, to: [{ address: "cust-addr", name: "Cust" }] } });
  });
  it("refuses without a conversation or an integration to answer on", () => {
    expect(deriveChannelReply({ customer, messages: [msg("customer", "chat")] as never }, "sms", 1).ok).toBe(false);
    expect(deriveChannelReply({ customer, messages: [msg("customer", "chat", null)] as never }, "chat", 1).ok).toBe(false);
  });
});
