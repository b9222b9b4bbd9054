"use client";

import { useMemo } from "react";
import type { TicketThread } from "@/lib/domain/ticket-thread";
import { AssistantChanges } from "./assistant-changes";
import { MessageItem } from "./message-item";
import { PartialThreadNotice } from "./partial-thread-notice";
import { PendingSends } from "./pending-sends";

/** Oldest first, then sends still in flight. */
export function TicketThreadList({ account, thread }: { account: string; thread: TicketThread }) {
  const externalIds = useMemo(() => new Set(thread.messages.flatMap((m) => (m.externalId ? [m.externalId] : []))), [thread.messages]);
  return (
    <section aria-label="Conversation" className="flex flex-col gap-3" data-testid="thread">
      {thread.partial && <PartialThreadNotice shown={thread.messages.length} />}
      <AssistantChanges changes={thread.assistantChanges} />
      {thread.messages.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No messages on this ticket yet.</p>}
      {thread.messages.map((m) => (
        <MessageItem key={m.id} account={account} message={m} theme={thread.theme} />
      ))}
      <PendingSends account={account} ticketId={thread.ticket.id} knownExternalIds={externalIds} />
    </section>
  );
}
