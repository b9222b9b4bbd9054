import type { RoleName } from "../store/types.js";

export interface AgentDef {
  firstname: string;
  lastname: string;
  email: string;
  role: RoleName;
  country: string;
  timezone: string;
  bio: string;
}

export interface TeamDef {
  key: "tier1" | "returns" | "vip";
  name: string;
  description: string;
  emoji: string;
  members: number[]; // indexes into agents
}

export interface TagDef {
  name: string;
  color: string;
  description: string;
}

/** A macro action beyond text, tags and status, in Gorgias's names; people and teams by index/key. */
export type MacroExtra =
  | { name: "setAssignee"; agent: number }
  | { name: "setTeamAssignee"; team: TeamDef["key"] }
  | { name: "setPriority"; priority: "critical" | "high" | "normal" | "low" }
  | { name: "snoozeTicket"; timedelta: string }
  | { name: "addInternalNote"; text: string }
  | { name: "removeTags"; tags: string[] }
  /** Actions the sandbox only stores: HTTP hooks, store-order actions. */
  | { name: "raw"; action: { name: string; title: string; arguments: Record<string, unknown> } };

export interface MacroDef {
  name: string;
  intent: string;
  tags: string[];
  /** The response text; a macro without one only acts. */
  body?: string;
  status?: "closed";
  usage: number;
  extra?: MacroExtra[];
  /**
   * Created this many days before the anchor. Macros added after the first twelve use it instead
   * of the PRNG, so adding them moves no other seeded value.
   */
  ageDays?: number;
}

export interface AccountDef {
  domain: string;
  companyName: string;
  storeName: string;
  emailDomain: string;
  agents: AgentDef[];
  teams: TeamDef[];
  tags: TagDef[];
  macros: MacroDef[];
  /** Email integrations; `signature` is the text template, its HTML made from it by the seed. */
  supportAddresses: { name: string; address: string; signature: string }[];
  /** Default sizes; the demo's ticket count comes from the options. */
  customers: (tickets: number) => number;
  idBase: number;
}

const ORDER = "{{ticket.customer.integrations.shopify.orders[0].name}}";
const TRACKING = "{{ticket.customer.integrations.shopify.orders[0].tracking_url}}";
const SIGN = "\n\n{{current_user.firstname}}\nNorthpeak Outfitters Customer Care";

