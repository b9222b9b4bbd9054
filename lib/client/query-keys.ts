/**
 * The react-query keys features share, hierarchical so one invalidation reaches what it should:
 * `ticketKeys.lists` reaches every inbox list of the account, `ticketKeys.detail` every variant of
 * a thread. A feature's own keys (thread variants, message bodies, drafts, pending updates) live
 * beside its queries, built on these where they must be invalidated with them. Components never
 * write raw keys.
 */
export interface TicketListFilters {
  readonly viewId?: number;
  readonly search?: string;
  readonly customerId?: number;
  readonly order?: string;
}

export const ticketKeys = {
  all: (account: string) => ["tickets", account] as const,
  lists: (account: string) => [...ticketKeys.all(account), "list"] as const,
  list: (account: string, filters: TicketListFilters) => [...ticketKeys.lists(account), filters] as const,
  details: (account: string) => [...ticketKeys.all(account), "detail"] as const,
  detail: (account: string, ticketId: number) => [...ticketKeys.details(account), ticketId] as const,
};

export const referenceKeys = {
  views: (account: string) => ["reference", account, "views"] as const,
  users: (account: string) => ["reference", account, "users"] as const,
  teams: (account: string) => ["reference", account, "teams"] as const,
  tags: (account: string) => ["reference", account, "tags"] as const,
  macros: (account: string, search: string) => ["reference", account, "macros", search] as const,
};

export const customerKeys = {
  search: (account: string, query: string) => ["customers", account, "search", query] as const,
  tickets: (account: string, customerId: number) => ["customers", account, customerId, "tickets"] as const,
  profile: (account: string, customerId: number) => ["customers", account, customerId, "profile"] as const,
};

/**
 * Sends in flight for a ticket. The composer's mutations use this key; the thread reads their
 * variables (`useMutationState`) to show pending bubbles until Gorgias's copy arrives.
 */
export const sendMutationKey = (account: string, ticketId: number) => ["send", account, ticketId] as const;

export interface PendingSend {
  readonly operationId: string;
  readonly mode: "reply" | "note";
  readonly bodyText: string;
  readonly startedAt: string;
}
