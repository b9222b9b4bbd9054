import sanitizeHtml from "sanitize-html";
import { classifyImageSource, LINK_REL, LINK_TARGET, safeLinkHref } from "./urls";
import { isTrackingPixel } from "./trackers";
import { scanTags, tagName, trimEndLinear } from "./scan";
import { SettleWatch } from "./settle";
import { dropSqueezingDeclarations } from "./squeeze";
import { INLINE_MISSING_ATTR, isInlineImageUrl, resolveInlineImage, type InlineImages } from "./inline-images";

/**
 * Customer email HTML is hostile (docs/safety.md#hostile-html). This module is the only producer of HTML that
 * may be rendered from customer content, and its output is still meant for the sandboxed,
 * CSP-locked iframe built by `buildEmailDocument`, never for the app's DOM: sanitize-html parses
 * with htmlparser2, not the browser's parser, so the frame is the second wall, not an extra.
 */

/** HTML that came out of this module. The brand lets the type checker keep raw strings out of the frame. */
export type SanitizedHtml = string & { readonly __brand: "SanitizedHtml" };

export type SanitizeOptions = {
  /** The agent asked to load this message's images. Tracking pixels stay removed regardless. */
  readonly allowRemoteImages?: boolean;
  /** Shown (escaped) instead of a text rendering of the HTML when sanitizing fails, e.g. Gorgias's `body_text`. */
  readonly fallbackText?: string | null;
  /** Wall-clock budget for one sanitize; exposed so tests can force the fallback. */
  readonly timeBudgetMs?: number;
  /** The message's own attachments an inline `cid:` image may show (inline-images.ts). */
  readonly inlineImages?: InlineImages;
};

export type SanitizeResult = {
  readonly html: SanitizedHtml;
  /** Remote images in the message (blocked unless allowed); the UI offers "load images" when > 0. */
  readonly remoteImages: number;
  readonly trackingPixels: number;
  /** Attachment URLs `cid:` images now point at; the frame's CSP admits exactly these. */
  readonly inlineSources: readonly string[];
  readonly truncated: boolean;
  readonly fallbackToText: boolean;
};

/** Past this many UTF-16 units the input is cut: no real reply needs more, and parse time grows with size. */
export const MAX_INPUT_CHARS = 1_000_000;
/** Elements nested deeper than this are flattened (their tags dropped, their text kept). */
export const MAX_NESTING_DEPTH = 100;
export const DEFAULT_TIME_BUDGET_MS = 1_500;

class BudgetExceeded extends Error {
  constructor() {
    super("email sanitizer time budget exceeded");
  }
}

// Never allowed, whatever else changes: anything that runs code, loads a document or resource,
// submits, or rewrites the document's base/metadata. Kept as data so tests can assert against it.
export const FORBIDDEN_TAGS: readonly string[] = [
  "script", "style", "link", "meta", "base", "iframe", "frame", "frameset", "object", "embed",
  "applet", "svg", "math", "form", "input", "button", "select", "textarea", "option", "template",
  "noscript", "xmp", "plaintext", "title", "video", "audio", "source", "picture", "track", "canvas",
  "portal", "dialog", "details", "marquee", "html", "head", "body",
];

export const ALLOWED_TAGS: readonly string[] = [
  "a", "abbr", "address", "b", "bdi", "bdo", "big", "blockquote", "br", "caption", "center", "cite",
  "code", "col", "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
  "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
  "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
  "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "wbr",
];

// Elements whose content is not email text (code, CSS, document metadata, foreign markup or raw
// text that browsers and htmlparser2 tokenize differently). Their content is dropped with them,
// which also removes the classic parser-differential mXSS carriers.
const DROP_WITH_CONTENT = [
  "script", "style", "textarea", "option", "xmp", "title", "noscript", "template", "svg", "math",
  "select", "plaintext", "noembed", "noframes",
];

