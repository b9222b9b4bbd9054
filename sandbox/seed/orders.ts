import type { Rng } from "../util/prng.js";
import { PRODUCTS, SIZES } from "./topics.js";

// A seeded customer's Shopify orders, in Shopify's own order JSON (the fields Gorgias's Shopify
// integration keeps under `customer.integrations[id].orders`): line items, totals in the shop's
// currency, fulfilments with tracking, refunds and cancellations.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The currency a customer in this country is charged in. */
export const CURRENCIES: Readonly<Record<string, string>> = { US: "USD", CA: "CAD", GB: "GBP", IE: "EUR", FR: "EUR", DE: "EUR", AU: "AUD" };
/** Prices there include VAT (Shopify's `taxes_included`); elsewhere sales tax is added. */
const VAT_INCLUDED = new Set(["GB", "IE", "FR", "DE", "AU"]);

export interface OrderSpec {
  readonly id: number;
  readonly number: number;
  readonly createdAt: number;
  /** The seed's "now": the data path never reads the clock. */
  readonly anchor: number;
  readonly currency: string;
  readonly product: string;
  readonly sku: string;
  readonly qty: number;
  readonly price: number;
  readonly carrier: string;
  readonly tracking: string;
  /** Whether it left the warehouse (unless it is cancelled first). */
  readonly shipped: boolean;
  readonly paid: "paid" | "refunded" | "partially_refunded";
  readonly place: { readonly city: string; readonly country: string };
}

const money = (n: number) => n.toFixed(2);
const iso = (ms: number) => new Date(ms).toISOString();

export function shopifyOrder(rng: Rng, spec: OrderSpec) {
  const { id, createdAt, currency, carrier, tracking } = spec;
  const items = [{ id: id * 10 + 1, title: spec.product, variant_title: rng.pick(SIZES), quantity: spec.qty, price: money(spec.price), sku: spec.sku }];
  if (rng.chance(0.35)) {
    const price = rng.pick([19, 25, 35, 49]);
    items.push({ id: id * 10 + 2, title: rng.pick(PRODUCTS.filter((p) => p !== spec.product)), variant_title: rng.pick(SIZES), quantity: 1, price: money(price), sku: `NP-${String(rng.int(1000, 9999))}` });
  }
  const subtotal = items.reduce((sum, l) => sum + Number(l.price) * l.quantity, 0);
  const shippingPrice = subtotal > 100 ? 0 : 7.95;
  const vat = VAT_INCLUDED.has(spec.place.country);
  const tax = vat ? subtotal - subtotal / 1.2 : subtotal * 0.08;
  const total = subtotal + shippingPrice + (vat ? 0 : tax);

  // An order cancelled before it shipped: voided when nothing was captured, refunded otherwise.
  const cancelled = !spec.shipped && rng.chance(0.3);
  const financial = cancelled ? (spec.paid === "paid" ? "voided" : "refunded") : spec.paid;
  const partial = spec.shipped && !cancelled && items.length > 1 && rng.chance(0.3);
  const shippedAt = createdAt + rng.int(4 * HOUR, 3 * DAY);
  const trackingUrl = `https://track.${carrier.toLowerCase()}.example/${tracking}`;
  const fulfillments = spec.shipped && !cancelled
    ? [
        {
          id: id * 10 + 5,
          order_id: id,
          status: "success",
          shipment_status: spec.anchor - shippedAt > 6 * DAY ? "delivered" : "in_transit",
          created_at: iso(shippedAt),
          tracking_company: carrier,
          tracking_number: tracking,
          tracking_numbers: [tracking],
          tracking_url: trackingUrl,
          tracking_urls: [trackingUrl],
          line_items: partial ? items.slice(0, 1) : items,
        },
      ]
    : [];
  const refunded = financial === "refunded" ? total : financial === "partially_refunded" ? Number(items[0]?.price ?? 0) : 0;
  const refunds =
    refunded > 0
      ? [
          {
            id: id * 10 + 7,
            created_at: iso(createdAt + rng.int(2 * DAY, 20 * DAY)),
            note: cancelled ? "Order cancelled" : spec.shipped ? rng.pick(["Returned item", "Damaged in transit", "Wrong size"]) : "Price adjustment",
            transactions: [{ kind: "refund", status: "success", amount: money(refunded), currency }],
          },
        ]
      : [];
  return {
    id,
    name: `#${spec.number}`,
    order_number: spec.number,
    created_at: iso(createdAt),
    currency,
    subtotal_price: money(subtotal),
    total_tax: money(tax),
    taxes_included: vat,
    total_price: money(total),
    financial_status: financial,
    fulfillment_status: cancelled ? null : partial ? "partial" : spec.shipped ? "fulfilled" : null,
    cancelled_at: cancelled ? iso(createdAt + rng.int(1 * HOUR, 20 * HOUR)) : null,
    cancel_reason: cancelled ? "customer" : null,
    line_items: items,
    shipping_lines: [{ title: `${carrier} Ground`, code: carrier, price: money(shippingPrice) }],
    fulfillments,
    refunds,
    shipping_address: { city: spec.place.city, country_code: spec.place.country },
  };
}
