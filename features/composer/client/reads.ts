import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { getJson } from "@/lib/client/composer-fetch";
import type { ComposerMode, DraftRecord } from "./drafts";
import { customerKeys, referenceKeys } from "@/lib/client/query-keys";

// Drafts are composer-only state with no key in the shared factory; kept here so nothing else
// writes this key by hand.
export const composerKeys = {
  drafts: (account: string, ticketId: number) => ["composer", account, ticketId, "drafts"] as const,
};

const draft = z
  .object({ bodyText: z.string(), operationId: z.string(), updatedAt: z.string() })
  .nullable()
  .catch(null);
const draftsResponse = z.object({ reply: draft, note: draft });
export type ServerDrafts = Readonly<Record<ComposerMode, DraftRecord | null>>;

// A slow drafts route must not hold the composer hostage: after this the local copy is used.
const DRAFTS_TIMEOUT_MS = 4000;

export const serverDraftsQuery = (account: string, ticketId: number) =>
  queryOptions({
    queryKey: composerKeys.drafts(account, ticketId),
    queryFn: async ({ signal }): Promise<ServerDrafts> =>
      getJson(`/api/${account}/tickets/${ticketId}/drafts`, draftsResponse, AbortSignal.any([signal, AbortSignal.timeout(DRAFTS_TIMEOUT_MS)])),
    // Read once when the composer opens; after that the composer's own state is the truth, and a
    // background refetch must never replace what the agent is typing.
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

const macroItem = z.object({
  id: z.number(),
  name: z.string(),
  bodyText: z.string().nullable().catch(null),
});
export type MacroItem = z.infer<typeof macroItem>;

export const macrosQuery = (account: string, search: string) =>
  queryOptions({
    queryKey: referenceKeys.macros(account, search),
    queryFn: ({ signal }) =>
      getJson(`/api/${account}/macros?${new URLSearchParams(search ? { q: search } : {})}`, z.object({ items: z.array(macroItem) }), signal),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });

const customerItem = z.object({
  id: z.number(),
  email: z.string().nullable().catch(null),
  name: z.string().nullable().catch(null),
  firstname: z.string().nullable().optional().catch(null),
});
export type CustomerMatch = z.infer<typeof customerItem>;

export const customerSearchQuery = (account: string, query: string) =>
  queryOptions({
    queryKey: customerKeys.search(account, query),
    queryFn: ({ signal }) =>
      getJson(`/api/${account}/customers?${new URLSearchParams({ q: query })}`, z.object({ items: z.array(customerItem) }), signal),
    staleTime: 60_000,
    enabled: query.trim().length >= 2,
    select: (d) => d.items,
  });
