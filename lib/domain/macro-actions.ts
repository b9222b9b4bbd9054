/**
 * What a Gorgias macro does, as the Desk can perform it (docs/safety.md#macros).
 *
 * A macro is a list of actions (`setResponseText`, `addTags`, `setStatus`, `http`,
 * `shopifyFullRefundLastOrder`…). `planMacro` sorts them into what the Desk performs — the reply
 * text, the ticket's fields (one `PUT`), tags to add and remove, one internal note — and what it
 * cannot: HTTP hooks, store-order actions, and any name it does not know. A macro with even one
 * of those is refused as a whole, so nothing is ever half-applied or silently dropped.
 *
 * Pure and isomorphic: the composer previews with it, the server plans the same macro again from
 * its own read and compares fingerprints before performing anything.
 */
import type { MacroAction } from "./macro";
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from "./ticket";

/** The ticket fields a macro sets, applied together in one update. `null` unassigns. */
export interface MacroTicketFields {
  readonly status?: TicketStatus;
  readonly priority?: TicketPriority;
  readonly assigneeUserId?: number | null;
  readonly assigneeTeamId?: number | null;
  /** Snooze for this long from when the actions are applied (Gorgias's `snooze_timedelta`). */
  readonly snoozeForMs?: number;
}

export type MacroStep =
  | { readonly kind: "status"; readonly status: TicketStatus }
  | { readonly kind: "priority"; readonly priority: TicketPriority }
  | { readonly kind: "assignee"; readonly userId: number | null; readonly name: string | null }
  | { readonly kind: "team"; readonly teamId: number | null; readonly name: string | null }
  | { readonly kind: "snooze"; readonly forMs: number; readonly delta: string }
  | { readonly kind: "addTags"; readonly names: readonly string[] }
  | { readonly kind: "removeTags"; readonly names: readonly string[] }
  | { readonly kind: "note"; readonly template: string };

export interface MacroRefusal {
  readonly name: string;
  readonly title: string;
  readonly reason: string;
}

export interface MacroPlan {
  readonly macroId: number;
  readonly macroName: string;
  /** `setResponseText`'s text, template variables still in it; null when the macro has none. */
  readonly replyTemplate: string | null;
  /** What the Desk will perform besides the reply text, in the macro's order. */
  readonly steps: readonly MacroStep[];
  readonly fields: MacroTicketFields;
  readonly addTags: readonly string[];
  readonly removeTags: readonly string[];
  /** `addInternalNote`'s text (variables still in it). */
  readonly noteTemplate: string | null;
  /** Non-empty means the macro cannot be applied at all. */
  readonly refusals: readonly MacroRefusal[];
  /** Changes when anything the Desk would perform changes (see `fingerprintOf`). */
  readonly fingerprint: string;
}

export interface MacroSource {
  readonly id: number;
  readonly name: string;
  readonly actions: readonly MacroAction[];
}

// Store integrations' order and subscription actions run through Gorgias's own `/api/actions/execute`,
// which is not part of the public REST API.
const STORE_ACTION = /^(shopify|bigcommerce|magento2?|woocommerce|recharge|smile|yotpo|loop)[A-Z]/;

const UNSUPPORTED: Readonly<Record<string, string>> = {
  http: "It calls an outside service (an HTTP hook), which only Gorgias can do. Apply this macro in Gorgias.",
  addAttachments: "It attaches files, which the Desk cannot take from a macro yet.",
  forwardByEmail: "It forwards the ticket by e-mail, which the Desk does not do.",
  setSubject: "It changes the ticket's subject, which the Desk does not do from a macro.",
  setCustomFieldValue: "It sets a ticket field, which the Desk does not show.",
  setCustomerCustomFieldValue: "It sets a customer field, which the Desk does not show.",
  excludeFromCSAT: "It excludes the ticket from satisfaction surveys, which the Desk cannot do.",
  excludeFromAutoMerge: "It excludes the ticket from auto-merge, which the Desk cannot do.",
  applyExternalTemplate: "It applies a template from another app, which only Gorgias can do.",
};

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const tagList = (v: unknown): string[] =>
  (typeof v === "string" ? v.split(",") : Array.isArray(v) ? v.map((t) => (typeof t === "string" ? t : (t as { name?: unknown })?.name)) : [])
    .filter((t): t is string => typeof t === "string")
    .map((t) => t.trim())
    .filter((t) => t !== "");