export const DEMO: AccountDef = {
  domain: "demo",
  companyName: "Northpeak Outfitters",
  storeName: "Northpeak Outfitters",
  emailDomain: "demo-store.example",
  idBase: 0,
  customers: (tickets) => Math.max(160, Math.round(tickets * 0.55)),
  agents: [
    { firstname: "Alex", lastname: "Morgan", email: "alex@demo-store.example", role: "admin", country: "US", timezone: "America/New_York", bio: "Head of Customer Experience." },
    { firstname: "Priya", lastname: "Shah", email: "priya@demo-store.example", role: "agent", country: "GB", timezone: "Europe/London", bio: "Returns and exchanges lead." },
    { firstname: "Marcus", lastname: "Bell", email: "marcus@demo-store.example", role: "agent", country: "US", timezone: "America/Chicago", bio: "Shipping and carriers." },
    { firstname: "Sofia", lastname: "Ricci", email: "sofia@demo-store.example", role: "agent", country: "IT", timezone: "Europe/Rome", bio: "VIP and B2B accounts." },
    { firstname: "Jonas", lastname: "Weber", email: "jonas@demo-store.example", role: "basic-agent", country: "DE", timezone: "Europe/Berlin", bio: "Tier 1 support." },
    { firstname: "Aiko", lastname: "Tanaka", email: "aiko@demo-store.example", role: "basic-agent", country: "US", timezone: "America/Los_Angeles", bio: "Chat and social." },
    { firstname: "Liam", lastname: "Carter", email: "liam@demo-store.example", role: "lite-agent", country: "CA", timezone: "America/Toronto", bio: "Seasonal support." },
    { firstname: "Nora", lastname: "Lindqvist", email: "nora@demo-store.example", role: "observer-agent", country: "SE", timezone: "Europe/Stockholm", bio: "Operations analyst (read-only)." },
  ],
  teams: [
    { key: "tier1", name: "Tier 1 Support", description: "First line: orders, shipping, product questions.", emoji: "🎧", members: [0, 2, 4, 5, 6] },
    { key: "returns", name: "Returns & Warehouse", description: "Returns, exchanges, damaged and wrong items.", emoji: "📦", members: [1, 2, 6] },
    { key: "vip", name: "VIP & Escalations", description: "Wholesale, VIP customers and escalations.", emoji: "⭐", members: [0, 3] },
  ],
  tags: [
    { name: "order-status", color: "#4A90D9", description: "Where is my order" },
    { name: "shipping-delay", color: "#F5A623", description: "Carrier delays" },
    { name: "damaged", color: "#D0021B", description: "Item arrived damaged" },
    { name: "wrong-item", color: "#BD10E0", description: "Wrong item or size shipped" },
    { name: "return", color: "#7ED321", description: "Return requests" },
    { name: "refund", color: "#F58D86", description: "Refund requests and status" },
    { name: "exchange", color: "#50E3C2", description: "Size or color exchanges" },
    { name: "address-change", color: "#9B9B9B", description: "Shipping address updates" },
    { name: "cancellation", color: "#8B572A", description: "Order cancellations" },
    { name: "discount", color: "#F8E71C", description: "Promo codes and price adjustments" },
    { name: "product-question", color: "#417505", description: "Sizing, materials, stock" },
    { name: "subscription", color: "#9013FE", description: "Trail Sock Club subscription" },
    { name: "vip", color: "#B8860B", description: "VIP or wholesale customer" },
    { name: "urgent", color: "#FF0000", description: "Needs an answer today" },
    { name: "feedback", color: "#00BFA5", description: "Compliments and suggestions" },
  ],
  supportAddresses: [
    // The same sign-off as the macros' (SIGN): a reply made from a macro already ends with it.
    { name: "Northpeak Support", address: "support@demo-store.example", signature: "{{current_user.first_name}}\nNorthpeak Outfitters Customer Care" },
    { name: "Northpeak Returns", address: "returns@demo-store.example", signature: "{{current_user.first_name}} {{current_user.last_name}}\nNorthpeak Returns Team · free returns within 60 days" },
  ],
  macros: [
    { name: "Order status: in transit", intent: "shipping/status", tags: ["order-status"], usage: 412, body: `Hi {{ticket.customer.firstname}},\n\nThanks for reaching out! Your order ${ORDER} is on its way. You can follow it here: ${TRACKING}${SIGN}` },
    { name: "Carrier delay apology", intent: "shipping/delivery-issue", tags: ["shipping-delay"], usage: 198, body: `Hi {{ticket.customer.firstname}},\n\nI'm sorry your order ${ORDER} is taking longer than expected. The carrier is running behind this week; I'm keeping an eye on it for you.${SIGN}` },
    { name: "Damaged item: ask for photos", intent: "order/damaged", tags: ["damaged"], usage: 87, body: `Hi {{ticket.customer.firstname}},\n\nI'm so sorry your item arrived damaged. Could you send us a couple of photos of the product and the box? We'll make it right straight away.${SIGN}` },
    { name: "Refund issued", intent: "refund/status", tags: ["refund"], usage: 256, status: "closed", body: `Hi {{ticket.customer.firstname}},\n\nGood news: the refund for ${ORDER} has been issued. It can take 5-10 business days to appear on your statement.${SIGN}` },
    { name: "Return instructions", intent: "return/request", tags: ["return"], usage: 301, body: `Hi {{ticket.customer.firstname}},\n\nYou can return any item within 60 days. Start your return here: https://demo-store.example/returns and use the order number ${ORDER}.${SIGN}` },
    { name: "Exchange: size swap", intent: "exchange/request", tags: ["exchange"], usage: 143, body: `Hi {{ticket.customer.firstname}},\n\nHappy to swap the size for you! Which size would you like? I'll reserve it while the original comes back.${SIGN}` },
    { name: "Wrong item: keep it", intent: "order/wrong", tags: ["wrong-item"], usage: 35, body: `Hi {{ticket.customer.firstname}},\n\nApologies for the mix-up on ${ORDER}. Please keep the item you received; the correct one ships today.${SIGN}` },
    { name: "Address updated", intent: "shipping/change", tags: ["address-change"], usage: 64, status: "closed", body: `Hi {{ticket.customer.firstname}},\n\nI've updated the shipping address on ${ORDER}. You'll get a new confirmation email shortly.${SIGN}` },
    { name: "Discount code help", intent: "discount/request", tags: ["discount"], usage: 91, body: `Hi {{ticket.customer.firstname}},\n\nSorry the code didn't work! Codes can't be combined with sale items. Here's a one-time code for your cart: THANKYOU10.${SIGN}` },
    { name: "Subscription paused", intent: "subscription/change", tags: ["subscription"], usage: 22, status: "closed", body: `Hi {{ticket.customer.firstname}},\n\nYour Trail Sock Club subscription is paused. It will resume automatically; reply any time to change that.${SIGN}` },
    { name: "Thanks for the feedback", intent: "feedback", tags: ["feedback"], usage: 48, status: "closed", body: `Hi {{ticket.customer.firstname}},\n\nThank you so much for taking the time to write to us, I've shared it with the team!${SIGN}` },
    { name: "Order cancelled", intent: "order/cancel", tags: ["cancellation"], usage: 57, status: "closed", body: `Hi {{ticket.customer.firstname}},\n\nYour order ${ORDER} has been cancelled and fully refunded to your original payment method.${SIGN}` },
    // Macros that act: every action kind the Desk performs, and some it must refuse.
    {
      name: "Replacement on its way",
      intent: "order/damaged",
      tags: ["damaged", "vip"],
      usage: 73,
      status: "closed",
      ageDays: 40,
      extra: [{ name: "setAssignee", agent: 1 }],
      body: `Hi {{ticket.customer.firstname}},\n\nI'm sorry about the damaged item. A replacement for ${ORDER} ships today, no need to send anything back.${SIGN}`,
    },
    {
      name: "Escalate to VIP team",
      intent: "other/question",
      tags: ["vip", "urgent"],
      usage: 29,
      ageDays: 38,
      extra: [
        { name: "setTeamAssignee", team: "vip" },
        { name: "setAssignee", agent: 3 },
        { name: "setPriority", priority: "high" },
        { name: "addInternalNote", text: "Escalated to VIP & Escalations: {{ticket.customer.name}} needs a personal follow-up today." },
      ],
      body: `Hi {{ticket.customer.firstname}},\n\nThank you for your patience. I've passed your message to our VIP team, who will follow up with you personally today.${SIGN}`,
    },
    {
      name: "Waiting on the carrier",
      intent: "shipping/delivery-issue",
      tags: ["shipping-delay"],
      usage: 66,
      ageDays: 36,
      extra: [{ name: "snoozeTicket", timedelta: "2d" }],
      body: `Hi {{ticket.customer.firstname}},\n\nI've asked the carrier about ${ORDER}. I'll check back with you in two days with an update.${SIGN}`,
    },
    {
      name: "Triage: not urgent",
      intent: "other/no_reply",
      tags: [],
      usage: 18,
      ageDays: 34,
      extra: [
        { name: "removeTags", tags: ["urgent"] },
        { name: "setPriority", priority: "low" },
        { name: "addInternalNote", text: "Triaged: not urgent, no reply needed yet." },
      ],
    },
    {
      name: "Notify the warehouse",
      intent: "order/wrong",
      tags: ["wrong-item"],
      usage: 24,
      ageDays: 32,
      extra: [
        {
          name: "raw",
          action: {
            name: "http",
            title: "HTTP hook",
            arguments: { method: "POST", url: "https://hooks.demo-store.example/warehouse", headers: [], params: [], form: [], json: { ticket: "{{ticket.id}}" }, content_type: "application/json" },
          },
        },
      ],
      body: `Hi {{ticket.customer.firstname}},\n\nI've let our warehouse know about the mix-up on ${ORDER}; they'll send the right item straight away.${SIGN}`,
    },
    {
      name: "Refund last order (Shopify)",
      intent: "refund/request",
      tags: ["refund"],
      usage: 41,
      status: "closed",
      ageDays: 30,
      extra: [{ name: "raw", action: { name: "shopifyFullRefundLastOrder", title: "Full refund last order", arguments: { restock: true } } }],
      body: `Hi {{ticket.customer.firstname}},\n\nI've refunded ${ORDER} in full. It can take 5-10 business days to appear on your statement.${SIGN}`,
    },
    {
      name: "Update shipping address (Shopify)",
      intent: "shipping/change",
      tags: ["address-change"],
      usage: 15,
      ageDays: 28,
      extra: [
        {
          name: "raw",
          action: {
            name: "shopifyEditShippingAddressOfLastOrder",
            title: "Edit last order's shipping address",
            arguments: { address1: "{{ticket.customer.integrations.shopify.orders[0].shipping_address.address1}}" },
          },
        },
      ],
      body: `Hi {{ticket.customer.firstname}},\n\nDone: ${ORDER} will ship to your new address.${SIGN}`,
    },
  ],
};

