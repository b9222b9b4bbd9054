import { describe, expect, it } from "vitest";
import { customer } from "@/lib/gorgias/wire/customer";

const base = { id: 7, email: "jane@example.com", name: "Jane Doe" };

describe("customer wire: store orders for macro variables", () => {
  it("takes orders[0] of the first integration that has orders, as Gorgias's macros name it", () => {
    const parsed = customer.parse({
      ...base,
      integrations: {
        "3": { __integration_type__: "klaviyo", lists: [] },
        "6": { __integration_type__: "shopify", orders: [{ name: "#1042", tracking_number: "1Z999", tracking_url: "https://t.example/1Z999" }, { name: "#1001" }] },
      },
    });
    expect(parsed.latestOrder).toEqual({ name: "#1042", trackingNumber: "1Z999", trackingUrl: "https://t.example/1Z999" });
  });

  it("is null without integrations, and an odd blob never fails the customer", () => {
    expect(customer.parse(base).latestOrder).toBeNull();
    expect(customer.parse({ ...base, integrations: null }).latestOrder).toBeNull();
    expect(customer.parse({ ...base, integrations: { "1": "text", "2": { orders: "nope" }, "3": { orders: [42] } } }).latestOrder).toBeNull();
  });
});
