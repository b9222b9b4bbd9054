import "server-only";
import { buildEmailDocument, prepareMessageBody, splitQuoted } from "@/lib/email/server";
import type { Message } from "@/lib/domain/message";
import type { EmailTheme, ThreadBody, ThreadMessage } from "@/lib/domain/ticket-thread";
import { estimateFrameHeight } from "./frame-height";

export interface PrepareOptions {
  readonly theme: EmailTheme;
  readonly allowRemoteImages?: boolean;
}

const MAX_TEXT_CHARS = 200_000;
const present = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "";

type BodyFields = Pick<Message, "kind" | "channel" | "bodyText" | "bodyHtml" | "strippedText" | "strippedHtml">;

/**
 * HTML is kept for email-like messages only. Chat, SMS and other plain channels are shown as
 * escaped text, and so are notes that have a text body: they are agents' own words, and an amber
 * text bubble cannot be mistaken for an email the customer received.
 */
export function chooseBodyFormat(m: BodyFields): "html" | "text" {
  const hasHtml = present(m.bodyHtml) || present(m.strippedHtml);
  const hasText = present(m.bodyText) || present(m.strippedText);
  if (!hasHtml) return "text";
  if (hasText && (m.kind === "note" || (m.channel !== null && m.channel !== "email"))) return "text";
  return "html";
}

const cap = (s: string) => (s.length > MAX_TEXT_CHARS ? `${s.slice(0, MAX_TEXT_CHARS)}\n…` : s);

export function prepareBody(m: BodyFields, options: PrepareOptions): { body: ThreadBody; hasQuotedHistory: boolean; hasSignature: boolean } {
  if (chooseBodyFormat(m) === "text") {
    const split = splitQuoted({ bodyText: m.bodyText, strippedText: m.strippedText });
    const main = cap(split.main);
    const full = split.full === split.main ? null : cap(split.full);
    return { body: { format: "text", main, full }, hasQuotedHistory: split.hasQuotedHistory, hasSignature: split.hasSignature };
  }
  const allowRemoteImages = options.allowRemoteImages === true;
  const prepared = prepareMessageBody(m, { allowRemoteImages });
  const frame = (html: typeof prepared.main.html) => ({
    srcDoc: buildEmailDocument(html, { theme: options.theme, allowRemoteImages }),
    estimatedHeight: estimateFrameHeight(html),
  });
  const counted = prepared.full ?? prepared.main;
  return {
    body: {
      format: "html",
      main: frame(prepared.main.html),
      full: prepared.full ? frame(prepared.full.html) : null,
      // Counted on the expanded body so "Load N images" also covers the quoted history.
      remoteImages: Math.max(counted.remoteImages, prepared.main.remoteImages),
      trackingPixels: Math.max(counted.trackingPixels, prepared.main.trackingPixels),
      imagesAllowed: allowRemoteImages,
      fallbackToText: prepared.main.fallbackToText,
      truncated: prepared.main.truncated || (prepared.full?.truncated ?? false),
    },
    hasQuotedHistory: prepared.hasQuotedHistory,
    hasSignature: prepared.hasSignature,
  };
}

/** Drops every raw body field: what leaves the server is the prepared body only. */
export function toThreadMessage(m: Message, options: PrepareOptions): ThreadMessage {
  const { bodyText: _t, bodyHtml: _h, strippedText: _st, strippedHtml: _sh, ...rest } = m;
  return { ...rest, ...prepareBody(m, options), assistantOf: null };
}
