"use client";

import { useIsMutating, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useShortcut } from "@/features/shell";
import { useBackToList, useMoveOn } from "@/features/inbox";
import type { EmailTheme, TicketThread } from "@/lib/domain/ticket-thread";
import type { UserRef } from "@/lib/domain/user";
import { ticketThreadQuery } from "@/features/ticket/client/queries";
import { usePollInterval, usePresenceReport } from "@/features/live";
import type { TicketChange } from "@/features/ticket/client/ticket-cache";
import { ticketUpdateKey, useTicketUpdate } from "@/features/ticket/client/ticket-update";
import { useMarkReadOnOpen, useSetReadState } from "@/features/ticket/client/read-state";
import { changeTicketTags, type TagChange } from "@/features/ticket/client/tag-change";
import { CustomerPanel } from "./customer-panel";
import { RefreshBanner, TicketLoadFailure, TicketSkeleton } from "./ticket-states";
import { TicketActions, type HeaderPopup } from "./ticket-actions";
import { TicketHeader } from "./ticket-header";
import { TicketThreadList } from "./ticket-thread-list";
import { useEmailTheme, useHydrated } from "@/features/ticket/client/use-client-env";

export interface TicketViewProps {
  account: string;
  ticketId: number;
  /** Prefetched by the page with the agent's own client; null when that read failed. */
  initialThread: TicketThread | null;
  me: UserRef;
  /** Null when the agent may change tickets; otherwise why they cannot. */
  readOnlyReason: string | null;
  serverTheme: EmailTheme;
  /** The reply/note composer, rendered under the thread. */
  composer?: ReactNode;
}

export function TicketView({ account, ticketId, initialThread, me, readOnlyReason, serverTheme, composer }: TicketViewProps) {
  const theme = useEmailTheme(serverTheme);
  const canWrite = readOnlyReason === null;
  // A refresh landing mid-change would paint the old value back for a moment.
  const updating = useIsMutating({ mutationKey: ticketUpdateKey(account, ticketId) }) > 0;
  // Pushes say when to re-read while the live stream is up; a slow poll covers when it is not.
  const pollInterval = usePollInterval();
  // Colleagues see who has this ticket open (the composer adds whether they are writing).
  usePresenceReport(account, ticketId);
  const query = useQuery({
    ...ticketThreadQuery(account, ticketId, theme),
    initialData: initialThread?.theme === theme ? initialThread : undefined,
    initialDataUpdatedAt: initialThread?.fetchedAt,
    refetchInterval: updating ? false : pollInterval,
  });
  const update = useTicketUpdate(account, ticketId);
  const [popup, setPopup] = useState<HeaderPopup>(null);
  const queryClient = useQueryClient();
  const back = useBackToList(account);
  const moveOn = useMoveOn(account, ticketId);
  const thread = query.data;
  // Only an agent who may change tickets marks them read (an observer's write would be refused).
  useMarkReadOnOpen(account, canWrite ? thread?.ticket : undefined);
  const setReadState = useSetReadState(account, ticketId);

  const change = (c: TicketChange) => {
    if (!canWrite) return;
    // Closing, snoozing, spam and trash are being done with the ticket: the agent moves on at once
    // (by their preference), as the change is shown everywhere already and a refusal is still
    // toasted and rolled back.
    const go = c.status === "closed" || c.spam === true || (c.trashedAt ?? null) !== null ? moveOn() : null;
    update.mutate(c);
    go?.();
  };
  const changeTags = (c: TagChange) => canWrite && changeTicketTags(queryClient, account, ticketId, c);
  // Shortcuts are bound once hydrated; tests (and nothing else) wait for this mark before typing them.
  const hydrated = useHydrated();
  const ticket = thread?.ticket;
  const writable = canWrite && !!ticket;
  useShortcut("close", () => ticket?.status === "open" && change({ status: "closed" }), { enabled: writable });
  useShortcut("reopen", () => ticket?.status === "closed" && change({ status: "open", ...(ticket.snoozedUntil ? { snoozedUntil: null } : {}) }), { enabled: writable });
  useShortcut("snooze", () => setPopup("snooze"), { enabled: writable });
  useShortcut("tags", () => setPopup("tags"), { enabled: writable });
  useShortcut("assign", () => setPopup("assign"), { enabled: writable });
  useShortcut("spam", () => ticket && change({ spam: !ticket.spam }), { enabled: writable });
  useShortcut("trash", () => ticket && change({ trashedAt: ticket.trashedAt ? null : new Date().toISOString() }), { enabled: writable });
  useShortcut("backToInbox", back, { enabled: popup === null });

  // Whether a snooze is still ahead; a render a minute late only shows the chip a minute longer.
  const now = new Date();

  if (!thread) {
    return (
      <main className="h-full overflow-y-auto px-4 py-4 lg:px-6">
        {query.isError ? <TicketLoadFailure error={query.error} account={account} onRetry={() => void query.refetch()} /> : <TicketSkeleton />}
      </main>
    );
  }

  return (
    // Columns follow the ticket's own width (a container query), which the list beside it narrows.
    // Positioned, so absolutely placed descendants (screen-reader text) scroll inside it instead of
    // stretching the document, which would scroll the top bar away when a field takes focus.
    <main className="@container relative h-full overflow-y-auto" data-testid="ticket-view" data-hydrated={hydrated || undefined}>
      <div className="mx-auto grid max-w-7xl gap-6 px-4 pb-10 @3xl:px-6 @4xl:grid-cols-[minmax(0,1fr)_280px]">
        <div className="flex min-w-0 flex-col gap-4">
          <TicketHeader
            ticket={thread.ticket}
            onBack={back}
            now={now}
            actions={
              <TicketActions
                account={account}
                ticket={thread.ticket}
                me={me}
                canWrite={canWrite}
                readOnlyReason={readOnlyReason}
                popup={popup}
                onPopupChange={setPopup}
                onChange={change}
                onTags={changeTags}
                onReadState={setReadState}
                now={now}
              />
            }
          />
          {query.isError && <RefreshBanner error={query.error} />}
          <TicketThreadList account={account} thread={thread} />
          {composer}
        </div>
        <aside aria-label="Customer" className="border-t border-zinc-200 pt-4 @4xl:sticky @4xl:top-0 @4xl:self-start @4xl:border-t-0 @4xl:border-l @4xl:pt-4 @4xl:pl-6 dark:border-zinc-800">
          <CustomerPanel account={account} ticketId={ticketId} customer={thread.ticket.customer} />
        </aside>
      </div>
    </main>
  );
}
