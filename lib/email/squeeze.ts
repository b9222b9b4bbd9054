/**
 * Declarations that make an email unreadable rather than styled (docs/safety.md#hostile-html):
 * `width:1px` on a paragraph (one letter a line), a height that clips its text under
 * `overflow:hidden`, `font-size:0`, text pushed thousands of pixels off its box, and viewport
 * units, which in a frame sized to its content would grow it without end. Applied to a raw
 * `style` before sanitize-html's own allow-list, which still filters what is left; images are
 * exempt (their sizes are handled as images, tracking pixels apart).
 */

const PX_PER_UNIT: Readonly<Record<string, number>> = { "": 1, px: 1, pt: 4 / 3, pc: 16, em: 16, rem: 16, ex: 8, ch: 8, in: 96, cm: 37.8, mm: 3.78, q: 0.945 };

/** Below this a box cannot hold a short word. */
const MIN_TEXT_WIDTH_PX = 48;
/** Narrower than this share of its container, a block squeezes its text. Table cells are exempt: their text sets their width. */
const MIN_TEXT_WIDTH_PERCENT = 10;
const MIN_FONT_PX = 6;
/** Further left or up than this, text leaves its box. */
const MAX_NEGATIVE_OFFSET_PX = 64;

const VIEWPORT_UNIT = /\d\s*(?:[sld]?v(?:h|w|min|max|i|b))\b/i;
const CLIPPING = /^(?:hidden|clip)$/i;

const WIDTHS = new Set(["width", "max-width"]);
const HEIGHTS = new Set(["height", "max-height"]);
const OVERFLOWS = new Set(["overflow", "overflow-x", "overflow-y"]);
const OFFSETS = new Set(["text-indent", "margin", "margin-top", "margin-left", "margin-right", "margin-bottom"]);
const TABLE_CELLS = new Set(["td", "th", "col", "colgroup"]);

type Length = { px: number } | { percent: number } | null;

function parseLength(value: string): Length {
  const match = /^(-?\d*\.?\d+)\s*(%|[a-z]*)$/i.exec(value.trim().replace(/\s*!important$/i, ""));
  if (!match) return null;
  const n = Number(match[1]);
  const unit = match[2]!.toLowerCase();
  if (unit === "%") return { percent: n };
  const factor = PX_PER_UNIT[unit];
  return factor === undefined ? null : { px: n * factor };
}

function squeezesWidth(value: string, tag: string): boolean {
  const length = parseLength(value);
  if (length === null) return false;
  if ("px" in length) return length.px < MIN_TEXT_WIDTH_PX;
  return !TABLE_CELLS.has(tag) && length.percent < MIN_TEXT_WIDTH_PERCENT;
}

function tooSmallFont(value: string): boolean {
  const length = parseLength(value);
  if (length === null) return false;
  return "px" in length ? length.px < MIN_FONT_PX : length.percent < 40;
}

function pushesTextAway(value: string): boolean {
  return value.split(/\s+/).some((part) => {
    const length = parseLength(part);
    return length !== null && "px" in length && length.px < -MAX_NEGATIVE_OFFSET_PX;
  });
}

interface Declaration {
  readonly property: string;
  readonly value: string;
}

function declarations(style: string): Declaration[] {
  const out: Declaration[] = [];
  for (const part of style.split(";")) {
    const colon = part.indexOf(":");
    if (colon === -1) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).trim();
    if (property !== "" && value !== "") out.push({ property, value });
  }
  return out;
}

/** `style` without the declarations that hide or squeeze text on a `tag` element. */
export function dropSqueezingDeclarations(style: string, tag: string): string {
  const all = declarations(style);
  const clipped = all.some((d) => OVERFLOWS.has(d.property) && CLIPPING.test(d.value.replace(/\s*!important$/i, "")));
  const sized = all.some((d) => HEIGHTS.has(d.property));
  const kept = all.filter(({ property, value }) => {
    if (VIEWPORT_UNIT.test(value)) return false;
    if (property === "position") return /^(?:static|relative)$/i.test(value.trim());
    if (WIDTHS.has(property)) return !squeezesWidth(value, tag);
    if (property === "font-size") return !tooSmallFont(value);
    if (property === "font") return !/(?:^|\s)0(?:px|pt|em|rem|%)?(?:\s|\/|$)/i.test(value);
    if (OFFSETS.has(property)) return !pushesTextAway(value);
    // A box of fixed height hides what does not fit only with overflow hidden: then both go, and the box grows to its text.
    if (clipped && sized && (HEIGHTS.has(property) || OVERFLOWS.has(property))) return false;
    return true;
  });
  return kept.map((d) => `${d.property}:${d.value}`).join(";");
}
