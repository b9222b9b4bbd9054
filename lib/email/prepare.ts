import { splitQuoted, type QuotedMessageInput } from "./quoted";
import { MAX_INPUT_CHARS, plainTextToHtml, sanitizeEmailHtml, type SanitizeOptions, type SanitizeResult } from "./sanitize";

export type PreparedMessageBody = {
  /** The collapsed view, ready for buildEmailDocument. */
  readonly main: SanitizeResult;
  /** The expanded view; null when it is the same as `main`. */
  readonly full: SanitizeResult | null;
  readonly hasQuotedHistory: boolean;
  readonly hasSignature: boolean;
};

function fromText(text: string): SanitizeResult {
  const truncated = text.length > MAX_INPUT_CHARS;
  const body = truncated ? text.slice(0, MAX_INPUT_CHARS) : text;
  return { html: plainTextToHtml(body), remoteImages: 0, trackingPixels: 0, inlineSources: [], truncated, fallbackToText: false };
}

/**
 * splitQuoted + sanitize in one step, so no caller can render a raw `main`/`full` by accident.
 * The expanded body is sanitized too: quoted history is customer HTML like the rest.
 */
export function prepareMessageBody(
  message: QuotedMessageInput,
  options: Pick<SanitizeOptions, "allowRemoteImages" | "timeBudgetMs" | "inlineImages"> = {},
): PreparedMessageBody {
  const split = splitQuoted(message);
  const render = (body: string): SanitizeResult =>
    split.format === "html"
      ? sanitizeEmailHtml(body, { ...options, fallbackText: message.bodyText ?? null })
      : fromText(body);
  const main = render(split.main);
  const full = split.main === split.full ? null : render(split.full);
  return { main, full, hasQuotedHistory: split.hasQuotedHistory, hasSignature: split.hasSignature };
}
