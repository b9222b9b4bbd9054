import type { TicketSummary } from "./ticket";

type Facts = Pick<TicketSummary, "status" | "assigneeUser"> & Partial<Pick<TicketSummary, "spam" | "trashedAt">>;

/**
 * Whether a view's filter certainly excludes a ticket, decided from the conditions we can read for
 * sure: a top-level `&&` conjunct `eq(ticket.status, '…')` or `isEmpty(ticket.assignee_user…)`. Any
 * other expression (an `||` at the top, fields we do not model, `{{current_user}}`) says nothing,
 * so the ticket stays for Gorgias to decide: a row is dropped only when it has left for certain.
 * Spam and trashed tickets leave every view whose filter does not name `ticket.spam` or
 * `ticket.trashed_datetime`: Gorgias shows them only in the views that ask for them.
 */
export function excludedByView(filters: string | null, t: Facts): boolean {
  if (t.spam && !filters?.includes("ticket.spam")) return true;
  if (t.trashedAt && !filters?.includes("ticket.trashed_datetime")) return true;
  if (!filters) return false;
  for (const conjunct of topLevelConjuncts(filters)) {
    const status = /^eq\(\s*ticket\.status\s*,\s*['"](open|closed)['"]\s*\)$/.exec(conjunct);
    if (status && status[1] !== t.status) return true;
    if (/^isEmpty\(\s*ticket\.assignee_user(\.id)?\s*\)$/.test(conjunct) && t.assigneeUser !== null) return true;
  }
  return false;
}

/**
 * Whether a ticket has certainly left a list: a view's (by its filter, above), or the plain ticket
 * list (`view` null), which is read with `trashed=false` and so loses a trashed ticket, while
 * Gorgias's plain list keeps spam.
 */
export function excludedFromList(view: { readonly filters: string | null } | null, t: Facts): boolean {
  return view === null ? !!t.trashedAt : excludedByView(view.filters, t);
}

/** The parts of `a && b && (c || d)` joined by a top-level `&&`; none when a top-level `||` makes them optional. */
function topLevelConjuncts(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (depth === 0 && expression.startsWith("||", i)) return [];
    else if (depth === 0 && expression.startsWith("&&", i)) {
      parts.push(expression.slice(start, i).trim());
      start = i + 2;
      i++;
    }
  }
  parts.push(expression.slice(start).trim());
  return parts;
}
