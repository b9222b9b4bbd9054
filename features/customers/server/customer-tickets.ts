import "server-only";
import type { TicketSummary } from "@/lib/domain/ticket";
import { fromUpstream, type AppError } from "@/lib/errors";
import type { GorgiasClient } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";

/** A customer's most recently updated tickets, newest first, for the ticket's side panel. */
export async function loadCustomerTickets(gorgias: GorgiasClient, customerId: number): Promise<Result<TicketSummary[], AppError>> {
  const page = await gorgias.tickets.list({ customerId, limit: 20, orderBy: "updated_datetime:desc" }, { priority: "refresh" });
  return page.ok ? ok([...page.value.items]) : err(fromUpstream(page.error));
}
