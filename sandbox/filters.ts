import type { AccountStore } from "./store/account-store.js";
import type { TicketRec } from "./store/types.js";
import { parseIsoInput } from "./util/time.js";

// Gorgias views filter tickets with a small JavaScript-like expression language, e.g.
// `eq(ticket.assignee_user.id, '{{current_user.id}}') && eq(ticket.status, 'open')`.
// This module parses that language and compiles it to a predicate over ticket records.

type Value = string | number | boolean | null | Value[];
type Node =
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "not"; inner: Node }
  | { kind: "call"; fn: string; field: string; args: Value[] };

class FilterError extends Error {}

const FUNCTIONS = new Set([
  "eq", "neq", "gt", "gte", "lt", "lte", "contains", "notContains", "startsWith", "endsWith",
  "containsAny", "containsAll", "notContainsAny", "isEmpty", "isNotEmpty",
]);

const DATETIME_FIELDS = new Set([
  "created_datetime", "updated_datetime", "opened_datetime", "last_message_datetime",
  "last_received_message_datetime", "closed_datetime", "snooze_datetime", "trashed_datetime",
]);

type Getter = (t: TicketRec, store: AccountStore) => Value;

const FIELDS: Record<string, Getter> = {
  "ticket.id": (t) => t.id,
  "ticket.status": (t) => t.status,
  "ticket.priority": (t) => t.priority,
  "ticket.channel": (t) => t.channel,
  "ticket.via": (t) => t.via,
  "ticket.subject": (t) => t.subject,
  "ticket.spam": (t) => t.spam,
  "ticket.is_unread": (t) => t.is_unread,
  "ticket.from_agent": (t) => t.from_agent,
  "ticket.language": (t) => t.language,
  "ticket.external_id": (t) => t.external_id,
  "ticket.assignee_user.id": (t) => t.assignee_user_id,
  "ticket.assignee_user_id": (t) => t.assignee_user_id,
  "ticket.assignee_team.id": (t) => t.assignee_team_id,
  "ticket.assignee_team_id": (t) => t.assignee_team_id,
  "ticket.customer.id": (t) => t.customer_id,
  "ticket.customer.email": (t, s) => s.data.customers.get(t.customer_id)?.email ?? null,
  "ticket.customer.name": (t, s) => s.data.customers.get(t.customer_id)?.name ?? null,
  "ticket.tags.name": (t, s) => t.tag_ids.map((id) => s.data.tags.get(id)?.name ?? null),
  "ticket.tags.id": (t) => [...t.tag_ids],
  "ticket.messages_count": (t) => t.message_ids.length,
};
for (const f of DATETIME_FIELDS) FIELDS[`ticket.${f}`] = (t) => t[f as keyof TicketRec] as string | null;

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.or();
    this.ws();
    if (this.pos < this.src.length) this.fail(`unexpected '${this.src.slice(this.pos, this.pos + 10)}'`);
    return node;
  }

  private fail(msg: string): never {
    throw new FilterError(`Invalid filter expression at position ${this.pos}: ${msg}.`);
  }

  private ws(): void {
    while (/\s/.test(this.src[this.pos] ?? "")) this.pos++;
  }

  private eat(token: string): boolean {
    this.ws();
    if (this.src.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  private or(): Node {
    let left = this.and();
    while (this.eat("||")) left = { kind: "or", left, right: this.and() };
    return left;
  }

  private and(): Node {
    let left = this.unary();
    while (this.eat("&&")) left = { kind: "and", left, right: this.unary() };
    return left;
  }

  private unary(): Node {
    if (this.eat("!")) return { kind: "not", inner: this.unary() };
    if (this.eat("(")) {
      const inner = this.or();
      if (!this.eat(")")) this.fail("missing ')'");
      return inner;
    }
    const fn = this.ident();
    if (!FUNCTIONS.has(fn)) this.fail(`unknown function '${fn}'`);
    if (!this.eat("(")) this.fail("expected '('");
    this.ws();
    const field = this.path();
    if (!FIELDS[field]) this.fail(`unknown field '${field}'`);
    const args: Value[] = [];
    while (this.eat(",")) args.push(this.value());
    if (!this.eat(")")) this.fail("expected ')'");
    const arity = fn === "isEmpty" || fn === "isNotEmpty" ? 0 : 1;
    if (args.length !== arity) this.fail(`${fn} takes ${arity + 1} argument(s)`);
    return { kind: "call", fn, field, args };
  }

  private ident(): string {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos));
    if (!m) this.fail("expected a name");
    this.pos += m[0].length;
    return m[0];
  }

  private path(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(this.src.slice(this.pos));
    if (!m) this.fail("expected a field");
    this.pos += m[0].length;
    return m[0];
  }

  private value(): Value {
    this.ws();
    const ch = this.src[this.pos];
    if (ch === "'" || ch === '"') {
      const end = this.src.indexOf(ch, this.pos + 1);
      if (end < 0) this.fail("unterminated string");
      const s = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      return s;
    }
    if (ch === "[") {
      this.pos++;
      const items: Value[] = [];
      if (this.eat("]")) return items;
      do items.push(this.value());
      while (this.eat(","));
      if (!this.eat("]")) this.fail("expected ']'");
      return items;
    }
    const m = /^(-?\d+(\.\d+)?|true|false|null)/.exec(this.src.slice(this.pos));
    if (!m) this.fail("expected a value");
    this.pos += m[0].length;
    return m[0] === "true" ? true : m[0] === "false" ? false : m[0] === "null" ? null : Number(m[0]);
  }
}

