/**
 * Inline (`cid:`) images. Gorgias keeps a message's MIME parts as its attachments, on its own
 * storage; an `<img src="cid:…">` shows the attachment it names. Such a URL is Gorgias's, not the
 * sender's, so loading it tells the sender nothing and needs no "load images"
 * (docs/safety.md#remote-images). A `cid:` with no matching attachment becomes a placeholder.
 */

/** Content id (lower case, without `<>`) → the attachment's https URL. */
export type InlineImages = ReadonlyMap<string, string>;

/** Marks an inline image whose part is not among the attachments; styled as a placeholder in the frame. */
export const INLINE_MISSING_ATTR = "data-inline-missing";

export interface InlineAttachment {
  readonly url: string;
  readonly name: string | null;
  readonly contentType: string | null;
}

// Only what a CSP source expression can hold as one token: no space, quote, `;` or `,`.
const CSP_SAFE_HTTPS_URL = /^https:\/\/[^\s;,'"\\]+$/i;

function safeUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== "https:" || url.username !== "" || url.password !== "") return null;
    return CSP_SAFE_HTTPS_URL.test(url.href) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The images a message's `cid:` references may show, keyed by each image attachment's name (the
 * Content-ID mail clients give a part is its file name, or the name before an `@domain`).
 */
export function inlineImagesOf(attachments: readonly InlineAttachment[]): InlineImages {
  const out = new Map<string, string>();
  for (const a of attachments) {
    if (!a.name || !a.contentType?.toLowerCase().startsWith("image/") || a.contentType.toLowerCase().includes("svg")) continue;
    const url = safeUrl(a.url);
    if (url !== null && !out.has(a.name.toLowerCase())) out.set(a.name.toLowerCase(), url);
  }
  return out;
}

/** The attachment URL for `cid:<id>`, or null. */
export function resolveInlineImage(src: string, images: InlineImages): string | null {
  let id: string;
  try {
    id = decodeURIComponent(src.replace(/^cid:/i, "")).replace(/^<|>$/g, "").trim().toLowerCase();
  } catch {
    return null;
  }
  if (id === "") return null;
  return images.get(id) ?? images.get(id.split("@")[0]!) ?? null;
}

/** Whether `url` is one of the attachment URLs (a second sanitizer pass sees them resolved). */
export function isInlineImageUrl(url: string, images: InlineImages): boolean {
  for (const value of images.values()) if (value === url) return true;
  return false;
}
