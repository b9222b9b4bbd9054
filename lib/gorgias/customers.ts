import type { Customer } from "@/lib/domain/customer";
import type { CustomerStore } from "@/lib/domain/customer-store";
import type { Page } from "@/lib/domain/page";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { listOf } from "./wire/common";
import { customer, customerWithStores } from "./wire/customer";

export interface ListCustomersQuery {
  readonly cursor?: string | null;
  readonly limit?: number;
  readonly email?: string;
  readonly externalId?: string;
  readonly orderBy?: "created_datetime:asc" | "created_datetime:desc" | "updated_datetime:asc" | "updated_datetime:desc";
}

const customerList = listOf(customer);

export function customersApi(send: Transport) {
  return {
    list: (q: ListCustomersQuery = {}, o?: CallOptions): Promise<Result<Page<Customer>, GorgiasError>> =>
      send(
        { method: "GET", path: "/customers", query: { cursor: q.cursor, limit: q.limit, email: q.email, external_id: q.externalId, order_by: q.orderBy }, schema: customerList },
        o,
      ),
    get: (id: number, o?: CallOptions): Promise<Result<Customer, GorgiasError>> => send({ method: "GET", path: `/customers/${id}`, schema: customer }, o),
    /** The same read, with the store data (orders…) its integrations keep: only a read by id carries it. */
    getWithStores: (id: number, o?: CallOptions): Promise<Result<{ customer: Customer; stores: CustomerStore[] }, GorgiasError>> =>
      send({ method: "GET", path: `/customers/${id}`, schema: customerWithStores }, o),
  };
}
