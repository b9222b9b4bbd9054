/**
 * Gorgias macro templates in the composer. Gorgias itself replaces a missing variable with a blank,
 * which is how "Hi ," emails happen; here a variable without a value stays as a visible token and
 * the composer refuses to send until the agent fills or removes it.
 *
 * Output is plain text: values are inserted verbatim (React escapes them, the server builds any
 * HTML), and an inserted value is never expanded again, so a customer named "{{current_user.email}}"
 * cannot pull other data into a reply.
 */

/** Values by variable path, e.g. `ticket.customer.firstname`. null or "" means "no value". */
export type MacroContext = Readonly<Record<string, string | null | undefined>>;

export interface RenderedMacro {
  readonly text: string;
  /** Paths left unfilled, in order of first appearance, without duplicates. */
  readonly missing: readonly string[];
}

export type TemplateSegment = { readonly kind: "text"; readonly text: string } | { readonly kind: "variable"; readonly text: string; readonly path: string };

// `{{ path }}` or `{{ path | filter(...) }}`; no nested braces, bounded so a hostile macro cannot
// make the regex crawl.
const VARIABLE = /\{\{([^{}]{1,300}?)\}\}/g;
const DEFAULT_FILTER = /^default\(\s*(?:"([^"]*)"|'([^']*)')\s*\)$/;

interface ParsedVariable {
  readonly path: string;
  readonly fallback: string | null;
}

function parseVariable(inner: string): ParsedVariable {
  const [rawPath = "", ...filters] = inner.split("|");
  let fallback: string | null = null;
  for (const filter of filters) {
    const m = DEFAULT_FILTER.exec(filter.trim());
    if (m) fallback = m[1] ?? m[2] ?? null;
  }
  return { path: rawPath.replace(/\s+/g, ""), fallback };
}

function valueOf(context: MacroContext, path: string): string | null {
  const value = Object.hasOwn(context, path) ? context[path] : undefined;
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

export function renderMacro(template: string, context: MacroContext): RenderedMacro {
  const missing: string[] = [];
  const text = template.replace(VARIABLE, (token, inner: string) => {
    const { path, fallback } = parseVariable(inner);
    const value = valueOf(context, path) ?? (fallback !== null && fallback !== "" ? fallback : null);
    if (value !== null) return value;
    if (path !== "" && !missing.includes(path)) missing.push(path);
    return path === "" ? token : `{{${path}}}`;
  });
  return { text, missing };
}

/** Variables still in the text the agent is about to send. */
export function unfilledVariables(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(VARIABLE)) {
    const { path } = parseVariable(m[1] ?? "");
    if (path !== "" && !found.includes(path)) found.push(path);
  }
  return found;
}

/** Splits text into plain runs and variable tokens, for highlighting; joining them gives the text back. */
export function templateSegments(text: string): TemplateSegment[] {
  const out: TemplateSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(VARIABLE)) {
    const { path } = parseVariable(m[1] ?? "");
    if (path === "") continue;
    if (m.index > last) out.push({ kind: "text", text: text.slice(last, m.index) });
    out.push({ kind: "variable", text: m[0], path });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
}

/** Removes every occurrence of one variable (the "remove" half of "Fill or remove"). */
export function removeVariable(text: string, path: string): string {
  return text.replace(VARIABLE, (token, inner: string) => (parseVariable(inner).path === path ? "" : token));
}

/** Replaces every occurrence of one variable with what the agent typed. */
export function fillVariable(text: string, path: string, value: string): string {
  return text.replace(VARIABLE, (token, inner: string) => (parseVariable(inner).path === path ? value : token));
}

const LABELS: Readonly<Record<string, string>> = {
  "ticket.customer.firstname": "Customer first name",
  "ticket.customer.lastname": "Customer last name",
  "ticket.customer.name": "Customer name",
  "ticket.customer.email": "Customer email",
  "current_user.firstname": "Your first name",
  "current_user.lastname": "Your last name",
  "current_user.name": "Your name",
  "current_user.email": "Your email",
  "ticket.subject": "Ticket subject",
  "ticket.id": "Ticket number",
};

const ORDER_FIELDS: Readonly<Record<string, string>> = {
  name: "Order number",
  order_number: "Order number",
  tracking_url: "Tracking link",
  tracking_number: "Tracking number",
  total_price: "Order total",
  carrier: "Carrier",
};

/** A human name for a variable path, for the "Fill or remove" list. */
export function variableLabel(path: string): string {
  const known = LABELS[path];
  if (known) return known;
  const last = path.split(".").pop() ?? path;
  if (/orders\[\d+\]/.test(path) && ORDER_FIELDS[last]) return ORDER_FIELDS[last];
  const words = last.replace(/\[\d+\]/g, "").replace(/[_-]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : path;
}

export interface MacroPerson {
  readonly name?: string | null;
  readonly firstname?: string | null;
  readonly lastname?: string | null;
  readonly email?: string | null;
}

export interface MacroOrder {
  readonly name?: string | null;
  readonly trackingUrl?: string | null;
  readonly trackingNumber?: string | null;
}

// Gorgias leaves `firstname` empty on many imported customers; the first word of a real name
// (not an address) is what an agent would type anyway.
function firstName(p: MacroPerson | null | undefined): string | null {
  if (p?.firstname?.trim()) return p.firstname.trim();
  const name = p?.name?.trim();
  return name && !name.includes("@") ? (name.split(/\s+/)[0] ?? null) : null;
}

/** The values a macro can use, from what the composer knows about the ticket. */
export function macroContext(input: {
  readonly ticket: { readonly id: number | null; readonly subject: string | null; readonly customer: MacroPerson | null };
  readonly agent: MacroPerson;
  /** The customer's latest order, when an integration gave us one. */
  readonly order?: MacroOrder | null;
}): MacroContext {
  const { ticket, agent, order } = input;
  const c = ticket.customer;
  const ctx: Record<string, string | null> = {
    "ticket.id": ticket.id === null ? null : String(ticket.id),
    "ticket.subject": ticket.subject,
    "ticket.customer.firstname": firstName(c),
    "ticket.customer.lastname": c?.lastname ?? null,
    "ticket.customer.name": c?.name ?? null,
    "ticket.customer.email": c?.email ?? null,
    "current_user.firstname": firstName(agent),
    "current_user.lastname": agent.lastname ?? null,
    "current_user.name": agent.name ?? null,
    "current_user.email": agent.email ?? null,
  };
  if (order) {
    for (const shop of ["shopify", "magento2", "bigcommerce"]) {
      const base = `ticket.customer.integrations.${shop}.orders[0]`;
      ctx[`${base}.name`] = order.name ?? null;
      ctx[`${base}.tracking_url`] = order.trackingUrl ?? null;
      ctx[`${base}.tracking_number`] = order.trackingNumber ?? null;
    }
  }
  return ctx;
}
