/**
 * A new ticket, exactly once: the operation id is the ticket's `external_id`, and an unknown
 * outcome is read back with `tickets.list({ externalId })` before anything else.
 */
import type { CreateTicketRequest } from "@/lib/domain/contract/inputs";
import type { CreatedTicket } from "@/lib/domain/send";
import { isReadOnlyRole } from "@/lib/domain/user";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import type { NewTicketRequest } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";
import { accountEmailSenders } from "@/features/composer/server";
import { runExactlyOnce, type Refusal } from "@/features/composer/server";
import { newTicketHash } from "@/features/composer/server";
import { OBSERVER_REFUSAL } from "@/features/composer/server";
import { resolveContext, type SendContext } from "@/features/composer/server";

const refuse = (error: AppError, state: Refusal["state"], reason: string): Result<never, Refusal> => err({ error, state, reason });

export async function createTicket(context: SendContext, input: CreateTicketRequest): Promise<Result<CreatedTicket, AppError>> {
  const ctx = resolveContext(context);
  const { gorgias, agent } = ctx;
  if (isReadOnlyRole(agent.role)) return err(OBSERVER_REFUSAL);
  const { operationId } = input;

  return runExactlyOnce<NewTicketRequest, { id: number }, CreatedTicket>(ctx, {
    operationId,
    kind: "ticket",
    ticketId: null,
    bodyHash: newTicketHash(input),
    auditAction: "ticket.create",
    auditDetail: { kind: input.kind, tags: input.tagNames.length },
    prepare: async () => {
      const customers = await gorgias.customers.list({ email: input.customerEmail, limit: 1 }, { priority: "send" });
      if (!customers.ok) return refuse(fromUpstream(customers.error), "failed", `customers_${customers.error.kind}`);
      const email = input.customerEmail.trim().toLowerCase();
      const existing = customers.value.items.find((c) => c.email?.toLowerCase() === email);
      const integrations = await gorgias.reference.integrations({ priority: "send" });
      if (!integrations.ok) return refuse(fromUpstream(integrations.error), "failed", `integrations_${integrations.error.kind}`);
      const from = accountEmailSenders(integrations.value)[0];
      if (!from) {
        return refuse(appError("invalid_input", "This account has no e-mail integration to send from. Ask an admin to connect one in Gorgias."), "failed", "no_route");
      }
      return ok({
        customer: existing ? { id: existing.id } : { email: input.customerEmail.trim(), name: input.customerName || null },
        subject: input.subject,
        senderUserId: agent.gorgiasUserId,
        from: { address: from.address, name: from.name },
        to: { address: existing?.email ?? input.customerEmail.trim(), name: existing?.name ?? (input.customerName || null) },
        integrationId: from.integrationId,
        bodyText: input.bodyText,
        firstMessage: input.kind,
        externalId: operationId,
        tagNames: input.tagNames,
      });
    },
    post: async (request) => {
      const created = await gorgias.tickets.create(request, { priority: "send" });
      if (!created.ok) return created;
      return ok({ found: { id: created.value.id }, messageId: created.value.messages[0]?.id ?? null, ticketId: created.value.id });
    },
    readBack: async () => {
      const found = await gorgias.tickets.list({ externalId: operationId, limit: 5 }, { priority: "send" });
      if (!found.ok) return found;
      const t = found.value.items.find((x) => x.externalId === operationId);
      return ok(t ? { found: { id: t.id }, messageId: null, ticketId: t.id } : null);
    },
    stored: (landed) => ({ ticketId: landed.ticketId }),
    finish: async (landed, alreadySent) => ({ value: { ticketId: landed.ticketId, alreadyCreated: alreadySent } }),
    replay: (op) => (op.gorgiasTicketId !== null ? { ticketId: op.gorgiasTicketId, alreadyCreated: true } : null),
  });
}
