"use server";

import { shareTicket } from "@/features/live/server";
import { recordAudit } from "@/lib/db";
import { UpdateTicketInput } from "@/lib/domain/contract/inputs";
import type { Ticket } from "@/lib/domain/ticket";
import { appStore } from "@/lib/auth/app-store";
import { fromUpstream } from "@/lib/errors";
import { err, ok } from "@/lib/result";
import { agentAction } from "@/lib/server/agent-action";

/** Status, priority, assignee, team, snooze: absolute values, so a retry is harmless (docs/safety.md#absolute-updates). */
export const updateTicket = agentAction(UpdateTicketInput, async (input, { agent, gorgias }) => {
  const { ticketId, snoozeUntil, ...rest } = input;
  const result = await gorgias.tickets.update(ticketId, { ...rest, snoozeUntil }, { priority: "write" });
  const { db } = await appStore();
  await recordAudit(db, {
    agentId: agent.agentId,
    accountDomain: agent.accountDomain,
    action: "ticket.update",
    ticketId,
    outcome: result.ok ? "ok" : "error",
    detail: { fields: Object.keys(rest).concat(snoozeUntil !== undefined ? ["snoozeUntil"] : []), ...(result.ok ? {} : { error: result.error.kind }) },
  });
  if (result.ok) await shareTicket(agent.accountDomain, result.value);
  return result.ok ? ok<Ticket>(result.value) : err(fromUpstream(result.error));
});