// Anything that is not a plain colour, length, keyword, font name or rgb()/hsl()/calc() is refused:
// no url(), image-set(), expression(), var(), attr(), no backslash escapes, no `@`, `:`, `;`, `{`.
const SAFE_CSS_VALUE =
  /^(?:[-\w\s#%.,'"!/+*]|(?:rgba?|hsla?|calc)\([-\w\s#%.,/+*]*\))*$/i;
const SAFE_CSS_KEYWORD = /^[a-z-]+$/i;

const CSS_PROPERTIES = [
  "color", "background-color", "background", "font", "font-family", "font-size", "font-weight",
  "font-style", "font-variant", "line-height", "letter-spacing", "word-spacing", "text-align",
  "text-decoration", "text-transform", "text-indent", "vertical-align", "white-space", "word-break",
  "word-wrap", "overflow-wrap", "direction", "margin", "margin-top", "margin-right",
  "margin-bottom", "margin-left", "padding", "padding-top", "padding-right", "padding-bottom",
  "padding-left", "border", "border-top", "border-right", "border-bottom", "border-left",
  "border-color", "border-style", "border-width", "border-radius", "border-collapse",
  "border-spacing", "border-top-color", "border-bottom-color", "border-left-color",
  "border-right-color", "border-top-style", "border-bottom-style", "border-left-style",
  "border-right-style", "border-top-width", "border-bottom-width", "border-left-width",
  "border-right-width", "width", "height", "max-width", "min-width", "max-height", "min-height",
  "float", "clear", "list-style-type", "list-style-position", "table-layout", "overflow",
  "visibility", "opacity", "text-overflow", "mso-line-height-rule",
];

const allowedStyles: Record<string, RegExp[]> = Object.fromEntries(
  CSS_PROPERTIES.map((property) => [property, [SAFE_CSS_VALUE]]),
);
// `position` only in its non-overlaying forms: fixed/absolute/sticky can paint over the frame.
allowedStyles.position = [/^(?:static|relative)$/i];
allowedStyles.display = [/^(?:block|inline|inline-block|table|table-row|table-cell|table-row-group|list-item|none)$/i];
allowedStyles["list-style"] = [SAFE_CSS_KEYWORD];

const DIMENSION = /^\d{1,5}(?:\.\d{1,3})?(?:%|px)?$/i;
const COLOUR = /^(?:#[0-9a-f]{3,8}|[a-z]{3,30})$/i;

// Presentational attributes are kept only with values of the expected shape, so an attribute can
// never carry a URL, CSS, or markup-looking text into the output.
const ATTRIBUTE_VALUE_RULES: Readonly<Record<string, RegExp>> = {
  width: DIMENSION,
  height: DIMENSION,
  border: DIMENSION,
  cellpadding: DIMENSION,
  cellspacing: DIMENSION,
  colspan: /^\d{1,3}$/,
  rowspan: /^\d{1,4}$/,
  span: /^\d{1,3}$/,
  start: /^-?\d{1,6}$/,
  value: /^-?\d{1,6}$/,
  size: /^[+-]?\d{1,3}$/,
  bgcolor: COLOUR,
  color: COLOUR,
  face: /^[\w\s,'"-]{1,200}$/,
  align: /^(?:left|right|center|justify|top|middle|bottom)$/i,
  valign: /^(?:top|middle|bottom|baseline)$/i,
  dir: /^(?:ltr|rtl|auto)$/i,
  lang: /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i,
  type: /^(?:[1aAiI]|disc|circle|square)$/,
};

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  // No sender `title` anywhere: a titled <span> inside a link would show its tooltip instead of the
  // link's real target, which is the whole point of the title we set on links.
  "*": ["style", "dir", "lang", "align", "valign"],
  a: ["href", "title", "target", "rel"],
  img: ["src", "alt", "width", "height", "border", "data-remote-src", INLINE_MISSING_ATTR],
  table: ["width", "height", "border", "cellpadding", "cellspacing", "bgcolor"],
  td: ["width", "height", "colspan", "rowspan", "bgcolor"],
  th: ["width", "height", "colspan", "rowspan", "bgcolor"],
  tr: ["bgcolor", "height"],
  col: ["span", "width"],
  colgroup: ["span", "width"],
  font: ["color", "face", "size"],
  ol: ["start", "type"],
  ul: ["type"],
  li: ["value", "type"],
  hr: ["width", "size"],
};

// In place on purpose: elements to remove are recognised in exclusiveFilter by the identity of
// their attribs object, which must survive this transform.
function filterPresentationalAttributes(tag: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  // An image's size is not text's: tracking pixels are handled as images.
  if (attribs.style !== undefined && tag !== "img") {
    const style = dropSqueezingDeclarations(attribs.style, tag);
    if (style === "") delete attribs.style;
    else attribs.style = style;
  }
  for (const [name, value] of Object.entries(attribs)) {
    const rule = ATTRIBUTE_VALUE_RULES[name.toLowerCase()];
    if (!rule) continue;
    if (rule.test(value.trim())) attribs[name] = value.trim();
    else delete attribs[name];
  }
  return attribs;
}

function firstSrcsetUrl(srcset: string | undefined): string | undefined {
  return srcset?.trim().split(/[\s,]+/)[0];
}

const SETTLE_RULES = {
  allowedTags: new Set(ALLOWED_TAGS),
  dropWithContent: new Set(DROP_WITH_CONTENT),
  nestingLimit: MAX_NESTING_DEPTH,
};

type Counters = { remoteImages: number; trackingPixels: number; inlineSources: Set<string> };

function buildOptions(
  allowRemoteImages: boolean,
  inlineImages: InlineImages,
  counters: Counters,
  checkBudget: () => void,
  settle: SettleWatch | null = null,
): sanitizeHtml.IOptions {
  // Renaming an element to a disallowed tag would be the obvious way to drop it, but sanitize-html
  // 2.18 then leaks a stray closing tag for the next sibling at that depth; exclusiveFilter does not.
  const removed = new WeakSet<sanitizeHtml.Attributes>();
  return {
    exclusiveFilter: (frame) => removed.has(frame.attribs),
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedStyles: { "*": allowedStyles },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https", "cid", "data"] },
    allowProtocolRelative: false,
    allowedClasses: {},
    disallowedTagsMode: "discard",
    nonTextTags: DROP_WITH_CONTENT,
    nestingLimit: MAX_NESTING_DEPTH,
    allowVulnerableTags: false,
    // A `<html>` inside the body would otherwise reset nothing useful; keep default behaviour.
    enforceHtmlBoundary: false,
    parser: { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
    onOpenTag: (name) => {
      checkBudget();
      settle?.open(name);
    },
    onCloseTag: (name) => {
      checkBudget();
      settle?.close(name);
    },
    textFilter: (text) => {
      checkBudget();
      return text;
    },
    transformTags: {
      a: (_tagName, attribs) => {
        const href = attribs.href === undefined ? null : safeLinkHref(attribs.href);
        const dir = attribs.dir;
        const style = attribs.style === undefined ? undefined : dropSqueezingDeclarations(attribs.style, "a");
        const next: sanitizeHtml.Attributes = {};
        if (href !== null) {
          // The title always shows the real destination so a link whose text names another
          // site is visible on hover (Zammad's practice; docs/safety.md#remote-images).
          next.href = href;
          next.title = href;
          next.target = LINK_TARGET;
          next.rel = LINK_REL;
        }
        if (dir !== undefined) next.dir = dir;
        if (style !== undefined) next.style = style;
        return { tagName: "a", attribs: next };
      },
      img: (_tagName, attribs) => {
        // A second pass over our own output sees `data-remote-src` instead of `src`; treating it as
        // the source keeps sanitizing idempotent and stops a sender planting a fake value there.
        const raw = attribs.src ?? firstSrcsetUrl(attribs.srcset) ?? attribs["data-remote-src"] ?? "";
        const source = classifyImageSource(raw);
        const next: sanitizeHtml.Attributes = {};
        for (const name of ["alt", "width", "height", "border", "align", "style", "dir"]) {
          const value = attribs[name];
          if (value !== undefined) next[name] = value;
        }
        if (source.kind === "remote" && isInlineImageUrl(source.url.href, inlineImages)) {
          next.src = source.url.href;
          counters.inlineSources.add(source.url.href);
        } else if (source.kind === "remote") {
          if (isTrackingPixel(source.url, attribs)) {
            counters.trackingPixels += 1;
            const marker: sanitizeHtml.Attributes = {};
            removed.add(marker);
            return { tagName: "img", attribs: marker };
          }
          counters.remoteImages += 1;
          if (allowRemoteImages) next.src = source.url.href;
          else next["data-remote-src"] = source.url.href;
        } else if (source.kind === "inline" && !/^cid:/i.test(source.src)) {
          next.src = source.src;
        } else if (source.kind === "inline" || attribs[INLINE_MISSING_ATTR] !== undefined) {
          // A `cid:` part shows the message's own attachment; one that is not there becomes a
          // placeholder with no source at all, so the browser neither fetches nor reports it.
          const resolved = source.kind === "inline" ? resolveInlineImage(source.src, inlineImages) : null;
          if (resolved !== null) {
            next.src = resolved;
            counters.inlineSources.add(resolved);
          } else {
            next.alt = next.alt?.trim() ? next.alt : "Inline image";
            next[INLINE_MISSING_ATTR] = "1";
          }
        }
        return { tagName: "img", attribs: next };
      },
      "*": (tagName, attribs) => ({ tagName, attribs: filterPresentationalAttributes(tagName, attribs) }),
    },
  };
}

/**
 * Cheap linear pre-pass: htmlparser2 + sanitize-html slow down quadratically with nesting depth
 * (≈8 s for 150k nested divs), so tags beyond MAX_NESTING_DEPTH are removed before parsing. The
 * depth is estimated with a tag regex; an estimate that is off only flattens formatting, because
 * the real sanitizer still runs on whatever this returns.
 */
const VOID_ELEMENTS = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
  "track", "wbr", "keygen", "basefont", "frame", "isindex",
]);

export function flattenDeepNesting(html: string, limit: number = MAX_NESTING_DEPTH): string {
  const tags: { start: number; end: number; keep: boolean }[] = [];
  let depth = 0;
  let tooDeep = false;
  scanTags(html, (tag) => {
    const parsed = tagName(tag.text);
    if (!parsed || VOID_ELEMENTS.has(parsed.name) || tag.text.endsWith("/>")) return;
    if (parsed.closing) {
      tags.push({ start: tag.start, end: tag.end, keep: depth <= limit });
      depth = Math.max(0, depth - 1);
    } else {
      depth += 1;
      if (depth > limit) tooDeep = true;
      tags.push({ start: tag.start, end: tag.end, keep: depth <= limit });
    }
  });
  if (!tooDeep) return html;
  const parts: string[] = [];
  let last = 0;
  for (const tag of tags) {
    if (tag.keep) continue;
    parts.push(html.slice(last, tag.start));
    last = tag.end;
  }
  parts.push(html.slice(last));
  return parts.join("");
}

function truncate(html: string): { html: string; truncated: boolean } {
  if (html.length <= MAX_INPUT_CHARS) return { html, truncated: false };
  let cut = html.slice(0, MAX_INPUT_CHARS);
  // Do not leave half a surrogate pair behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return { html: cut, truncated: true };
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0",
};

function decodeBasicEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "\ufffd";
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const TEXT_SKIP_ELEMENTS = new Set(["script", "style", "title", "head", "xmp", "noscript", "template", "svg", "math", "textarea"]);
const TEXT_BREAK_ELEMENTS = new Set(["br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "table", "pre"]);

/**
 * A readable text rendering of HTML for the fallback path. It never produces markup (the result is
 * escaped by plainTextToHtml), and it scans with indexOf so a hostile input cannot make it slower
 * than linear.
 */
export function htmlToPlainText(html: string): string {
  const lower = html.toLowerCase();
  let out = "";
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (lower.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const nameMatch = /^<(\/?)([a-z][a-z0-9-]*)/.exec(lower.slice(lt, lt + 40));
    if (!nameMatch && !/^<[!?/]/.test(lower.slice(lt, lt + 2))) {
      out += "<";
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf(">", lt);
    if (gt === -1) break;
    i = gt + 1;
    const name = nameMatch?.[2];
    if (name === undefined) continue;
    if (nameMatch?.[1] !== "/" && TEXT_SKIP_ELEMENTS.has(name)) {
      const close = lower.indexOf(`</${name}`, i);
      if (close === -1) break;
      const closeEnd = html.indexOf(">", close);
      i = closeEnd === -1 ? html.length : closeEnd + 1;
      continue;
    }
    if (TEXT_BREAK_ELEMENTS.has(name)) out += "\n";
  }
  return decodeBasicEntities(out)
    .split("\n")
    .map((line) => trimEndLinear(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const escapeText = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string): string => escapeText(text).replace(/"/g, "&quot;");

const TRAILING_PUNCTUATION = ".,;:!?)]}";
const TEXT_URL = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/**
 * Plain text as HTML for the same frame: everything escaped, http(s) URLs linkified with the same
 * href/title/target/rel the sanitizer gives links, line breaks kept by `pre-wrap`.
 */
export function plainTextToHtml(text: string): SanitizedHtml {
  const normalized = text.replace(/\r\n?/g, "\n");
  let body = "";
  let last = 0;
  for (const match of normalized.matchAll(TEXT_URL)) {
    const start = match.index;
    // Sentence punctuation after a URL is almost never part of it.
    const candidate = trimEndLinear(match[0], (code) => TRAILING_PUNCTUATION.includes(String.fromCharCode(code)));
    const href = safeLinkHref(candidate);
    if (href === null) continue;
    body += escapeText(normalized.slice(last, start));
    body += `<a href="${escapeAttribute(href)}" title="${escapeAttribute(href)}" target="${LINK_TARGET}" rel="${LINK_REL}">${escapeText(candidate)}</a>`;
    last = start + candidate.length;
  }
  body += escapeText(normalized.slice(last));
  return `<div style="white-space:pre-wrap">${body}</div>` as SanitizedHtml;
}

function fallback(input: string, options: SanitizeOptions, truncated: boolean): SanitizeResult {
  const source = options.fallbackText ?? htmlToPlainText(input);
  const capped = source.length > MAX_INPUT_CHARS ? source.slice(0, MAX_INPUT_CHARS) : source;
  return {
    html: plainTextToHtml(capped),
    remoteImages: 0,
    trackingPixels: 0,
    inlineSources: [],
    truncated: truncated || capped.length < source.length,
    fallbackToText: true,
  };
}

/** Sanitizes one customer email body. Never throws: on any failure the result is escaped plain text. */
export function sanitizeEmailHtml(html: string, options: SanitizeOptions = {}): SanitizeResult {
  const input = typeof html === "string" ? html : "";
  const { html: capped, truncated } = truncate(input);
  const budgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const deadline = performance.now() + budgetMs;
  const checkBudget = (): void => {
    if (performance.now() > deadline) throw new BudgetExceeded();
  };
  const counters: Counters = { remoteImages: 0, trackingPixels: 0, inlineSources: new Set() };
  const inlineImages = options.inlineImages ?? new Map<string, string>();
  try {
    const flattened = flattenDeepNesting(capped);
    checkBudget();
    const allowRemote = options.allowRemoteImages === true;
    const settle = new SettleWatch(SETTLE_RULES);
    const first = sanitizeHtml(flattened, buildOptions(allowRemote, inlineImages, counters, checkBudget, settle));
    checkBudget();
    // A dropped element (a malformed `<script<table>` too) can leave rows the parser nests
    // differently on its next read. A second pass settles the markup, so what is stored is what any
    // later read of it sees; its counts would repeat the first's. It runs only when the first pass
    // may have left such markup (lib/email/settle.ts): most emails are settled after one.
    const out = settle.needsSecondPass
      ? sanitizeHtml(first, buildOptions(allowRemote, inlineImages, { remoteImages: 0, trackingPixels: 0, inlineSources: new Set() }, checkBudget))
      : first;
    return {
      html: out as SanitizedHtml,
      remoteImages: counters.remoteImages,
      trackingPixels: counters.trackingPixels,
      inlineSources: [...counters.inlineSources],
      truncated,
      fallbackToText: false,
    };
  } catch {
    // The budget, a parser bug or a pathological input: the agent still gets to read the message.
    return fallback(capped, options, truncated);
  }
}
