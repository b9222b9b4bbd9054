import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { TeamRef } from "@/lib/domain/team";
import type { TicketSummary } from "@/lib/domain/ticket";
import type { EmailTheme, PreparedMessageBody, TicketThread } from "@/lib/domain/ticket-thread";
import { customerKeys, referenceKeys, ticketKeys } from "@/lib/client/query-keys";
import { getRoute, RouteError } from "@/lib/client/route-fetch";

export { RouteError } from "@/lib/client/route-fetch";

/** Agents offered by the assignee picker (`GET /api/[account]/users`). */
export interface AssignableUser {
  readonly id: number;
  readonly name: string | null;
  readonly email: string | null;
  readonly role: string | null;
}

/** How often the open ticket re-reads Gorgias while its tab is visible. */
export const TICKET_REFRESH_MS = 10_000;

const base = (account: string, ticketId: number) => `/api/${encodeURIComponent(account)}/tickets/${ticketId}`;

/**
 * The detail key carries the email theme (bodies are rendered for it on the server); every change
 * helper works on the `ticketKeys.detail` prefix, so all variants are patched and invalidated together.
 */
export const ticketThreadKey = (account: string, ticketId: number, theme: EmailTheme) => [...ticketKeys.detail(account, ticketId), { theme }] as const;

/** Kept apart from the detail so the detail helpers never meet a body-only entry. */
export const messageBodyKey = (account: string, ticketId: number, messageId: number, theme: EmailTheme) =>
  ["ticket-body", account, ticketId, messageId, theme, "images"] as const;

export function ticketThreadQuery(account: string, ticketId: number, theme: EmailTheme) {
  return queryOptions({
    queryKey: ticketThreadKey(account, ticketId, theme),
    queryFn: ({ signal, client }) => {
      // A re-read of a ticket already on screen waits behind agents' own reads in the shared budget.
      const background = client.getQueryData(ticketThreadKey(account, ticketId, theme)) !== undefined;
      return getRoute<TicketThread>(`${base(account, ticketId)}?theme=${theme}${background ? "&background=1" : ""}`, signal);
    },
    // Switching themes keeps the old rendering on screen until the new one arrives.
    placeholderData: keepPreviousData,
    // Refreshes only while the tab is visible (react-query pauses intervals in the background).
    refetchInterval: TICKET_REFRESH_MS,
    refetchIntervalInBackground: false,
    retry: (failures, error) => failures < 1 && error instanceof RouteError && error.code === "upstream_unavailable",
  });
}

export function messageBodyWithImagesQuery(account: string, ticketId: number, messageId: number, theme: EmailTheme) {
  return queryOptions({
    queryKey: messageBodyKey(account, ticketId, messageId, theme),
    queryFn: ({ signal }) => getRoute<PreparedMessageBody>(`${base(account, ticketId)}/messages/${messageId}/body?theme=${theme}&images=1`, signal),
    staleTime: Infinity,
  });
}

export function customerTicketsQuery(account: string, ticketId: number, customerId: number) {
  return queryOptions({
    queryKey: customerKeys.tickets(account, customerId),
    queryFn: async ({ signal }) =>
      (await getRoute<{ items: TicketSummary[] }>(`/api/${encodeURIComponent(account)}/customers/${customerId}/tickets`, signal)).items,
    staleTime: 60_000,
    // The cache holds the customer's whole list, shared by all their tickets; each leaves out itself.
    select: (items) => items.filter((t) => t.id !== ticketId),
  });
}

export function assignableUsersQuery(account: string) {
  return queryOptions({
    queryKey: referenceKeys.users(account),
    queryFn: async ({ signal }) => (await getRoute<{ items: AssignableUser[] }>(`/api/${encodeURIComponent(account)}/users`, signal)).items,
    staleTime: 5 * 60_000,
  });
}

export function teamsQuery(account: string) {
  return queryOptions({
    queryKey: referenceKeys.teams(account),
    queryFn: async ({ signal }) => (await getRoute<{ items: TeamRef[] }>(`/api/${encodeURIComponent(account)}/teams`, signal)).items,
    staleTime: 5 * 60_000,
  });
}
