/**
 * Linear-time helpers for hostile input. Regexes such as `/<[^>]*>/g` or `/\s+$/` go quadratic on
 * inputs like a megabyte of `<a` or of spaces; everything here walks the string once with indexOf.
 */

export type TagToken = { readonly start: number; readonly end: number; readonly text: string };

/**
 * Calls `onTag` for every `<…>` that starts like a tag (letter, `/`, `!`) and `onText` for the text
 * between them. A `<` with no later `>` ends tag scanning: the rest is text, as a parser would see it.
 */
export function scanTags(
  html: string,
  onTag: (tag: TagToken) => void,
  onText: (text: string, start: number) => void = () => {},
): void {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);
    const isLetter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
    if (!isLetter && next !== 47 /* / */ && next !== 33 /* ! */) {
      if (lt + 1 > i) onText(html.slice(i, lt + 1), i);
      i = lt + 1;
      continue;
    }
    const isComment = html.startsWith("<!--", lt);
    const close = isComment ? html.indexOf("-->", lt + 4) : html.indexOf(">", lt);
    if (close === -1) break;
    const end = close + (isComment ? 3 : 1);
    if (lt > i) onText(html.slice(i, lt), i);
    onTag({ start: lt, end, text: html.slice(lt, end) });
    i = end;
  }
  if (i < html.length) onText(html.slice(i), i);
}

/** Lower-case tag name and whether it is a closing tag; null for comments and doctypes. */
export function tagName(tag: string): { name: string; closing: boolean } | null {
  const closing = tag.charCodeAt(1) === 47;
  let j = closing ? 2 : 1;
  const from = j;
  while (j < tag.length && /[a-zA-Z0-9:-]/.test(tag.charAt(j))) j++;
  if (j === from) return null;
  return { name: tag.slice(from, j).toLowerCase(), closing };
}

const isSpace = (code: number): boolean => code <= 0x20 || code === 0xa0;

export function trimEndLinear(text: string, isTrimmed: (code: number) => boolean = isSpace): string {
  let end = text.length;
  while (end > 0 && isTrimmed(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

export function trimStartLinear(text: string, isTrimmed: (code: number) => boolean = isSpace): string {
  let start = 0;
  while (start < text.length && isTrimmed(text.charCodeAt(start))) start++;
  return text.slice(start);
}
