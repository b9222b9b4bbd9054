import { describe, expect, it } from "vitest";
import { safeHttpUrl } from "@/lib/domain/customer-store";
import { customerWithStores } from "@/lib/gorgias/wire/customer";
import { customerStores } from "@/lib/gorgias/wire/customer-store";
import { generateAccount } from "@/sandbox/seed/generate";
import { DEMO } from "@/sandbox/seed/profiles";

const shopifyOrder = {
  id: 4500001042,
  name: "#1042",
  order_number: 1042,
  created_at: "2026-10-02T09:15:00-04:00",
  currency: "EUR",
  total_price: "187.95",
  financial_status: "partially_refunded",
  fulfillment_status: "partial",
  cancelled_at: null,
  line_items: [
    { title: "Summit Down Parka", quantity: 1, price: "179.00", sku: "NP-1" },
    { title: "Glacier Insulated Bottle", quantity: 2, price: "25.00" },
  ],
  fulfillments: [{ status: "success", shipment_status: "in_transit", tracking_company: "DHL", tracking_number: "LX1", tracking_url: "https://track.dhl.example/LX1" }],
};

describe("customer.integrations: store data for the customer panel", () => {
  it("reads Shopify's order JSON: statuses, items, totals with currency, fulfilments with tracking", () => {
    const [store] = customerStores.parse({ "6": { __integration_type__: "shopify", customer: { orders_count: 4, total_spent: "412.50" }, orders: [shopifyOrder] } });
    expect(store).toEqual({
      integrationId: "6",
      type: "shopify",
      ordersCount: 4,
      totalSpent: "412.50",
      orders: [
        {
          name: "#1042",
          createdAt: "2026-10-02T13:15:00.000Z",
          financialStatus: "partially_refunded",
          fulfillmentStatus: "partial",
          cancelledAt: null,
          totalPrice: "187.95",
          currency: "EUR",
          items: [
            { title: "Summit Down Parka", quantity: 1, price: "179.00" },
            { title: "Glacier Insulated Bottle", quantity: 2, price: "25.00" },
          ],
          fulfillments: [{ status: "in_transit", trackingCompany: "DHL", trackingNumber: "LX1", trackingUrl: "https://track.dhl.example/LX1" }],
        },
      ],
    });
  });

  it("orders newest first, Shopify before other stores, integrations without orders left out", () => {
    const stores = customerStores.parse({
      "2": { __integration_type__: "magento2", orders: [{ name: "M-1", created_at: "2026-01-01T00:00:00Z" }] },
      "3": { __integration_type__: "klaviyo", lists: [] },
      "6": { __integration_type__: "shopify", orders: [{ name: "#1", created_at: "2026-01-01T00:00:00Z" }, { name: "#2", created_at: "2026-03-01T00:00:00Z" }, { name: "#0" }] },
    });
    expect(stores.map((s) => [s.type, s.orders.map((o) => o.name)])).toEqual([
      ["shopify", ["#2", "#1", "#0"]],
      ["magento2", ["M-1"]],
    ]);
  });

  it("never fails on messy data: wrong types become null, junk entries are skipped, missing fields stay missing", () => {
    const stores = customerStores.parse({
      "1": "text",
      "2": null,
      "3": { orders: "nope" },
      "4": [1, 2],
      "5": {
        orders: [
          42,
          null,
          { order_number: 7, total_price: 12.5, created_at: "yesterday", line_items: "see attachment", fulfillments: null, financial_status: { odd: true } },
          { line_items: [{ quantity: "2" }, { name: "Gift card", quantity: "two", price: 10 }, "wrap"] },
        ],
      },
    });
    expect(stores).toHaveLength(1);
    expect(stores[0]!.type).toBeNull();
    const [numbered, bare] = stores[0]!.orders;
    expect(numbered).toMatchObject({ name: "#7", totalPrice: "12.5", createdAt: null, financialStatus: null, items: [], fulfillments: [], currency: null });
    expect(bare).toMatchObject({ name: "Order", items: [{ title: "Gift card", quantity: null, price: "10" }] });
    for (const junk of [undefined, null, "x", 3, [], { "9": { orders: [] } }]) expect(customerStores.parse(junk)).toEqual([]);
  });

  it("links only http(s) tracking URLs: javascript:, data:, relative and credentialled ones are dropped", () => {
    const urls = ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "/track/1", "//evil.example/x", "https://user:pw@track.example/1", "ftp://track.example/1", "vbscript:x"];
    for (const url of urls) {
      const [store] = customerStores.parse({ "1": { __integration_type__: "shopify", orders: [{ name: "#1", fulfillments: [{ tracking_number: "T1", tracking_url: url }] }] } });
      expect({ url, link: store!.orders[0]!.fulfillments[0]!.trackingUrl }).toEqual({ url, link: null });
      expect(store!.orders[0]!.fulfillments[0]!.trackingNumber).toBe("T1");
    }
    expect(safeHttpUrl("http://track.example/1?a=b")).toBe("http://track.example/1?a=b");
    expect(safeHttpUrl("https://track.example/1")).toBe("https://track.example/1");
  });

  it("takes a shipment kept on the order itself (older data) as its one fulfilment", () => {
    const [store] = customerStores.parse({ "1": { orders: [{ name: "#9", carrier: "UPS", tracking_number: "1Z9", tracking_url: "https://t.example/1Z9" }] } });
    expect(store!.orders[0]!.fulfillments).toEqual([{ status: null, trackingCompany: "UPS", trackingNumber: "1Z9", trackingUrl: "https://t.example/1Z9" }]);
  });

  it("a read by id gives the customer and the stores; the macros' latest order follows the fulfilments", () => {
    const parsed = customerWithStores.parse({ id: 7, email: "jane@example.com", name: "Jane", channels: [{ type: "phone", address: "+1 555" }], integrations: { "6": { __integration_type__: "shopify", orders: [shopifyOrder] } } });
    expect(parsed.customer).toMatchObject({ id: 7, email: "jane@example.com", channels: [{ type: "phone", address: "+1 555", preferred: false }] });
    expect(parsed.customer.latestOrder).toEqual({ name: "#1042", trackingNumber: "LX1", trackingUrl: "https://track.dhl.example/LX1" });
    expect(parsed.stores.map((s) => s.orders.length)).toEqual([1]);
    expect(customerWithStores.parse({ id: 8, integrations: "garbage" }).stores).toEqual([]);
  });

  it("every customer the sandbox seeds parses, with realistic orders, and the messy one shows what it can", () => {
    const account = generateAccount(DEMO, { seed: 7, tickets: 120, anchorMs: Date.parse("2026-11-01T00:00:00Z") });
    const all = [...account.data.customers.values()].map((c) => customerWithStores.parse(c));
    const messy = all.find((c) => c.customer.email === "sunny.day@mail.example")!;
    const orders = all.filter((c) => c !== messy).flatMap((c) => c.stores.flatMap((s) => s.orders));
    expect(new Set(orders.map((o) => o.currency)).size).toBeGreaterThan(2);
    expect(new Set(orders.map((o) => o.financialStatus))).toEqual(new Set(["paid", "refunded", "partially_refunded", "voided"]));
    expect(orders.some((o) => o.cancelledAt !== null)).toBe(true);
    expect(orders.some((o) => o.items.length > 1)).toBe(true);
    expect(orders.filter((o) => o.fulfillmentStatus === "fulfilled").every((o) => o.fulfillments[0]?.trackingUrl?.startsWith("https://"))).toBe(true);

    expect(messy.stores.map((s) => s.type)).toEqual(["shopify", "loyalty-points-pro"]);
    const [first, second] = messy.stores[0]!.orders;
    expect(first!.fulfillments.map((f) => f.trackingUrl)).toEqual([null, "https://track.dhl.example/LX123456789"]);
    expect(first!.items.map((i) => i.title)).toEqual(["Summit Down Parka"]);
    expect(second).toMatchObject({ name: "#1042", createdAt: null, items: [] });
  });
});

describe("orderBadges", () => {
  it("names cancellation, payment and fulfilment as Shopify's admin does", async () => {
    const { orderBadges } = await import("@/lib/domain/customer-store");
    expect(orderBadges({ financialStatus: "paid", fulfillmentStatus: "fulfilled", cancelledAt: null }).map((b) => b.label)).toEqual(["Paid", "Fulfilled"]);
    expect(orderBadges({ financialStatus: "partially_refunded", fulfillmentStatus: "partial", cancelledAt: null }).map((b) => b.label)).toEqual(["Partially refunded", "Partially fulfilled"]);
    expect(orderBadges({ financialStatus: "paid", fulfillmentStatus: null, cancelledAt: null }).map((b) => b.label)).toEqual(["Paid", "Unfulfilled"]);
    expect(orderBadges({ financialStatus: "voided", fulfillmentStatus: null, cancelledAt: "2026-01-01T00:00:00Z" })).toEqual([
      { label: "Cancelled", tone: "bad" },
      { label: "Voided", tone: "bad" },
    ]);
    expect(orderBadges({ financialStatus: null, fulfillmentStatus: "restocked", cancelledAt: null }).map((b) => b.label)).toEqual(["Restocked"]);
  });
});
