/**
 * Whether one sanitizing pass left markup that a second read would nest differently.
 *
 * htmlparser2 closes an open element implicitly when certain tags open inside it (a `<tr>` closes
 * an open `<td>`), but only when that element is the innermost one. The sanitizer drops disallowed
 * elements and keeps their children, so a child that sat inside a dropped element now sits directly
 * inside an element it closes on the next read (`<td><form><tr>` becomes `<td><tr>`). Only then is
 * a second pass needed to settle the markup; otherwise the first pass is already a fixed point.
 *
 * The watch sees the parser's open and close events, which are balanced. It errs one way only:
 * when unsure whether an element is kept it counts it as dropped, which can ask for a second pass
 * that was not needed but never skips one that was.
 */

// htmlparser2's openImpliesClose (Parser.js), for the tags the sanitizer keeps: tag → the
// innermost open elements its opening closes.
const P = ["p"];
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6", "p"];
export const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    tr: ["tr", "th", "td"],
    th: ["th"],
    td: ["thead", "th", "td"],
    a: ["a"],
    li: ["li"],
    p: P,
    h1: HEADINGS,
    h2: HEADINGS,
    h3: HEADINGS,
    h4: HEADINGS,
    h5: HEADINGS,
    h6: HEADINGS,
    dd: ["dd", "dt"],
    dt: ["dd", "dt"],
    address: P,
    blockquote: P,
    div: P,
    dl: P,
    figcaption: P,
    figure: P,
    hr: P,
    ol: P,
    pre: P,
    table: P,
    ul: P,
    tbody: ["thead", "tbody"],
    tfoot: ["thead", "tbody"],
  }).map(([tag, closes]) => [tag, new Set(closes)]),
);

// Elements whose handling in sanitize-html departs from the parser's own stack: a discarded
// <noscript> keeps discarding past the point where htmlparser2 closed it, and a discarded <iframe>'s
// raw text is sanitized again as markup. Either one asks for the second pass.
const ALWAYS_SETTLE = new Set(["noscript", "iframe"]);

export interface SettleRules {
  readonly allowedTags: ReadonlySet<string>;
  /** Dropped together with everything inside them. */
  readonly dropWithContent: ReadonlySet<string>;
  readonly nestingLimit: number;
}

export class SettleWatch {
  /** The parser's open elements, innermost last: whether each is kept, and whether it drops its content. */
  private readonly stack: { name: string; kept: boolean; dropsContent: boolean }[] = [];
  private unsettled = false;

  constructor(private readonly rules: SettleRules) {}

  /** True once the output may read differently a second time. */
  get needsSecondPass(): boolean {
    return this.unsettled;
  }

  open(name: string): void {
    if (ALWAYS_SETTLE.has(name)) this.unsettled = true;
    const insideDropped = this.stack.at(-1)?.dropsContent ?? false;
    const kept = !insideDropped && this.rules.allowedTags.has(name) && this.stack.length < this.rules.nestingLimit;
    if (kept && !this.unsettled) this.checkParent(name);
    this.stack.push({ name, kept, dropsContent: insideDropped || this.rules.dropWithContent.has(name) });
  }

  close(name: string): void {
    // The parser's events are balanced; a name it never opened is ignored rather than trusted.
    let at = this.stack.length - 1;
    while (at >= 0 && this.stack[at]!.name !== name) at--;
    if (at >= 0) this.stack.length = at;
  }

  /** A kept element inside dropped ones: does it close its nearest kept ancestor on a second read? */
  private checkParent(name: string): void {
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (!closes) return;
    let at = this.stack.length - 1;
    while (at >= 0 && !this.stack[at]!.kept) at--;
    if (at >= 0 && at < this.stack.length - 1 && closes.has(this.stack[at]!.name)) this.unsettled = true;
  }
}
