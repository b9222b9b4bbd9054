import { queryOptions } from "@tanstack/react-query";
import type { CustomerMatch } from "@/lib/domain/contract/responses";
import type { CustomerProfile } from "@/lib/domain/customer-store";
import { getRoute } from "@/lib/client/route-fetch";
import { customerKeys } from "@/lib/client/query-keys";

export type { CustomerMatch, CustomerProfile };

/** Customers by e-mail or name (`GET /api/[account]/customers`): the inbox filter and the new-ticket form share it. */
export const customerSearchQuery = (account: string, text: string) =>
  queryOptions({
    queryKey: customerKeys.search(account, text.trim()),
    queryFn: ({ signal }) => getRoute("customers", { params: { account }, query: { q: text.trim() }, signal }),
    staleTime: 60_000,
    enabled: text.trim().length >= 2,
    select: (d) => d.items,
  });

/**
 * The whole customer with their store data (`GET /api/[account]/customers/[id]`), for the ticket's
 * panel. The server shares it for minutes (features/customers/server/customer-profile.ts); the tab
 * keeps it as long, so going back and forth between a customer's tickets asks nothing.
 */
export const customerProfileQuery = (account: string, customerId: number) =>
  queryOptions({
    queryKey: customerKeys.profile(account, customerId),
    queryFn: ({ signal }) => getRoute("customer", { params: { account, customerId }, signal }),
    staleTime: 10 * 60_000,
    refetchOnWindowFocus: false,
  });
