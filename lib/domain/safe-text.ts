/**
 * Text from outside (Gorgias's answers, customers' words) made safe for where it goes next
 * (docs/safety.md#untrusted-text).
 */

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A lone UTF-16 surrogate (a broken emoji cut in half upstream) becomes U+FFFD: the server's HTML
 * would encode it differently from the browser's copy and React's hydration would fail.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

// C0 controls (tab, CR and LF included), DEL, NEL and the Unicode line and paragraph separators.
const LINE_BREAKING = /[\u0000-\u001F\u007F\u0085\u2028\u2029]+/g;

/**
 * One line of text for an e-mail header (a subject, a display name): a customer's CR/LF must never
 * start a header of our own (`Bcc:` …), so every line break or control becomes a space.
 */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKING, " ").replace(/ {2,}/g, " ").trim();
}
