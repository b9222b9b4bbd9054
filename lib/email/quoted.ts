import { scanTags, tagName, trimEndLinear } from "./scan";

/**
 * Which part of a message to show collapsed. Works on RAW bodies and returns raw strings: both
 * `main` and `full` must still go through sanitizeEmailHtml / plainTextToHtml (see
 * prepareMessageBody). Cutting HTML mid-element is fine because the sanitizer closes what is open.
 */

export type QuotedMessageInput = {
  readonly bodyHtml?: string | null;
  readonly strippedHtml?: string | null;
  readonly bodyText?: string | null;
  readonly strippedText?: string | null;
};

export type QuotedSplit = {
  readonly format: "html" | "text";
  /** What to show by default (unsanitized). */
  readonly main: string;
  /** The whole body, shown when the agent expands (unsanitized). */
  readonly full: string;
  readonly hasQuotedHistory: boolean;
  readonly hasSignature: boolean;
  /** Where the cut came from: Gorgias's stripped_* fields, our own detection, or no cut. */
  readonly source: "stripped" | "detected" | "none";
};

const present = (value: string | null | undefined): value is string =>
  typeof value === "string" && value.trim() !== "";

// Attribution lines of common clients, in a few languages. Bounded lengths keep the scans linear.
const ATTRIBUTION_PATTERNS: readonly RegExp[] = [
  /(?:^|\n)[ \t>]*On\b[^\n]{0,300}(?:\n[^\n]{0,300}){0,2}?\bwrote:[ \t]*(?=\n|$)/,
  /(?:^|\n)[ \t>]*Le\b[^\n]{0,300}(?:\n[^\n]{0,300}){0,2}?\ba écrit\s?:[ \t]*(?=\n|$)/,
  /(?:^|\n)[ \t>]*Am\b[^\n]{0,300}(?:\n[^\n]{0,300}){0,2}?\bschrieb[^\n]{0,80}:[ \t]*(?=\n|$)/,
  /(?:^|\n)[ \t>]*El\b[^\n]{0,300}(?:\n[^\n]{0,300}){0,2}?\bescribió:[ \t]*(?=\n|$)/,
  /(?:^|\n)[ \t]*-{2,}[ \t]*(?:Original Message|Message d'origine|Ursprüngliche Nachricht|Mensaje original)[ \t]*-{2,}/i,
  /(?:^|\n)[ \t]*_{8,}[ \t]*\n[ \t]*(?:From|De|Von):/,
  /(?:^|\n)[ \t*]*(?:From|De|Von):[ \t*]+[^\n]{1,300}\n(?:[^\n]{0,300}\n){0,3}?[ \t*]*(?:Sent|Date|Envoyé|Gesendet|Enviado):/,
];

/** Start of a run of `>`-quoted lines that lasts to the end (blank lines allowed), or -1. */
function trailingQuoteStart(text: string): number {
  let end = text.length;
  let start = -1;
  while (end > 0) {
    const lineStart = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(lineStart, end).trim();
    if (line.startsWith(">")) start = lineStart;
    else if (line !== "") break;
    end = lineStart === 0 ? 0 : lineStart - 1;
  }
  return start;
}

// RFC 3676 signature separator "-- " (many clients drop the trailing space).
const SIGNATURE = /(?:^|\n)--[ \t]?\n/;

function firstMatchIndex(text: string, patterns: readonly RegExp[]): number {
  let best = -1;
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    // Skip the newline the pattern consumed so the cut keeps the preceding line intact.
    const index = match.index + (match[0].startsWith("\n") ? 1 : 0);
    if (best === -1 || index < best) best = index;
  }
  return best;
}

type Cut = { index: number; kind: "quote" | "signature" };

function detectTextCut(text: string): Cut | null {
  const attribution = firstMatchIndex(text, ATTRIBUTION_PATTERNS);
  const trailing = trailingQuoteStart(text);
  const quote = attribution === -1 ? trailing : trailing === -1 ? attribution : Math.min(attribution, trailing);
  const signatureMatch = SIGNATURE.exec(text);
  const signature = signatureMatch ? signatureMatch.index + (signatureMatch[0].startsWith("\n") ? 1 : 0) : -1;
  if (quote !== -1 && (signature === -1 || quote <= signature)) return { index: quote, kind: "quote" };
  if (signature !== -1) {
    // Only a trailing signature is collapsed; quoted history after it still counts as history.
    return { index: signature, kind: quote !== -1 ? "quote" : "signature" };
  }
  return null;
}

const BLOCK_ELEMENTS = new Set(["br", "div", "p", "tr", "li", "blockquote", "hr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre"]);

type Marker = { index: number; kind: "quote" | "signature" };

/**
 * One linear pass over the HTML: the visible text (entities left encoded so offsets map 1:1, block
 * tags as newlines) with a map back to source offsets, plus the structural markers clients put at
 * the start of quoted history. Each tag is examined on its own with substring checks, so hostile
 * markup cannot make this slower than linear.
 */
