"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useShortcut } from "@/features/shell";
import type { MacroOrder } from "@/lib/domain/macro-template";
import type { ReplyRoute } from "@/lib/domain/reply-channel";
import { serverDraftsQuery } from "@/features/composer/client/reads";
import { localOperationIds } from "@/features/composer/client/use-composer-drafts";
import { ComposerEditor, type EarlyIntent } from "./composer-editor";
import type { ComposerMode } from "@/features/composer/client/drafts";

/** Everything the composer needs, serializable so a server component can pass it. */
export interface ComposerProps {
  readonly account: string;
  readonly ticket: {
    readonly id: number;
    readonly subject: string | null;
    readonly status: "open" | "closed";
    readonly customer: {
      readonly name: string | null;
      readonly email: string | null;
      readonly firstname?: string | null;
      readonly lastname?: string | null;
    } | null;
    /** Where a reply goes, as the server will derive it; shown so the agent knows who gets the email. */
    readonly replyAddress?: string | null;
    /** The channels a reply may go out on, the one it follows first (the server decides again on send). */
    readonly replyRoutes?: readonly ReplyRoute[];
    /** Whether someone is assigned: an unassigned ticket offers auto-assign. */
    readonly assigned?: boolean;
    /** The customer's latest order, for macro variables, when the page has it. */
    readonly order?: MacroOrder | null;
  };
  /** `id` is our agent id (drafts); `userId` their Gorgias user id (whose messages are their own). */
  readonly agent: { readonly id: string; readonly userId: number; readonly name: string; readonly firstname?: string | null; readonly email?: string | null };
  /** The newest message on screen when the ticket was opened (docs/safety.md#stale-thread). */
  readonly lastSeenMessageId: number | null;
  readonly canWrite: boolean;
}

/**
 * Reply / internal note composer for one ticket. The editor mounts only in the browser, once the
 * server's drafts were read (or failed to be), so a draft is restored before the agent can type
 * over it and server and client render the same placeholder.
 */
const focusOnMount = (el: HTMLTextAreaElement | null) => el?.focus();

export function Composer(props: ComposerProps) {
  const where = { account: props.account, agentId: props.agent.id, ticketId: props.ticket.id };
  const drafts = useQuery({ ...serverDraftsQuery(props.account, props.ticket.id, () => localOperationIds(where)), enabled: props.canWrite });
  // `r`/`i` work from the moment the ticket shows: while the drafts load, the key picks the mode
  // and what the agent types is kept, then handed to the editor (which appends it to the draft).
  const [early, setEarly] = useState<EarlyIntent | null>(null);
  const loading = props.canWrite && drafts.isPending;
  const start = (mode: ComposerMode) => setEarly((e) => ({ mode, typed: e?.typed ?? "" }));
  useShortcut("reply", () => start("reply"), { enabled: loading });
  useShortcut("note", () => start("note"), { enabled: loading });
  if (!props.canWrite) {
    return (
      <p className="rounded-lg border border-zinc-200 px-4 py-3 text-sm text-zinc-500 dark:border-zinc-800" data-testid="composer-read-only">
        Your Gorgias role can read this ticket but not reply or add notes.
      </p>
    );
  }
  if (drafts.isPending) {
    return (
      <div className="rounded-lg border border-t-4 border-zinc-200 p-3 dark:border-zinc-800" aria-busy="true" data-testid="composer-loading">
        <div className="h-8 w-64 max-w-full animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800" />
        {early ? (
          <textarea
            // Focused as it mounts, within the key's own event, so the next key already lands in it.
            ref={focusOnMount}
            aria-label={early.mode === "reply" ? "Reply to the customer (your draft is loading)" : "Internal note (your draft is loading)"}
            value={early.typed}
            onChange={(e) => setEarly({ mode: early.mode, typed: e.target.value })}
            className="mt-2 block h-28 w-full resize-none rounded-md border border-zinc-300 px-3 py-2 text-sm leading-6 dark:border-zinc-700 dark:bg-zinc-900"
          />
        ) : (
          <div className="mt-2 h-28 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800" />
        )}
        <span className="sr-only">Loading your draft…</span>
      </div>
    );
  }
  return <ComposerEditor key={props.ticket.id} {...props} serverDrafts={drafts.data ?? null} early={early} />;
}
