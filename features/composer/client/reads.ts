import { queryOptions } from "@tanstack/react-query";
import type { ApiResponse } from "@/lib/domain/contract/routes";
import type { MacroChoice } from "@/lib/domain/contract/responses";
import { getRoute } from "@/lib/client/route-fetch";
import { referenceKeys } from "@/lib/client/query-keys";

// Drafts are composer-only state with no key in the shared factory; kept here so nothing else
// writes this key by hand.
export const composerKeys = {
  drafts: (account: string, ticketId: number) => ["composer", account, ticketId, "drafts"] as const,
  replyFrom: (account: string, ticketId: number) => ["composer", account, ticketId, "reply-from"] as const,
  macroSuggestions: (account: string, ticketId: number) => ["composer", account, ticketId, "macro-suggestions"] as const,
  waiting: (account: string, ticketId: number) => ["composer", account, ticketId, "waiting"] as const,
};

export type ServerDrafts = ApiResponse<"drafts">;
export type { MacroChoice };

// A slow drafts route must not hold the composer hostage: after this the local copy is used.
const DRAFTS_TIMEOUT_MS = 4000;

/** `localOps`: the operation ids this browser's drafts carry, read when the query runs (never on the server). */
export const serverDraftsQuery = (account: string, ticketId: number, localOps: () => readonly string[]) =>
  queryOptions({
    queryKey: composerKeys.drafts(account, ticketId),
    queryFn: ({ signal }) => fetchServerDrafts(account, ticketId, localOps(), AbortSignal.any([signal, AbortSignal.timeout(DRAFTS_TIMEOUT_MS)])),
    // Read once when the composer opens; after that the composer's own state is the truth, and a
    // background refetch must never replace what the agent is typing.
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

export const fetchServerDrafts = (account: string, ticketId: number, ops: readonly string[], signal?: AbortSignal) =>
  getRoute("drafts", { params: { account, ticketId }, query: { ops: ops.length ? ops.join(",") : undefined }, signal });

/** The address the server would send a reply from; read when the reply composer opens. */
export const replyFromQuery = (account: string, ticketId: number) =>
  queryOptions({
    queryKey: composerKeys.replyFrom(account, ticketId),
    queryFn: ({ signal }) => getRoute("replyFrom", { params: { account, ticketId }, signal }),
    staleTime: 60_000,
    retry: false,
  });

export const macrosQuery = (account: string, search: string) =>
  queryOptions({
    queryKey: referenceKeys.macros(account, search),
    queryFn: ({ signal }) => getRoute("macros", { params: { account }, query: { q: search || undefined }, signal }),
    staleTime: 5 * 60_000,
    select: (d) => d.items,
  });

/** The macros Gorgias ranks most relevant to the ticket; read when the picker first opens on it. */
export const macroSuggestionsQuery = (account: string, ticketId: number) =>
  queryOptions({
    queryKey: composerKeys.macroSuggestions(account, ticketId),
    queryFn: ({ signal }) => getRoute("macros", { params: { account }, query: { ticket: ticketId }, signal }),
    // The server keeps them ten minutes too; once per ticket open is all they are worth.
    staleTime: 10 * 60_000,
    retry: false,
    select: (d) => d.items,
  });
