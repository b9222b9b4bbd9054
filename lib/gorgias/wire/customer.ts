import { z } from "zod";
import type { Customer, CustomerOrder } from "@/lib/domain/customer";
import type { CustomerStore } from "@/lib/domain/customer-store";
import { joinName, optDatetime, optRecord, optString, wireId } from "./common";
import { customerStores } from "./customer-store";

// Shopify keeps tracking on the order's fulfillments; some data has it on the order itself.
const shipment = z.object({ tracking_number: optString, tracking_url: optString });
const order = z
  .object({ name: optString, tracking_number: optString, tracking_url: optString, fulfillments: z.array(shipment).nullish().catch(null) })
  .transform((o): CustomerOrder => {
    const shipped = o.fulfillments?.find((f) => f.tracking_number || f.tracking_url);
    return { name: o.name, trackingNumber: o.tracking_number ?? shipped?.tracking_number ?? null, trackingUrl: o.tracking_url ?? shipped?.tracking_url ?? null };
  });

// Integration blobs are each provider's own shape (keyed by integration id); only `orders` is read,
// and an entry that does not parse is skipped rather than failing the customer.
const integrations = z
  .record(z.string(), z.unknown())
  .nullish()
  .catch(null)
  .transform((all): CustomerOrder | null => {
    for (const value of Object.values(all ?? {})) {
      const first = z.object({ orders: z.array(z.unknown()).min(1) }).safeParse(value);
      if (!first.success) continue;
      const parsed = order.safeParse(first.data.orders[0]);
      if (parsed.success) return parsed.data;
    }
    return null;
  });

const channel = z.object({ type: z.string(), address: z.string(), preferred: z.boolean().nullish() });

export const customer = z
  .object({
    id: wireId,
    email: optString,
    name: optString,
    firstname: optString,
    lastname: optString,
    external_id: optString,
    language: optString,
    timezone: optString,
    note: optString,
    channels: z
      .array(channel)
      .nullish()
      .transform((c) => c ?? []),
    data: optRecord,
    integrations,
    created_datetime: optDatetime,
    updated_datetime: optDatetime,
  })
  .transform(
    (c): Customer => ({
      id: c.id,
      email: c.email,
      name: c.name ?? joinName(c.firstname, c.lastname),
      firstname: c.firstname,
      lastname: c.lastname,
      externalId: c.external_id,
      language: c.language,
      timezone: c.timezone,
      note: c.note,
      channels: c.channels.map((ch) => ({ type: ch.type, address: ch.address, preferred: ch.preferred ?? false })),
      data: c.data,
      createdAt: c.created_datetime,
      updatedAt: c.updated_datetime,
      latestOrder: c.integrations,
    }),
  );

/** `GET /customers/{id}`: the customer, and the store data its integrations keep (customer-store.ts). */
export const customerWithStores = z
  .intersection(customer, z.object({ integrations: customerStores }))
  .transform(({ integrations, ...c }): { customer: Customer; stores: CustomerStore[] } => ({ customer: c, stores: integrations }));
