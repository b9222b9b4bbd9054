/** One request the sandbox received (GET /__sandbox/requests). */
export interface UpstreamCall {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly time: string;
  readonly user_email: string | null;
}

export const UPSTREAM_KINDS = ["event log", "ticket read", "messages read", "list page", "write", "reference", "sign-in check", "integrations"] as const;
export type UpstreamKind = (typeof UPSTREAM_KINDS)[number];

/**
 * What a call to Gorgias was for, from its method and path: the feed reads the event log and
 * re-reads changed tickets (`ticket read`, shared with thread opens: the path cannot tell them
 * apart), threads add their messages, lists read pages, actions write.
 */
export function kindOf(call: Pick<UpstreamCall, "method" | "path">): UpstreamKind {
  const { method, path } = call;
  if (path.startsWith("/api/events")) return "event log";
  if (path === "/api/users/0") return "sign-in check";
  if (path.startsWith("/api/integrations")) return "integrations";
  if (method !== "GET" && !(method === "PUT" && path === "/api/views/0/items")) return "write";
  if (path === "/api/tickets" || /^\/api\/views\/\d+\/items$/.test(path)) return "list page";
  if (/^\/api\/tickets\/\d+$/.test(path)) return "ticket read";
  if (path === "/api/messages" || /^\/api\/tickets\/\d+\/messages/.test(path)) return "messages read";
  return "reference";
}

/** Calls Gorgias counted against the budget: a 429 does not consume it, a dropped request never arrived. */
export const counted = (call: UpstreamCall): boolean => call.status !== 429 && call.status !== 0;
