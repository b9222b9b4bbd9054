import { queryOptions } from "@tanstack/react-query";
import type { CustomerMatch } from "@/lib/domain/contract/responses";
import { getRoute } from "@/lib/client/route-fetch";
import { customerKeys } from "@/lib/client/query-keys";

export type { CustomerMatch };

/** Customers by e-mail or name (`GET /api/[account]/customers`): the inbox filter and the new-ticket form share it. */
export const customerSearchQuery = (account: string, text: string) =>
  queryOptions({
    queryKey: customerKeys.search(account, text.trim()),
    queryFn: ({ signal }) => getRoute("customers", { params: { account }, query: { q: text.trim() }, signal }),
    staleTime: 60_000,
    enabled: text.trim().length >= 2,
    select: (d) => d.items,
  });
