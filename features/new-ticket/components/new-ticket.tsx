"use client";

import { useSyncExternalStore } from "react";
import { NewTicketForm } from "./new-ticket-form";

const noop = () => () => undefined;

/**
 * The form restores its values from this device's storage, so it renders only in the browser
 * (a server render could not know them and would flash an empty form over the agent's text).
 */
export function NewTicket({ account, agentId }: { account: string; agentId: string }) {
  const mounted = useSyncExternalStore(noop, () => true, () => false);
  if (!mounted) return <div className="h-96 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" aria-busy="true" />;
  return <NewTicketForm account={account} agentId={agentId} />;
}
