/** Why an address led nowhere, as far as the path and the signed-in account tell. */
export type NotFoundReason =
  | { readonly kind: "ticket"; readonly account: string }
  | { readonly kind: "other-account"; readonly own: string }
  | { readonly kind: "unknown"; readonly own: string | null };

/**
 * `path` is the address asked for; `own` the signed-in agent's account, or null. Another account's
 * address is named as such but nothing about that account is looked up, so the page tells no more
 * than the address itself does (docs/safety.md#access-check).
 */
export function whyNotFound(path: string | null, own: string | null): NotFoundReason {
  const first = /^\/([^/?#]+)/.exec(path ?? "")?.[1];
  if (own === null || first === undefined) return { kind: "unknown", own };
  let account: string;
  try {
    account = decodeURIComponent(first);
  } catch {
    return { kind: "unknown", own };
  }
  if (account === "api" || account === "sign-in" || account.startsWith("_")) return { kind: "unknown", own };
  if (account !== own) return { kind: "other-account", own };
  if (/^\/[^/?#]+\/tickets\/(?!new(?:[/?#]|$))[^/?#]+/.test(path ?? "")) return { kind: "ticket", account: own };
  return { kind: "unknown", own };
}

/** The ticket segment a page path names (`/{account}/tickets/{id}`, as typed), or null when it names no ticket page. */
export function ticketSegmentOf(path: string | null, account: string): string | null {
  const match = /^\/([^/?#]+)\/tickets\/([^/?#]+)\/?(?:[?#]|$)/.exec(path ?? "");
  if (!match || match[1] !== account || match[2] === "new") return null;
  return match[2]!;
}