/** `{id, name}` from `assignee_user` / `assignee_team`; null (unassign) when the argument is null. */
function ref(v: unknown): { id: number | null; name: string | null } | undefined {
  if (v === null) return { id: null, name: null };
  if (typeof v !== "object" || v === undefined) return undefined;
  const o = v as { id?: unknown; name?: unknown };
  if (typeof o.id !== "number" || !Number.isInteger(o.id) || o.id <= 0) return undefined;
  return { id: o.id, name: str(o.name) };
}

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Gorgias's `snooze_timedelta`: a count and a unit, "30m", "4h", "2d" (and "1w"). */
export function parseTimedelta(v: unknown): number | null {
  const m = typeof v === "string" ? /^\s*(\d{1,4})\s*([mhdw])\s*$/.exec(v) : null;
  if (!m) return null;
  const ms = Number(m[1]) * UNIT_MS[m[2]!]!;
  return ms > 0 ? ms : null;
}

type Parsed = { step: MacroStep } | { reply: string } | { refusal: string };
const unreadable = (what: string): Parsed => ({ refusal: `Its ${what} could not be read, so the Desk cannot tell what it would do.` });

function parseAction(a: MacroAction): Parsed {
  const args = a.arguments;
  switch (a.name) {
    case "setResponseText": {
      const text = str(args.body_text);
      return text !== null ? { reply: text } : str(args.body_html) !== null ? unreadable("text (HTML only)") : { reply: "" };
    }
    case "setStatus": {
      const s = args.status;
      return TICKET_STATUSES.includes(s as TicketStatus) ? { step: { kind: "status", status: s as TicketStatus } } : unreadable("status");
    }
    case "setPriority": {
      const p = args.priority;
      return TICKET_PRIORITIES.includes(p as TicketPriority) ? { step: { kind: "priority", priority: p as TicketPriority } } : unreadable("priority");
    }
    case "setAssignee": {
      const r = ref(args.assignee_user);
      return r ? { step: { kind: "assignee", userId: r.id, name: r.name } } : unreadable("agent");
    }
    case "setTeamAssignee": {
      const r = ref(args.assignee_team);
      return r ? { step: { kind: "team", teamId: r.id, name: r.name } } : unreadable("team");
    }
    case "snoozeTicket": {
      const ms = parseTimedelta(args.snooze_timedelta);
      return ms !== null ? { step: { kind: "snooze", forMs: ms, delta: String(args.snooze_timedelta).trim() } } : unreadable("snooze time");
    }
    case "addTags":
    case "removeTags": {
      const names = tagList(args.tags);
      return names.length > 0 ? { step: { kind: a.name, names } } : unreadable("tags");
    }
    case "addInternalNote": {
      const text = str(args.body_text);
      return text !== null ? { step: { kind: "note", template: text } } : unreadable("note");
    }
    default: {
      const known = UNSUPPORTED[a.name];
      if (known) return { refusal: known };
      if (STORE_ACTION.test(a.name)) return { refusal: "It acts on the customer's store order or subscription (refund, cancel, duplicate, edit), which only Gorgias can do." };
      return { refusal: "The Desk does not know this action, so it will not guess what it does." };
    }
  }
}

const PERFORMED = new Set(["setResponseText", "setStatus", "setPriority", "setAssignee", "setTeamAssignee", "snoozeTicket", "addTags", "removeTags", "addInternalNote"]);

/**
 * The actions as the browser gets them: a refused action's arguments (an HTTP hook's URL and
 * headers, which may hold another service's token) are left out; its name and title are enough to
 * refuse it, and the plan, its refusals and its fingerprint come out the same.
 */
export function actionsForBrowser(actions: readonly MacroAction[]): MacroAction[] {
  return actions.map((a) => (PERFORMED.has(a.name) ? a : { ...a, arguments: {} }));
}

/** Canonical JSON (sorted keys), so the same plan gives the same text on every side. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** Two FNV-1a passes: enough to notice a macro edited between preview and send (not a security check). */
export function fingerprintOf(v: unknown): string {
  const s = canonical(v);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x811c9dc5) + i;
  }
  return `${(a >>> 0).toString(16).padStart(8, "0")}${(b >>> 0).toString(16).padStart(8, "0")}`;
}

