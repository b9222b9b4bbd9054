import type { Message } from "./message";

/** What a send (`features/composer/server/send`) hands back to the composer. */
export type SendOutcome = {
  operationId: string;
  message: Message;
  /** True when this operation id had already been sent: nothing was posted this time. */
  alreadySent: boolean;
  ticketStatus: "open" | "closed";
  /** Send & Close: the message went out but closing the ticket failed (it stays open). */
  closeError?: string;
};

export type CreatedTicket = { ticketId: number; alreadyCreated: boolean };

/** The `conflict` message for an operation id re-used with other text (the UI matches on code + fields). */
export const DIFFERENT_TEXT_MESSAGE = "This send was already made with different text";
