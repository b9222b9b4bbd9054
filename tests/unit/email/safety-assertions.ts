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

const FORBIDDEN_ATTRIBUTES = new Set(["srcdoc", "srcset", "action", "formaction", "background", "ping", "xlink:href", "id", "name", "class", "http-equiv"]);

/** Every way the output could be unsafe, as readable strings (empty when safe). Plain JS so a megabyte of output stays fast. */
export function safetyViolations(html: string, options: { allowRemoteImages?: boolean } = {}): string[] {
  const problems: string[] = [];
  const forbiddenTag = DANGEROUS_TAG_STRING.exec(html);
  if (forbiddenTag) problems.push(`forbidden tag ${forbiddenTag[0]}`);
  let parsed: ReturnType<typeof parseSanitized>;
  try {
    parsed = parseSanitized(html);
  } catch (error) {
    return [...problems, String(error)];
  }
  const { tags, text } = parsed;
  if (/[<>]/.test(text)) problems.push("unescaped < or > in text");
  const allowedTags = new Set(ALLOWED_TAGS);
  const imageSrc = options.allowRemoteImages
    ? /^(?:data:image\/(?:png|gif|jpe?g|webp);base64,|https?:\/\/)/i
    : /^(?:data:image\/(?:png|gif|jpe?g|webp);base64,)/i;
  for (const tag of tags) {
    if (!allowedTags.has(tag.name)) problems.push(`tag not allowed: ${tag.raw}`);
    // With values removed, no event-handler attribute name can remain in the tag.
    if (/\son\w+\s*=?/i.test(tag.raw.replace(/="[^"]*"/g, ""))) problems.push(`event handler: ${tag.raw}`);
    for (const [name, value] of tag.attributes) {
      if (/^on/i.test(name)) problems.push(`event handler attribute: ${tag.raw}`);
      if (FORBIDDEN_ATTRIBUTES.has(name)) problems.push(`forbidden attribute ${name}: ${tag.raw}`);
      // URL attributes (and a link's title, which mirrors its href) get the stricter scheme
      // allow-list below, where "data:text" inside an https path is rightly fine; alt is inert text.
      const schemeChecked = URL_ATTRIBUTES.has(name) || (tag.name === "a" && name === "title");
      if (!schemeChecked && name !== "alt" && DANGEROUS_VALUE.test(value)) problems.push(`dangerous value: ${tag.raw}`);
      if (name === "style" && DANGEROUS_CSS.test(value)) problems.push(`dangerous css: ${tag.raw}`);
      if (!URL_ATTRIBUTES.has(name)) continue;
      const allowed =
        name === "href" ? /^(?:https?:\/\/|mailto:|tel:)/i : name === "data-remote-src" ? /^https?:\/\//i : imageSrc;
      if (!allowed.test(value)) problems.push(`url not allowed in ${name}: ${tag.raw}`);
    }
    if (tag.name === "a" && tag.attributes.has("href")) {
      const a = tag.attributes;
      if (a.get("target") !== "_blank" || a.get("rel") !== "noopener noreferrer nofollow" || a.get("title") !== a.get("href")) {
        problems.push(`link without target/rel/title: ${tag.raw}`);
      }
    }
  }
  return problems;
}

export function assertSafeEmailHtml(html: string, options: { allowRemoteImages?: boolean } = {}): void {
  expect(safetyViolations(html, options)).toEqual([]);
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
