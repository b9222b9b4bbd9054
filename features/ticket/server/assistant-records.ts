import "server-only";
import { appStore } from "@/lib/auth/app-store";
import { assistantSends, assistantTicketChanges } from "@/lib/db";
import type { AssistantChange } from "@/lib/domain/ticket-thread";

/** What the store knows of an assistant's work on a ticket: its messages and its changes (docs/safety.md#assistant-visible). */
export interface ThreadRecords {
  /** Operation id → the name of the agent whose assistant sent it. */
  readonly sends: (operationIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  readonly changes: (ticketId: number) => Promise<readonly AssistantChange[]>;
}

function changeWords(action: string, detail: Record<string, unknown> | null): string {
  if (action === "ticket.tags") return "tags";
  const fields = Array.isArray(detail?.fields) ? detail.fields.filter((f): f is string => typeof f === "string") : [];
  return fields.length ? fields.join(", ") : "the ticket";
}

/** The account's records in the app's store. */
export function threadRecords(accountDomain: string): ThreadRecords {
  return {
    sends: async (ids) => assistantSends((await appStore()).db, accountDomain, ids),
    changes: async (ticketId) =>
      (await assistantTicketChanges((await appStore()).db, accountDomain, ticketId)).map((row) => ({
        at: row.at.toISOString(),
        agentName: row.agentName ?? "An agent",
        what: changeWords(row.action, row.detail),
      })),
  };
}
