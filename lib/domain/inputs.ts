import { z } from "zod";
import { TICKET_PRIORITIES, TICKET_STATUSES } from "./ticket";

/**
 * What our server actions and GET handlers accept from the browser. They carry intent only:
 * the server derives sender, channel, `public`, recipients and the account, so those keys are not
 * merely ignored but refused (`.strict()`) (docs/safety.md#client-intent, #notes-private).
 */

export const MAX_BODY_CHARS = 100_000;
export const MAX_SUBJECT_CHARS = 998; // the RFC 5322 line limit Gorgias applies to subjects

const id = z.number().int().positive().max(2_147_483_647);
/** Made when the composer opens and reused for every retry of that send (docs/safety.md#send-once). */
export const OperationId = z.uuid();

const bodyText = z
  .string()
  .max(MAX_BODY_CHARS)
  .refine((s) => s.trim().length > 0, "Write a message first.");

export const ReplyInput = z
  .object({
    ticketId: id,
    operationId: OperationId,
    bodyText,
    /** The newest message the agent had on screen; a newer one means they must confirm (docs/safety.md#stale-thread). */
    lastSeenMessageId: id.nullable(),
    confirmNewerMessages: z.boolean().default(false),
  })
  .strict();
export type ReplyInput = z.infer<typeof ReplyInput>;

export const NoteInput = z
  .object({
    ticketId: id,
    operationId: OperationId,
    bodyText,
    mentionUserIds: z.array(id).max(50).default([]),
  })
  .strict();
export type NoteInput = z.infer<typeof NoteInput>;

export const UpdateTicketInput = z
  .object({
    ticketId: id,
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    /** null unassigns. */
    assigneeUserId: id.nullable().optional(),
    assigneeTeamId: id.nullable().optional(),
    /** A future instant re-opens the ticket then; null cancels the snooze. */
    snoozeUntil: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict()
  .refine(
    (v) => Object.keys(v).some((k) => k !== "ticketId" && v[k as keyof typeof v] !== undefined),
    "Nothing to change.",
  );
export type UpdateTicketInput = z.infer<typeof UpdateTicketInput>;

export const CreateTicketInput = z
  .object({
    operationId: OperationId,
    customerEmail: z.email().max(320),
    customerName: z.string().trim().max(255).optional(),
    subject: z.string().trim().min(1, "Add a subject.").max(MAX_SUBJECT_CHARS),
    bodyText,
    tagNames: z.array(z.string().trim().min(1).max(256)).max(20).default([]),
  })
  .strict();
export type CreateTicketInput = z.infer<typeof CreateTicketInput>;
