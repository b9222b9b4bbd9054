import { queryOptions } from "@tanstack/react-query";
import { getRoute } from "@/lib/client/route-fetch";

/** The palette's own key: its answer is a plain page, so it must not sit under the inbox lists' keys. */
const paletteTicketsKey = (account: string, text: string) => ["search-palette", account, "tickets", text] as const;

/** How many tickets the palette offers: enough to pick from, one small read. */
export const PALETTE_TICKETS = 8;

/** Tickets matching the text, through the inbox's own search (`GET /api/[account]/tickets?q=`). */
export const paletteTicketsQuery = (account: string, text: string) =>
  queryOptions({
    queryKey: paletteTicketsKey(account, text.trim()),
    queryFn: ({ signal }) => getRoute("tickets", { params: { account }, query: { q: text.trim(), limit: PALETTE_TICKETS }, signal }),
    staleTime: 30_000,
    enabled: text.trim().length >= 2,
    select: (page) => page.items,
  });