function analyseHtml(html: string): {
  text: string;
  toHtml: (textIndex: number) => number;
  markers: Marker[];
  blockquotes: { first: number; lastCloseEnd: number };
} {
  const starts: number[] = [];
  const origins: number[] = [];
  const markers: Marker[] = [];
  const blockquotes = { first: -1, lastCloseEnd: -1 };
  let text = "";
  const push = (piece: string, origin: number): void => {
    if (piece === "") return;
    starts.push(text.length);
    origins.push(origin);
    text += piece;
  };
  scanTags(
    html,
    (tag) => {
      const parsed = tagName(tag.text);
      if (!parsed) return;
      if (BLOCK_ELEMENTS.has(parsed.name)) push("\n", tag.start);
      if (parsed.name === "blockquote") {
        if (parsed.closing) blockquotes.lastCloseEnd = tag.end;
        else if (blockquotes.first === -1) blockquotes.first = tag.start;
      }
      if (parsed.closing) return;
      const lower = tag.text.toLowerCase();
      const quote =
        // Gmail
        ((parsed.name === "div" || parsed.name === "blockquote") && lower.includes("gmail_quote")) ||
        // Apple Mail, Thunderbird
        (parsed.name === "blockquote" && /\btype\s*=\s*["']?cite\b/.test(lower)) ||
        // Thunderbird attribution, Yahoo
        (parsed.name === "div" && (lower.includes("moz-cite-prefix") || lower.includes("yahoo_quoted"))) ||
        // Outlook (desktop, web, mobile)
        (parsed.name === "div" && /\bid\s*=\s*["']?(?:appendonsend|divrplyfwdmsg|mail-editor-reference-message-container)\b/.test(lower)) ||
        // Old Outlook.com / Hotmail
        (parsed.name === "hr" && lower.includes("stopspelling"));
      if (quote) markers.push({ index: tag.start, kind: "quote" });
      else if ((parsed.name === "div" || parsed.name === "span") && lower.includes("gmail_signature")) {
        markers.push({ index: tag.start, kind: "signature" });
      }
    },
    push,
  );
  const toHtml = (textIndex: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= textIndex) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return (origins[found] ?? 0) + (textIndex - (starts[found] ?? 0));
  };
  return { text, toHtml, markers, blockquotes };
}

function visibleText(html: string): string {
  let text = "";
  scanTags(html, () => {}, (piece) => {
    text += piece;
  });
  return text.replace(/&nbsp;|&#160;/gi, " ").trim();
}

function detectHtmlCut(html: string): Cut | null {
  const { text, toHtml, markers, blockquotes } = analyseHtml(html);
  const candidates: Cut[] = [...markers];

  // A plain <blockquote> is often an inline quote the customer answers below; it only counts as
  // history when nothing visible follows the last one.
  if (blockquotes.first !== -1 && blockquotes.lastCloseEnd !== -1 && visibleText(html.slice(blockquotes.lastCloseEnd)) === "") {
    candidates.push({ index: blockquotes.first, kind: "quote" });
  }

  const textCut = detectTextCut(text);
  if (textCut) candidates.push({ index: toHtml(textCut.index), kind: textCut.kind });

  if (candidates.length === 0) return null;
  const first = candidates.reduce((a, b) => (b.index < a.index ? b : a));
  const quoteCut = candidates.some((c) => c.kind === "quote" && c.index >= first.index);
  return { index: first.index, kind: quoteCut ? "quote" : first.kind };
}

/** Drops what a cut leaves dangling at the end: whitespace, `&nbsp;`, `<br>`s and unclosed opening tags. */
function trimHtmlTail(html: string): string {
  let out = html;
  for (;;) {
    const trimmed = trimEndLinear(out);
    if (trimmed.endsWith("&nbsp;")) {
      out = trimmed.slice(0, -"&nbsp;".length);
      continue;
    }
    if (trimmed.endsWith(">")) {
      const lt = trimmed.lastIndexOf("<");
      const parsed = lt === -1 ? null : tagName(trimmed.slice(lt));
      if (parsed && (!parsed.closing || parsed.name === "br")) {
        out = trimmed.slice(0, lt);
        continue;
      }
    }
    return trimmed;
  }
}

function split(
  format: "html" | "text",
  full: string,
  stripped: string | null | undefined,
): QuotedSplit {
  const blank = format === "html" ? (s: string) => visibleText(s) === "" : (s: string) => s.trim() === "";
  if (present(stripped) && stripped.length < full.length && !blank(stripped)) {
    return { format, main: stripped, full, hasQuotedHistory: true, hasSignature: false, source: "stripped" };
  }
  const cut = format === "html" ? detectHtmlCut(full) : detectTextCut(full);
  if (cut) {
    const head = full.slice(0, cut.index);
    const main = format === "html" ? trimHtmlTail(head) : trimEndLinear(head);
    // A message that starts with the quote (a top forward, an empty reply) shows everything.
    if (!blank(main)) {
      return {
        format,
        main,
        full,
        hasQuotedHistory: cut.kind === "quote",
        hasSignature: cut.kind === "signature",
        source: "detected",
      };
    }
  }
  return { format, main: full, full, hasQuotedHistory: false, hasSignature: false, source: "none" };
}

/** Decides the collapsed (`main`) and expanded (`full`) body of one message. HTML wins over text. */
export function splitQuoted(message: QuotedMessageInput): QuotedSplit {
  if (present(message.bodyHtml)) return split("html", message.bodyHtml, message.strippedHtml);
  if (present(message.bodyText)) return split("text", message.bodyText, message.strippedText);
  // Gorgias sometimes has only the stripped variant (e.g. imported messages).
  if (present(message.strippedHtml)) return split("html", message.strippedHtml, null);
  return split("text", message.strippedText ?? "", null);
}
