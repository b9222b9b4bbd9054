import { z } from "zod";
import { toUtcIso } from "../datetime";

/** The header a Gorgias HTTP integration sends the account's webhook secret in. */
export const WEBHOOK_SECRET_HEADER = "x-desk-webhook-secret";

const id = z.number().int().positive();

/**
 * What the Desk reads from a Gorgias HTTP integration's body (`form: "{{context}}"`): which ticket
 * changed and, when given, its version. Everything else is ignored — the body is a hint, and the
 * ticket is re-read with a key before anything is shown.
 */
export const WebhookBody = z.object({
  ticket: z.object({ id, updated_datetime: z.string().nullish() }).nullish(),
  message: z.object({ id: id.nullish(), ticket_id: id.nullish() }).nullish(),
  event: z.object({ id: z.union([id, z.string()]).nullish(), type: z.string().nullish() }).nullish(),
});

export interface WebhookHint {
  readonly ticketId: number;
  readonly version: string | null;
  readonly dedupeKey: string;
}

/** The hint a delivery carries, or null when it names no ticket. */
export function webhookHint(body: z.output<typeof WebhookBody>): WebhookHint | null {
  const ticketId = body.ticket?.id ?? body.message?.ticket_id ?? null;
  if (ticketId === null) return null;
  const version = body.ticket?.updated_datetime ? toUtcIso(body.ticket.updated_datetime) : null;
  const eventId = body.event?.id;
  const dedupeKey =
    eventId !== null && eventId !== undefined
      ? `webhook:event:${eventId}`
      : `webhook:${ticketId}:${version ?? "?"}:${body.message?.id ?? "-"}:${body.event?.type ?? "-"}`;
  return { ticketId, version, dedupeKey };
}
