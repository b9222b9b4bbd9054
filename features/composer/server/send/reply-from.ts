import "server-only";
import type { ReplyFrom } from "@/lib/domain/contract/responses";
import { fromUpstream, type AppError } from "@/lib/errors";
import type { GorgiasClient } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";
import { emailSendersFor } from "./derive";

/** What the composer shows before sending: the address `sendReply` would use (same rule, same reads). */
export async function replyFromOf(gorgias: GorgiasClient, ticketId: number): Promise<Result<ReplyFrom, AppError>> {
  const [ticket, integrations] = await Promise.all([
    gorgias.tickets.get(ticketId, { priority: "read" }),
    gorgias.reference.integrations({ priority: "read" }),
  ]);
  if (!ticket.ok) return err(fromUpstream(ticket.error));
  if (!integrations.ok) return err(fromUpstream(integrations.error));
  const from = emailSendersFor(ticket.value, integrations.value)[0];
  return ok({ from: from ? { address: from.address, name: from.name } : null });
}
