import "server-only";
import { shareTicket } from "@/features/live/server";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import type { ReadStateInput } from "@/lib/domain/contract/inputs";
import type { Ticket } from "@/lib/domain/ticket";
import { isReadOnlyRole } from "@/lib/domain/user";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import type { GorgiasClient } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";

/**
 * Marks a ticket read (`is_unread: false`, the open of a ticket) or unread (by hand). Reading is
 * bookkeeping, not a change the agent made, so its write waits in the `refresh` lane, below every
 * click (docs/safety.md#shared-budget), and is not audited; marking unread is a click (`write`).
 */
export async function setReadState(ctx: { gorgias: GorgiasClient; agent: SignedInAgent }, input: ReadStateInput): Promise<Result<Ticket, AppError>> {
  // Gorgias refuses an observer's write anyway: don't spend the team's budget learning it.
  if (isReadOnlyRole(ctx.agent.role)) return err(appError("forbidden", "Your Gorgias role can read tickets but not change them."));
  const result = await ctx.gorgias.tickets.update(input.ticketId, { isUnread: input.unread }, { priority: input.unread ? "write" : "refresh" });
  if (!result.ok) return err(fromUpstream(result.error));
  await shareTicket(ctx.agent.accountDomain, result.value);
  return ok(result.value);
}
