import { expect } from "vitest";
import { ALLOWED_TAGS } from "@/lib/email";

/**
 * Inspects sanitizer output as markup. This is exact for sanitize-html output because it escapes
 * `<` and `>` in text and `<`, `>`, `"` in attribute values: every literal `<` starts a real tag.
 */
export type ParsedTag = { name: string; closing: boolean; attributes: Map<string, string>; raw: string };

const TAG = /<(\/?)([a-z][a-z0-9-]*)((?:\s+[^\s="'<>/]+(?:="[^"<>]*")?)*)\s*(\/?)>/gy;
const ATTRIBUTE = /\s+([^\s="'<>/]+)(?:="([^"<>]*)")?/g;

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

export function parseSanitized(html: string): { tags: ParsedTag[]; text: string } {
  const tags: ParsedTag[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    if (!match) throw new Error(`unparseable markup at ${lt}: ${html.slice(lt, lt + 80)}`);
    const attributes = new Map<string, string>();
    for (const attribute of (match[3] ?? "").matchAll(ATTRIBUTE)) {
      attributes.set(attribute[1] ?? "", decodeAttribute(attribute[2] ?? ""));
    }
    tags.push({ name: match[2] ?? "", closing: match[1] === "/", attributes, raw: match[0] });
    i = TAG.lastIndex;
  }
  return { tags, text };
}

const URL_ATTRIBUTES = new Set(["href", "src", "data-remote-src"]);
const DANGEROUS_VALUE = /javascript:|vbscript:|data:text|livescript:/i;
const DANGEROUS_CSS = /url\s*\(|expression|@import|behavior|binding|\\|image-set|position\s*:\s*(?:fixed|absolute|sticky)/i;
const DANGEROUS_TAG_STRING = /<\s*\/?\s*(?:script|svg|math|iframe|frame|object|embed|applet|form|input|button|textarea|select|base|meta|link|style|template|noscript|xmp|title|video|audio|picture|source)\b/i;

export function assertSafeEmailHtml(html: string, options: { allowRemoteImages?: boolean } = {}): void {
  expect(html).not.toMatch(DANGEROUS_TAG_STRING);
  const { tags, text } = parseSanitized(html);
  expect(text).not.toContain("<");
  expect(text).not.toContain(">");
  for (const tag of tags) {
    expect(ALLOWED_TAGS, tag.raw).toContain(tag.name);
    // With values removed, no event-handler attribute name can remain in the tag.
    expect(tag.raw.replace(/="[^"]*"/g, ""), tag.raw).not.toMatch(/\son\w+\s*=?/i);
    for (const [name, value] of tag.attributes) {
      expect(name, tag.raw).not.toMatch(/^on/i);
      expect(["srcdoc", "srcset", "action", "formaction", "background", "ping", "xlink:href", "id", "name", "class", "http-equiv"], tag.raw).not.toContain(name);
      expect(value, tag.raw).not.toMatch(DANGEROUS_VALUE);
      if (name === "style") expect(value, tag.raw).not.toMatch(DANGEROUS_CSS);
      if (URL_ATTRIBUTES.has(name)) {
        const allowed =
          name === "href"
            ? /^(?:https?:\/\/|mailto:|tel:)/i
            : name === "data-remote-src"
              ? /^https?:\/\//i
              : options.allowRemoteImages
                ? /^(?:cid:|data:image\/(?:png|gif|jpe?g|webp);base64,|https?:\/\/)/i
                : /^(?:cid:|data:image\/(?:png|gif|jpe?g|webp);base64,)/i;
        expect(value, tag.raw).toMatch(allowed);
      }
    }
    if (tag.name === "a" && tag.attributes.has("href")) {
      expect(tag.attributes.get("target"), tag.raw).toBe("_blank");
      expect(tag.attributes.get("rel"), tag.raw).toBe("noopener noreferrer nofollow");
      expect(tag.attributes.get("title"), tag.raw).toBe(tag.attributes.get("href"));
    }
  }
}

/** Maximum element depth of sanitizer output (void elements do not nest). */
export function maxDepth(html: string): number {
  const VOID = new Set(["br", "hr", "img", "col", "wbr"]);
  let depth = 0;
  let max = 0;
  for (const tag of parseSanitized(html).tags) {
    if (VOID.has(tag.name)) continue;
    if (tag.closing) depth -= 1;
    else max = Math.max(max, ++depth);
  }
  return max;
}
