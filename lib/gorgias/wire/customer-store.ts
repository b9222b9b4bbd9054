import { z } from "zod";
import { safeHttpUrl, storeRank, type CustomerStore, type StoreFulfillment, type StoreOrder, type StoreOrderItem } from "@/lib/domain/customer-store";
import { toUtcIso } from "@/lib/domain/datetime";

/**
 * `customer.integrations`: raw data each integration keeps on the customer, keyed by integration
 * id, in the store's own shape (Shopify's order JSON for Shopify). It is the messiest part of a
 * customer, so nothing here fails the customer: a field of the wrong type is null, an order or a
 * line that is not an object is skipped, and an integration without orders is left out.
 */

/** Stores write amounts and numbers as strings or numbers; both are kept as text. */
const text = z
  .union([z.string(), z.number()])
  .nullish()
  .catch(null)
  .transform((v) => (v === null || v === undefined ? null : String(v).trim() || null));

const count = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
  .nullish()
  .catch(null)
  .transform((v) => (typeof v === "number" && Number.isFinite(v) ? v : null));

const when = z
  .string()
  .nullish()
  .catch(null)
  .transform((v) => (v ? toUtcIso(v) : null));

/** The items of a list that parse; anything that is not a list is an empty one. */
const lenientList = <T>(item: z.ZodType<T>) =>
  z
    .array(z.unknown())
    .catch([])
    .transform((value): T[] =>
      value.flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      }),
    );

/** The first of a list of strings (Shopify's `tracking_urls`), else null. */
const firstOf = z
  .array(z.unknown())
  .catch([])
  .transform((v) => (typeof v[0] === "string" ? v[0] : null));

const lineItem = z
  .object({ title: text, name: text, quantity: count, price: text })
  .transform((l): StoreOrderItem | null => {
    const title = l.title ?? l.name;
    return title ? { title, quantity: l.quantity, price: l.price } : null;
  });

const fulfillment = z
  .object({
    status: text,
    shipment_status: text,
    tracking_company: text,
    tracking_number: text,
    tracking_numbers: firstOf,
    tracking_url: text,
    tracking_urls: firstOf,
  })
  .transform(
    (f): StoreFulfillment => ({
      status: f.shipment_status ?? f.status,
      trackingCompany: f.tracking_company,
      trackingNumber: f.tracking_number ?? f.tracking_numbers,
      trackingUrl: safeHttpUrl(f.tracking_url ?? f.tracking_urls),
    }),
  );

const order = z
  .object({
    id: text,
    name: text,
    order_number: text,
    created_at: when,
    financial_status: text,
    fulfillment_status: text,
    cancelled_at: when,
    total_price: text,
    currency: text,
    line_items: lenientList(lineItem),
    fulfillments: lenientList(fulfillment),
    // Not Shopify's: some imports (and older sandbox data) put one shipment on the order itself.
    tracking_number: text,
    tracking_url: text,
    carrier: text,
  })
  .transform((o): StoreOrder => {
    const legacy: StoreFulfillment[] =
      o.fulfillments.length === 0 && (o.tracking_number || o.tracking_url)
        ? [{ status: null, trackingCompany: o.carrier, trackingNumber: o.tracking_number, trackingUrl: safeHttpUrl(o.tracking_url) }]
        : [];
    return {
      name: o.name ?? (o.order_number ? `#${o.order_number}` : o.id ? `#${o.id}` : "Order"),
      createdAt: o.created_at,
      financialStatus: o.financial_status,
      fulfillmentStatus: o.fulfillment_status,
      cancelledAt: o.cancelled_at,
      totalPrice: o.total_price,
      currency: o.currency,
      items: o.line_items.filter((l): l is StoreOrderItem => l !== null),
      fulfillments: [...o.fulfillments, ...legacy],
    };
  });

const newestFirst = (a: StoreOrder, b: StoreOrder) => (b.createdAt ?? "").localeCompare(a.createdAt ?? "");

const integrationData = z.object({
  __integration_type__: text,
  orders: lenientList(order),
  customer: z
    .object({ orders_count: count, total_spent: text })
    .nullish()
    .catch(null),
});

export const customerStores = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform((all): CustomerStore[] => {
    const stores: CustomerStore[] = [];
    for (const [integrationId, value] of Object.entries(all)) {
      const parsed = integrationData.safeParse(value);
      if (!parsed.success || parsed.data.orders.length === 0) continue;
      const d = parsed.data;
      stores.push({
        integrationId,
        type: d.__integration_type__,
        orders: [...d.orders].sort(newestFirst),
        ordersCount: d.customer?.orders_count ?? null,
        totalSpent: d.customer?.total_spent ?? null,
      });
    }
    return stores.sort((a, b) => storeRank(a.type) - storeRank(b.type));
  });
