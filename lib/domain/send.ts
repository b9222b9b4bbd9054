import { z } from "zod";
import { CreateTicketInput, MAX_BODY_CHARS, NoteInput, OperationId, ReplyInput } from "./inputs";
import type { Message } from "./message";

/**
 * What the composer and the new-ticket form send to their server actions
 * (`features/composer/server/{actions,draft-actions}.ts`, `features/new-ticket/server/actions.ts`).
 * Intent only: channel, `public`, sender and `from` are derived on the server, and so are a reply's
 * recipients and subject (from the ticket), so those keys are refused (`.strict()`).
 */

/** Send, or Send & Close (`closeAfter`). */
export const SendReplyInput = ReplyInput.extend({ closeAfter: z.boolean().default(false) }).strict();
export type SendReplyInput = z.infer<typeof SendReplyInput>;

export const SendNoteInput = NoteInput.extend({ closeAfter: z.boolean().default(false) }).strict();
export type SendNoteInput = z.infer<typeof SendNoteInput>;

export type SendOutcome = {
  operationId: string;
  message: Message;
  /** True when this operation id had already been sent: nothing was posted this time. */
  alreadySent: boolean;
  ticketStatus: "open" | "closed";
  /** Send & Close: the message went out but closing the ticket failed (it stays open). */
  closeError?: string;
};

export const DraftMode = z.enum(["reply", "note"]);
export type DraftMode = z.infer<typeof DraftMode>;

const ticketId = z.number().int().positive().max(2_147_483_647);

export const SaveDraftInput = z
  .object({
    ticketId,
    mode: DraftMode,
    bodyText: z.string().max(MAX_BODY_CHARS),
    operationId: OperationId,
  })
  .strict();
export type SaveDraftInput = z.infer<typeof SaveDraftInput>;

export const DiscardDraftInput = z.object({ ticketId, mode: DraftMode }).strict();
export type DiscardDraftInput = z.infer<typeof DiscardDraftInput>;

export type Draft = { ticketId: number; mode: "reply" | "note"; bodyText: string; operationId: string; updatedAt: string };

export type TicketDrafts = { reply: Draft | null; note: Draft | null };

/** A new ticket whose first message is e-mailed to the customer (`email`) or is an internal note. */
export const CreateTicketRequest = CreateTicketInput.extend({ kind: z.enum(["email", "note"]) }).strict();
export type CreateTicketRequest = z.infer<typeof CreateTicketRequest>;

export type CreatedTicket = { ticketId: number; alreadyCreated: boolean };

export const MacroSearchQuery = z.object({ q: z.string().trim().max(200).optional() }).strict();
export type MacroSearchQuery = z.infer<typeof MacroSearchQuery>;

export type MacroChoice = { id: number; name: string; bodyText: string | null; bodyHtml: string | null };

/** The `conflict` message for an operation id re-used with other text (the UI matches on code + fields). */
export const DIFFERENT_TEXT_MESSAGE = "This send was already made with different text";
