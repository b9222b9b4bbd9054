import type { Message } from "./message";

/** What a send (`features/composer/server/send`) hands back to the composer. */
export type SendOutcome = {
  operationId: string;
  message: Message;
  /** True when this operation id had already been sent: nothing was posted this time. */
  alreadySent: boolean;
  ticketStatus: "open" | "closed";
  /** Send & Close closed the ticket (a plain send to an already-closed ticket did not). */
  closed: boolean;
  /** Send & Snooze: the close carried this wake time. */
  snoozedUntil?: string;
  /** Send & Close: the message went out but closing the ticket failed (it stays open); Gorgias's reason. */
  closeError?: string;
  /** The applied macro's actions, performed after the message (docs/safety.md#macros). */
  macro?: MacroOutcome;
};

/** What became of a macro's actions. The message they followed went out either way. */
export type MacroOutcome = {
  macroId: number;
  name: string;
  /** Every action was performed. */
  applied: boolean;
  /** Why not all of them, in Gorgias's words where it gave some. */
  error?: string;
};

/** A send that waits on the server until `sendAt`, undoable until then (docs/safety.md#undo-send). */
export type ScheduledSend = { scheduled: true; operationId: string; sendAt: string };

/** What the composer's send actions answer: the outcome, or the time a waiting send goes out. */
export type SendAnswer = SendOutcome | ScheduledSend;

export const isScheduled = (answer: SendAnswer): answer is ScheduledSend => "scheduled" in answer;

/** Undo's answer: `undone` (it will never go), `sent` (it went or is going out), `not_sent` (it failed on its own). */
export type UndoAnswer = { outcome: "undone" | "sent" | "not_sent" | "not_found" };

export type CreatedTicket = { ticketId: number; alreadyCreated: boolean };

/** The `conflict` message for an operation id re-used with other text (the UI matches on code + fields). */
export const DIFFERENT_TEXT_MESSAGE = "This send was already made with different text";
/** The same, when the earlier attempt's outcome is not known yet: it may or may not be in Gorgias. */
export const MAYBE_SENT_DIFFERENT_TEXT_MESSAGE = "An earlier attempt of this send, with different text, may have reached Gorgias";
/** The `conflict` message for a macro edited in Gorgias between its preview and the send: nothing was sent. */
export const MACRO_CHANGED_MESSAGE = "This macro was changed in Gorgias since you previewed it. Nothing was sent; choose it again to see what it does now.";