export function planMacro(macro: MacroSource): MacroPlan {
  let replyTemplate: string | null = null;
  let noteTemplate: string | null = null;
  const steps: MacroStep[] = [];
  const refusals: MacroRefusal[] = [];
  const fields: { -readonly [K in keyof MacroTicketFields]: MacroTicketFields[K] } = {};
  const addTags: string[] = [];
  const removeTags: string[] = [];
  for (const action of macro.actions) {
    const parsed = parseAction(action);
    if ("refusal" in parsed) {
      refusals.push({ name: action.name, title: action.title?.trim() || action.name, reason: parsed.refusal });
      continue;
    }
    if ("reply" in parsed) {
      // Gorgias's editor allows one response text; a second would be appended, so it is here too.
      replyTemplate = replyTemplate === null ? parsed.reply : `${replyTemplate}\n\n${parsed.reply}`;
      continue;
    }
    const step = parsed.step;
    steps.push(step);
    // Later actions win, as when Gorgias runs them in order.
    if (step.kind === "status") fields.status = step.status;
    else if (step.kind === "priority") fields.priority = step.priority;
    else if (step.kind === "assignee") fields.assigneeUserId = step.userId;
    else if (step.kind === "team") fields.assigneeTeamId = step.teamId;
    else if (step.kind === "snooze") fields.snoozeForMs = step.forMs;
    else if (step.kind === "addTags") addTags.push(...step.names.filter((n) => !addTags.includes(n)));
    else if (step.kind === "removeTags") removeTags.push(...step.names.filter((n) => !removeTags.includes(n)));
    else noteTemplate = noteTemplate === null ? step.template : `${noteTemplate}\n\n${step.template}`;
  }
  // A tag both added and removed: the last word is Gorgias's order, which two calls cannot keep.
  const both = addTags.filter((t) => removeTags.includes(t));
  if (both.length > 0) refusals.push({ name: "removeTags", title: "Remove tags", reason: `It both adds and removes ${both.join(", ")}.` });
  // Snoozing closes the ticket until it wakes (Gorgias sets both); a reopen with it contradicts that.
  if (fields.snoozeForMs !== undefined && fields.status === "open") refusals.push({ name: "snoozeTicket", title: "Snooze", reason: "It both reopens and snoozes the ticket." });
  if (replyTemplate !== null && replyTemplate.trim() === "") replyTemplate = null;
  const effects = { replyTemplate, fields, addTags, removeTags, noteTemplate, refusals: refusals.map((r) => r.name) };
  return { macroId: macro.id, macroName: macro.name, replyTemplate, steps, fields, addTags, removeTags, noteTemplate, refusals, fingerprint: fingerprintOf(effects) };
}

const UNIT_WORDS: Readonly<Record<string, [string, string]>> = { m: ["minute", "minutes"], h: ["hour", "hours"], d: ["day", "days"], w: ["week", "weeks"] };

function deltaWords(delta: string): string {
  const m = /^(\d+)\s*([mhdw])$/.exec(delta);
  if (!m) return delta;
  const n = Number(m[1]);
  const [one, many] = UNIT_WORDS[m[2]!]!;
  return `${n} ${n === 1 ? one : many}`;
}

const PRIORITY_WORDS: Readonly<Record<TicketPriority, string>> = { critical: "critical", high: "high", normal: "normal", low: "low" };

export interface DescribeOptions {
  /** The instant the preview is made, for "Snooze until …". */
  readonly now?: Date;
  readonly formatTime?: (d: Date) => string;
  /** The note's text as it will be posted (variables filled). */
  readonly noteText?: string | null;
}

const ONE_LINE_CHARS = 140;
const shorten = (s: string) => {
  const line = s.replace(/\s+/g, " ").trim();
  return line.length > ONE_LINE_CHARS ? `${line.slice(0, ONE_LINE_CHARS - 1)}…` : line;
};

/** One action in plain words, as the preview lists it. */
export function describeStep(step: MacroStep, o: DescribeOptions = {}): string {
  switch (step.kind) {
    case "status":
      return step.status === "closed" ? "Close the ticket" : "Reopen the ticket";
    case "priority":
      return `Set priority: ${PRIORITY_WORDS[step.priority]}`;
    case "assignee":
      return step.userId === null ? "Unassign the agent" : `Assign to ${step.name ?? `agent #${step.userId}`}`;
    case "team":
      return step.teamId === null ? "Remove the team" : `Assign to team ${step.name ?? `#${step.teamId}`}`;
    case "snooze": {
      const words = `Snooze for ${deltaWords(step.delta)}`;
      if (!o.now) return words;
      const until = new Date(o.now.getTime() + step.forMs);
      return `${words}, until ${o.formatTime ? o.formatTime(until) : until.toISOString()}`;
    }
    case "addTags":
      return `Add tags: ${step.names.join(", ")}`;
    case "removeTags":
      return `Remove tags: ${step.names.join(", ")}`;
    case "note":
      return `Internal note: ${shorten(o.noteText ?? step.template)}`;
  }
}