export const ACME: AccountDef = {
  domain: "acme",
  companyName: "Acme Hardware",
  storeName: "Acme Hardware",
  emailDomain: "acme-hardware.example",
  idBase: 900_000,
  customers: () => 10,
  agents: [
    { firstname: "Rita", lastname: "Ortiz", email: "rita@acme-hardware.example", role: "admin", country: "US", timezone: "America/Phoenix", bio: "Owner." },
    { firstname: "Ben", lastname: "Okafor", email: "ben@acme-hardware.example", role: "agent", country: "US", timezone: "America/Phoenix", bio: "Support." },
  ],
  teams: [{ key: "tier1", name: "Support", description: "Everyone.", emoji: "🔧", members: [0, 1] }],
  tags: [
    { name: "order-status", color: "#4A90D9", description: "Where is my order" },
    { name: "refund", color: "#F58D86", description: "Refunds" },
    { name: "damaged", color: "#D0021B", description: "Damaged items" },
    { name: "product-question", color: "#417505", description: "Product questions" },
  ],
  supportAddresses: [{ name: "Acme Support", address: "help@acme-hardware.example", signature: "{{current_user.first_name}}\nAcme Hardware Support" }],
  macros: [
    { name: "Order status", intent: "shipping/status", tags: ["order-status"], usage: 12, body: `Hi {{ticket.customer.firstname}},\n\nYour order ${ORDER} is on its way.` },
    { name: "Refund issued", intent: "refund/status", tags: ["refund"], usage: 4, status: "closed", body: `Hi {{ticket.customer.firstname}},\n\nYour refund has been issued.` },
  ],
};
