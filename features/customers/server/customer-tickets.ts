import "server-only";
import { liveDesk } from "@/features/live/server";
import type { SharedListPlan } from "@/lib/domain/list-patch";
import { sharesReads } from "@/lib/domain/sharing";
import type { TicketSummary } from "@/lib/domain/ticket";
import { fromUpstream, type AppError } from "@/lib/errors";
import { err, mapResult, ok, type Result } from "@/lib/result";
import type { AgentContext } from "@/lib/server/agent-action";

const LIMIT = 20;

/**
 * A customer's most recently updated tickets, newest first, for the ticket's side panel: a first
 * page of the ticket list, so the team shares it through the account's cache (lib/domain/sharing.ts).
 */
export async function loadCustomerTickets({ agent, gorgias }: AgentContext, customerId: number): Promise<Result<TicketSummary[], AppError>> {
  const plan: SharedListPlan = { kind: "list", customerId, orderBy: "updated_datetime:desc" };
  const read = async () => {
    const page = await gorgias.tickets.list({ customerId, limit: LIMIT, orderBy: plan.orderBy }, { priority: "refresh" });
    return page.ok ? ok(page.value) : err(fromUpstream(page.error));
  };
  const page = sharesReads(agent.role) ? await liveDesk(agent.accountDomain).cache.firstPage("account", plan, LIMIT, read) : await read();
  return mapResult(page, (p) => [...p.items]);
}
