/**
 * The email frame's height before the browser measures it (features/ticket/client/fit-frame.ts),
 * so the thread does not jump much when it does: roughly one line per block plus wrapped text, and
 * the declared height of images.
 */
const LINE_PX = 21;
const PADDING_PX = 28;
const CHARS_PER_LINE = 80;
const MIN_PX = 56;
const MAX_PX = 4000;

const BLOCK_BREAK = /<(?:br|p|div|li|tr|h[1-6]|blockquote|pre|hr|table|ul|ol|dl|dt|dd)\b[^>]*>/gi;
const IMG = /<img\b[^>]*>/gi;
const HEIGHT_ATTR = /\bheight\s*=\s*["']?(\d{1,4})/i;

function decodeLength(text: string): number {
  return text.replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, "x").replace(/\s+/g, " ").trim().length;
}

export function estimateFrameHeight(html: string): number {
  let px = PADDING_PX;
  for (const img of html.match(IMG) ?? []) {
    const declared = HEIGHT_ATTR.exec(img);
    px += declared ? Math.min(Number(declared[1]), 600) : 120;
  }
  const segments = html.replace(IMG, "").split(BLOCK_BREAK);
  let lines = 0;
  for (const segment of segments) {
    const length = decodeLength(segment.replace(/<[^>]*>/g, ""));
    lines += length === 0 ? 0.5 : Math.ceil(length / CHARS_PER_LINE);
  }
  px += Math.ceil(lines) * LINE_PX;
  return Math.max(MIN_PX, Math.min(MAX_PX, Math.round(px)));
}
