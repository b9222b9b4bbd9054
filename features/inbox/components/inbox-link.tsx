"use client";

import Link from "next/link";
import type { AnchorHTMLAttributes, MouseEvent } from "react";

/**
 * Inbox filters (view, search, order, customer) change only the URL's search: `history.pushState`
 * keeps the client cache and skips a server render (which would spend Gorgias requests again);
 * Next syncs `useSearchParams` with it. Anything else is an ordinary Next link.
 */
export function pushInboxUrl(href: string, replace = false): void {
  if (replace) window.history.replaceState(null, "", href);
  else window.history.pushState(null, "", href);
}

const plainClick = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

export interface InboxLinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  readonly href: string;
  readonly shallow?: boolean;
}

export function InboxLink({ href, shallow = false, onClick, ...props }: InboxLinkProps) {
  if (!shallow) return <Link href={href} onClick={onClick} {...props} />;
  return (
    <a
      href={href}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || !plainClick(e)) return;
        e.preventDefault();
        pushInboxUrl(href);
      }}
      {...props}
    />
  );
}
