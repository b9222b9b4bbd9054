import type { Message } from "./message";
import type { Ticket } from "./ticket";

/**
 * What the ticket page receives from the server: the ticket and its thread with every body already
 * prepared there. Raw customer HTML (and the raw text fields) never reach the browser; an HTML body
 * arrives only as a sanitized, CSP-locked `srcdoc` for a sandboxed iframe.
 */
export type EmailTheme = "light" | "dark";

export interface EmailFrame {
  /** The complete sandboxed-iframe document (sanitized HTML inside the frame's own CSP). */
  readonly srcDoc: string;
  /** Estimated from the sanitized HTML on the server: the frame cannot be measured from outside. */
  readonly estimatedHeight: number;
}

/** A long body shown in part in the thread, the rest on request ("Show all"). */
export interface BodyPreview {
  /** Characters of the message's source (its HTML, or its text) that the preview covers. */
  readonly shownChars: number;
  readonly totalChars: number;
}

export type ThreadBody =
  | {
      readonly format: "text";
      /** Plain text, rendered by React as escaped text. */
      readonly main: string;
      /** The whole text with quoted history; null when it is the same as `main`. */
      readonly full: string | null;
      /** Null when the whole text is here. */
      readonly preview: BodyPreview | null;
    }
  | {
      readonly format: "html";
      readonly main: EmailFrame;
      readonly full: EmailFrame | null;
      readonly remoteImages: number;
      readonly trackingPixels: number;
      readonly imagesAllowed: boolean;
      /** The sanitizer gave up (size or time) and showed text instead. */
      readonly fallbackToText: boolean;
      /** Not all of the email is shown: a preview, or past the size the Desk shows at all. */
      readonly truncated: boolean;
      /** Null when no more can be had on request. */
      readonly preview: BodyPreview | null;
    };

export interface ThreadMessage extends Omit<Message, "bodyText" | "bodyHtml" | "strippedText" | "strippedHtml" | "sourceLengths"> {
  readonly body: ThreadBody;
  readonly hasQuotedHistory: boolean;
  readonly hasSignature: boolean;
  /** The agent whose assistant sent it through a personal access token, or null (docs/safety.md#assistant-visible). */
  readonly assistantOf: string | null;
}

/** A change an assistant made to the ticket through an agent's token, from the audit log. */
export interface AssistantChange {
  readonly at: string;
  readonly agentName: string;
  /** What changed, in words: "status, priority", "tags". */
  readonly what: string;
}

export type TicketHeader = Omit<Ticket, "messages">;

/** A ticket and its thread as Gorgias gives them (bodies unprepared): what the shared cache keeps. */
export interface RawThread {
  readonly ticket: TicketHeader;
  /** Oldest first. */
  readonly messages: readonly Message[];
  readonly partial: boolean;
}

export interface TicketThread {
  readonly ticket: TicketHeader;
  /** Oldest first. */
  readonly messages: readonly ThreadMessage[];
  readonly theme: EmailTheme;
  /** The thread was longer than we page through (newest first): its oldest messages are missing. */
  readonly partial: boolean;
  /** Newest first; empty when none (or when the loader was not given the store). */
  readonly assistantChanges: readonly AssistantChange[];
  /** Epoch ms of the read, so the browser knows how fresh a prefetched copy is. */
  readonly fetchedAt: number;
}

/** The body of one message, re-prepared on request (with its remote images allowed, or all of it). */
export interface PreparedMessageBody {
  readonly messageId: number;
  readonly body: ThreadBody;
}


