import { buildEmailDocument, htmlToPlainText, inlineImagesOf, plainTextToHtml, prepareMessageBody, splitQuoted, type SanitizedHtml } from "@/lib/email";
import { BODY_PREVIEW_CHARS, textStart, type Message } from "@/lib/domain/message";
import type { BodyPreview, EmailTheme, ThreadBody, ThreadMessage } from "@/lib/domain/ticket-thread";
import { WHOLE_CHARS } from "./body-limits";
import { estimateFrameHeight } from "./frame-height";

// No `server-only` marker: this module also runs in the body workers (body-worker.ts), where that
// package does not resolve as it does on the request thread. Its folder keeps it out of browser code.

export interface PrepareOptions {
  readonly theme: EmailTheme;
  readonly allowRemoteImages?: boolean;
  /** How much of the source to prepare (body-limits.ts); the rest is left for "Show all". All the Desk shows by default. */
  readonly maxChars?: number;
  /** For sanitizing (lib/email/sanitize.ts). */
  readonly timeBudgetMs?: number;
}

export interface PreparedBody {
  readonly body: ThreadBody;
  readonly hasQuotedHistory: boolean;
  readonly hasSignature: boolean;
}

export type BodyFields = Pick<Message, "kind" | "channel" | "bodyText" | "bodyHtml" | "strippedText" | "strippedHtml" | "sourceLengths"> &
  // Only what an inline `cid:` image may show (lib/email/inline-images.ts).
  Partial<{ readonly attachments: readonly Pick<Message["attachments"][number], "url" | "name" | "contentType">[] }>;

const present = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "";

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

/**
 * The length of what the body is prepared from: its HTML or its text, as chooseBodyFormat decides.
 * Whole lengths: a message from the shared cache carries only the start of a long body.
 */
export function sourceChars(m: BodyFields): number {
  const length = (field: "bodyHtml" | "strippedHtml" | "bodyText" | "strippedText") => m.sourceLengths?.[field] ?? m[field]?.length ?? 0;
  return chooseBodyFormat(m) === "html" ? Math.max(length("bodyHtml"), length("strippedHtml")) : Math.max(length("bodyText"), length("strippedText"));
}

const cut = (s: string | null, max: number): string | null => (s === null ? null : textStart(s, max));

const frameOf = (html: SanitizedHtml, theme: EmailTheme, allowRemoteImages: boolean, inlineSources: readonly string[] = []) => ({
  srcDoc: buildEmailDocument(html, { theme, allowRemoteImages, inlineSources }),
  estimatedHeight: estimateFrameHeight(html),
});

/**
 * One message's body for the browser: the first `maxChars` of its source, quoted history split
 * off, HTML sanitized into the email frame's document. A source longer than the Desk sanitizes at
 * all is shown whole as its text (Gorgias's text part, else a text rendering of the HTML).
 */
export function prepareBody(m: BodyFields, options: PrepareOptions): PreparedBody {
  // A message kept cut (withBodiesCut) can only be previewed, however much is asked of it.
  const maxChars = Math.min(options.maxChars ?? WHOLE_CHARS, m.sourceLengths ? BODY_PREVIEW_CHARS : WHOLE_CHARS);
  const total = sourceChars(m);
  const preview: BodyPreview | null = total > maxChars && maxChars < WHOLE_CHARS ? { shownChars: maxChars, totalChars: total } : null;
  const bodyText = cut(m.bodyText, maxChars);

  if (chooseBodyFormat(m) === "text") {
    const split = splitQuoted({ bodyText, strippedText: cut(m.strippedText, maxChars) });
    // An ellipsis where the text was cut.
    const more = (s: string) => (total > maxChars && s.length >= maxChars - 1 ? `${s}\n…` : s);
    return {
      body: { format: "text", main: more(split.main), full: split.full === split.main ? null : more(split.full), preview },
      hasQuotedHistory: split.hasQuotedHistory,
      hasSignature: split.hasSignature,
    };
  }

  const allowRemoteImages = options.allowRemoteImages === true;
  if (total > maxChars && preview === null) {
    const text = present(m.bodyText) ? m.bodyText : htmlToPlainText(m.bodyHtml ?? m.strippedHtml ?? "");
    const shown = cut(text, WHOLE_CHARS) ?? "";
    return {
      body: {
        format: "html",
        main: frameOf(plainTextToHtml(shown), options.theme, allowRemoteImages),
        full: null,
        remoteImages: 0,
        trackingPixels: 0,
        imagesAllowed: allowRemoteImages,
        fallbackToText: true,
        truncated: shown.length < text.length,
        preview: null,
      },
      hasQuotedHistory: false,
      hasSignature: false,
    };
  }

  const prepared = prepareMessageBody(
    { bodyHtml: cut(m.bodyHtml, maxChars), strippedHtml: cut(m.strippedHtml, maxChars), bodyText },
    { allowRemoteImages, timeBudgetMs: options.timeBudgetMs, inlineImages: inlineImagesOf(m.attachments ?? []) },
  );
  const counted = prepared.full ?? prepared.main;
  return {
    body: {
      format: "html",
      main: frameOf(prepared.main.html, options.theme, allowRemoteImages, prepared.main.inlineSources),
      full: prepared.full ? frameOf(prepared.full.html, options.theme, allowRemoteImages, prepared.full.inlineSources) : null,
      // Counted on the expanded body so "Load N images" also covers the quoted history.
      remoteImages: Math.max(counted.remoteImages, prepared.main.remoteImages),
      trackingPixels: Math.max(counted.trackingPixels, prepared.main.trackingPixels),
      imagesAllowed: allowRemoteImages,
      fallbackToText: prepared.main.fallbackToText,
      truncated: preview !== null || prepared.main.truncated || (prepared.full?.truncated ?? false),
      preview,
    },
    hasQuotedHistory: prepared.hasQuotedHistory,
    hasSignature: prepared.hasSignature,
  };
}

/** What a body the Desk could not prepare (a worker that crashed or hung on it) shows instead. */
export function unavailableBody(): PreparedBody {
  return {
    body: { format: "text", main: "This message could not be prepared for display.", full: null, preview: null },
    hasQuotedHistory: false,
    hasSignature: false,
  };
}

/** Drops every raw body field: what leaves the server is the prepared body only. */
export function toThreadMessage(m: Message, prepared: PreparedBody): ThreadMessage {
  const { bodyText: _t, bodyHtml: _h, strippedText: _st, strippedHtml: _sh, sourceLengths: _l, ...rest } = m;
  return { ...rest, ...prepared, assistantOf: null };
}
