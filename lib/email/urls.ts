/**
 * URL decisions shared by the sanitizer and the plain-text linkifier, so a link looks the same
 * whichever path produced it (and so sanitizing our own output is a fixed point).
 */

import { trimEndLinear, trimStartLinear } from "./scan";

export const LINK_REL = "noopener noreferrer nofollow";
export const LINK_TARGET = "_blank";

// Browsers drop leading/trailing C0 controls and spaces and delete tabs/newlines anywhere in a URL
// before reading the scheme; doing the same here is what defeats `java\tscript:` and friends.
export function normalizeUrlInput(raw: string): string {
  const isControlOrSpace = (code: number): boolean => code <= 0x20;
  return trimStartLinear(trimEndLinear(raw, isControlOrSpace), isControlOrSpace).replace(/[\t\n\r]/g, "");
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function parseHttpUrl(candidate: string): URL | null {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * The href a customer link may keep, or null. Only http, https, mailto and tel survive. Relative
 * and fragment links are dropped: inside a `srcdoc` frame they resolve against `about:srcdoc` and
 * can only confuse. http(s) URLs are re-serialized by the WHATWG parser so the title the agent
 * sees is the URL the browser will actually open (punycode hosts, encoded spaces).
 */
export function safeLinkHref(raw: string): string | null {
  const value = normalizeUrlInput(raw);
  if (value === "") return null;
  if (value.startsWith("//")) return parseHttpUrl(`https:${value}`)?.href ?? null;
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme === "http" || scheme === "https") return parseHttpUrl(value)?.href ?? null;
  if (scheme === "mailto" || scheme === "tel") {
    // Quotes and angle brackets have no business in an address and only help break out of markup.
    return /["'<>`\\]/.test(value) ? null : value;
  }
  return null;
}

export type ImageSource =
  | { readonly kind: "inline"; readonly src: string }
  | { readonly kind: "remote"; readonly url: URL }
  | { readonly kind: "invalid" };

const INLINE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp);base64,[a-z0-9+/]+={0,2}$/i;
const CID = /^cid:[^\s"'<>`\\]+$/i;

/** Classifies an `<img>` source: message-embedded (loads offline), remote (a fetch the sender can observe), or unusable. */
export function classifyImageSource(raw: string): ImageSource {
  const value = normalizeUrlInput(raw).replace(/\s+/g, "");
  if (value === "") return { kind: "invalid" };
  if (CID.test(value)) return { kind: "inline", src: value };
  if (/^data:/i.test(value)) {
    // SVG is excluded on purpose: it is a document format, and its history of filter bypasses
    // (Roundcube's feImage/FuncIRI) is not worth inheriting for a picture in an email.
    return INLINE_DATA_IMAGE.test(value) ? { kind: "inline", src: value } : { kind: "invalid" };
  }
  const url = parseHttpUrl(value.startsWith("//") ? `https:${value}` : value);
  if (!url) return { kind: "invalid" };
  // Credentials in an image URL only serve to provoke or pre-fill an HTTP-auth exchange.
  url.username = "";
  url.password = "";
  return { kind: "remote", url };
}
