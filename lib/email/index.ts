/**
 * Customer email rendering safety (docs/safety.md#hostile-html, #remote-images, #untrusted-text).
 * Import from "@/lib/email/server" in app code; this barrel has no `server-only` marker so unit
 * tests and the body workers (features/ticket/server/body-worker.ts) can load it.
 */
export {
  sanitizeEmailHtml,
  plainTextToHtml,
  htmlToPlainText,
  MAX_INPUT_CHARS,
  MAX_NESTING_DEPTH,
  DEFAULT_TIME_BUDGET_MS,
  ALLOWED_TAGS,
  FORBIDDEN_TAGS,
  type SanitizedHtml,
  type SanitizeOptions,
  type SanitizeResult,
} from "./sanitize";
export {
  buildEmailDocument,
  emailContentSecurityPolicy,
  EMAIL_IFRAME_SANDBOX,
  EMAIL_IFRAME_REFERRER_POLICY,
  EMAIL_IFRAME_PROPS,
  type EmailTheme,
  type EmailDocumentOptions,
} from "./document";
export { splitQuoted, type QuotedMessageInput, type QuotedSplit } from "./quoted";
export { prepareMessageBody, type PreparedMessageBody } from "./prepare";
export { LINK_REL, LINK_TARGET } from "./urls";
export { inlineImagesOf, type InlineImages } from "./inline-images";