export interface FilterContext {
  currentUserId: number;
}

export interface CompiledFilter {
  test(t: TicketRec, store: AccountStore): boolean;
  mentions(field: string): boolean;
}

export function compileFilter(expression: string, ctx: FilterContext): CompiledFilter {
  const trimmed = expression.trim();
  const fields = new Set<string>();
  const root = trimmed === "" ? null : new Parser(trimmed).parse();
  const substitute = (v: Value): Value => {
    if (typeof v === "string") return v.replace(/\{\{\s*current_user\.id\s*\}\}/g, String(ctx.currentUserId));
    if (Array.isArray(v)) return v.map(substitute);
    return v;
  };
  const walk = (n: Node): void => {
    if (n.kind === "call") {
      fields.add(n.field);
      n.args = n.args.map(substitute);
    } else if (n.kind === "not") walk(n.inner);
    else {
      walk(n.left);
      walk(n.right);
    }
  };
  if (root) walk(root);
  const evaluate = (n: Node, t: TicketRec, store: AccountStore): boolean => {
    if (n.kind === "and") return evaluate(n.left, t, store) && evaluate(n.right, t, store);
    if (n.kind === "or") return evaluate(n.left, t, store) || evaluate(n.right, t, store);
    if (n.kind === "not") return !evaluate(n.inner, t, store);
    if (n.kind !== "call") return false;
    const getter = FIELDS[n.field];
    return getter ? apply(n.fn, getter(t, store), n.args[0] ?? null, DATETIME_FIELDS.has(n.field.replace("ticket.", ""))) : false;
  };
  return {
    test: (t, store) => (root ? evaluate(root, t, store) : true),
    mentions: (field) => fields.has(field),
  };
}

function norm(v: Value, datetime: boolean): Value {
  if (datetime && typeof v === "string") return parseIsoInput(v) ?? v;
  if (typeof v === "string" && /^-?\d+$/.test(v)) return Number(v);
  return v;
}

function apply(fn: string, actual: Value, arg: Value, datetime: boolean): boolean {
  const a = norm(actual, datetime);
  const b = norm(arg, datetime);
  const list = Array.isArray(a) ? a.map((x) => norm(x, datetime)) : null;
  const wanted = Array.isArray(b) ? b.map((x) => norm(x, datetime)) : [b];
  const lower = (v: Value) => (typeof v === "string" ? v.toLowerCase() : String(v));
  switch (fn) {
    case "isEmpty":
      return a === null || a === "" || (list !== null && list.length === 0);
    case "isNotEmpty":
      return !(a === null || a === "" || (list !== null && list.length === 0));
    case "eq":
      return list ? list.includes(b) : a === b;
    case "neq":
      return list ? !list.includes(b) : a !== b;
    case "gt":
      return a !== null && b !== null && a > b;
    case "gte":
      return a !== null && b !== null && a >= b;
    case "lt":
      return a !== null && b !== null && a < b;
    case "lte":
      return a !== null && b !== null && a <= b;
    case "contains":
      return list ? list.includes(b) : a !== null && lower(a).includes(lower(b));
    case "notContains":
      return list ? !list.includes(b) : a === null || !lower(a).includes(lower(b));
    case "startsWith":
      return a !== null && lower(a).startsWith(lower(b));
    case "endsWith":
      return a !== null && lower(a).endsWith(lower(b));
    case "containsAny":
      return (list ?? [a]).some((x) => wanted.includes(x));
    case "containsAll":
      return wanted.every((w) => (list ?? [a]).includes(w));
    case "notContainsAny":
      return !(list ?? [a]).some((x) => wanted.includes(x));
    default:
      return false;
  }
}
