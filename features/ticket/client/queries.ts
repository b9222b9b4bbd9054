import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { EmailTheme } from "@/lib/domain/ticket-thread";
import { customerKeys, referenceKeys, ticketKeys } from "@/lib/client/query-keys";
import { getRoute, RouteError } from "@/lib/client/route-fetch";

export { RouteError } from "@/lib/client/route-fetch";

/**
 * The detail key carries the email theme (bodies are rendered for it on the server); every change
 * helper works on the `ticketKeys.detail` prefix, so all variants are patched and invalidated together.
 */
export const ticketThreadKey = (account: string, ticketId: number, theme: EmailTheme) => [...ticketKeys.detail(account, ticketId), { theme }] as const;

/** What the agent asked of one body: its remote images, all of a long one, or both. */
export interface BodyRequest {
  readonly images: boolean;
  readonly all: boolean;
}

/** Kept apart from the detail so the detail helpers never meet a body-only entry. */
export const messageBodyKey = (account: string, ticketId: number, messageId: number, theme: EmailTheme, request: BodyRequest) =>
  ["ticket-body", account, ticketId, messageId, theme, request] as const;

export function ticketThreadQuery(account: string, ticketId: number, theme: EmailTheme) {
  return queryOptions({
    queryKey: ticketThreadKey(account, ticketId, theme),
    queryFn: ({ signal, client }) => {
      // A re-read of a ticket already on screen waits behind agents' own reads in the shared budget.
      const background = client.getQueryData(ticketThreadKey(account, ticketId, theme)) !== undefined;
      return getRoute("ticket", { params: { account, ticketId }, query: { theme, background: background ? "1" : undefined }, signal });
    },
    // Switching themes keeps the old rendering on screen until the new one arrives.
    placeholderData: keepPreviousData,
    // The view sets the interval (none while the live stream is up); never while the tab is hidden.
    refetchIntervalInBackground: false,
    retry: (failures, error) => failures < 1 && error instanceof RouteError && error.code === "upstream_unavailable",
  });
}

export function messageBodyQuery(account: string, ticketId: number, messageId: number, theme: EmailTheme, request: BodyRequest) {
  return queryOptions({
    queryKey: messageBodyKey(account, ticketId, messageId, theme, request),
    queryFn: ({ signal }) =>
      getRoute("messageBody", {
        params: { account, ticketId, messageId },
        query: { theme, images: request.images ? "1" : undefined, all: request.all ? "1" : undefined },
        signal,
      }),
    staleTime: Infinity,
  });
}

export function customerTicketsQuery(account: string, ticketId: number, customerId: number) {
  return queryOptions({
    queryKey: customerKeys.tickets(account, customerId),
    queryFn: async ({ signal }) => (await getRoute("customerTickets", { params: { account, customerId }, signal })).items,
    staleTime: 60_000,
    // The cache holds the customer's whole list, shared by all their tickets; each leaves out itself.
    select: (items) => items.filter((t) => t.id !== ticketId),
  });
}

export function assignableUsersQuery(account: string) {
  return queryOptions({
    queryKey: referenceKeys.users(account),
    queryFn: async ({ signal }) => (await getRoute("users", { params: { account }, signal })).items,
    staleTime: 5 * 60_000,
  });
}

export function teamsQuery(account: string) {
  return queryOptions({
    queryKey: referenceKeys.teams(account),
    queryFn: async ({ signal }) => (await getRoute("teams", { params: { account }, signal })).items,
    staleTime: 5 * 60_000,
  });
}

/** The account's tags, or Gorgias's answer to a search of them (the picker debounces it). */
export function tagsQuery(account: string, search: string) {
  return queryOptions({
    queryKey: [...referenceKeys.tags(account), search] as const,
    queryFn: async ({ signal }) => (await getRoute("tags", { params: { account }, query: { q: search || undefined }, signal })).items,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
