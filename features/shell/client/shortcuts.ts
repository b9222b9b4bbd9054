/**
 * Every keyboard shortcut of the app. Bindings take their keys from here (`useShortcut(id)` on the
 * window, `matchesShortcut(id, event)` where a binding belongs to one element) and the `?` help
 * lists this table, so what is bound and what is shown cannot drift apart.
 */

/** Where a shortcut works, as the help names it. */
export type ShortcutScope = "global" | "inbox" | "ticket" | "composer";

export interface Shortcut {
  /** `KeyboardEvent.key`, optionally after `mod+` (Ctrl, or ⌘ on a Mac) and `shift+`. */
  readonly keys: string;
  readonly description: string;
  readonly scope: ShortcutScope;
}

export const SHORTCUTS = {
  nextTicket: { keys: "j", description: "Next ticket", scope: "inbox" },
  previousTicket: { keys: "k", description: "Previous ticket", scope: "inbox" },
  openTicket: { keys: "Enter", description: "Open the selected ticket", scope: "inbox" },
  searchTickets: { keys: "/", description: "Search tickets", scope: "inbox" },
  newTicket: { keys: "n", description: "New ticket", scope: "inbox" },
  toggleSelect: { keys: "x", description: "Select or unselect the ticket", scope: "inbox" },
  bulkClose: { keys: "c", description: "Close the selected tickets (or the ticket)", scope: "inbox" },
  bulkReopen: { keys: "o", description: "Reopen the selected tickets", scope: "inbox" },
  bulkAssign: { keys: "a", description: "Assign the selected tickets", scope: "inbox" },
  bulkTags: { keys: "t", description: "Tag the selected tickets", scope: "inbox" },
  bulkSnooze: { keys: "b", description: "Snooze the selected tickets", scope: "inbox" },
  bulkTrash: { keys: "#", description: "Move the selected tickets to the trash", scope: "inbox" },
  bulkSpam: { keys: "!", description: "Mark the selected tickets as spam", scope: "inbox" },
  bulkRead: { keys: "shift+I", description: "Mark the selected tickets read", scope: "inbox" },
  bulkUnread: { keys: "shift+U", description: "Mark the selected tickets unread", scope: "inbox" },
  backToInbox: { keys: "Escape", description: "Back to the list, on the same row", scope: "ticket" },
  nextInList: { keys: "j", description: "Open the next ticket of the list", scope: "ticket" },
  previousInList: { keys: "k", description: "Open the previous ticket of the list", scope: "ticket" },
  toggleStatus: { keys: "e", description: "Close or reopen the ticket", scope: "ticket" },
  assign: { keys: "a", description: "Assign", scope: "ticket" },
  reply: { keys: "r", description: "Reply to the customer (email)", scope: "ticket" },
  note: { keys: "n", description: "Write an internal note", scope: "ticket" },
  send: { keys: "mod+Enter", description: "Send", scope: "composer" },
  sendAndClose: { keys: "mod+shift+Enter", description: "Send and close the ticket", scope: "composer" },
  help: { keys: "?", description: "Show these shortcuts", scope: "global" },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof SHORTCUTS;

export const SCOPE_LABELS: Readonly<Record<ShortcutScope, string>> = {
  global: "Everywhere",
  inbox: "Inbox",
  ticket: "Ticket",
  composer: "Composer",
};

interface Chord {
  readonly mod: boolean;
  readonly shift: boolean;
  readonly key: string;
}

function chord(keys: string): Chord {
  const parts = keys.split("+");
  const key = parts.at(-1) ?? keys;
  return { mod: parts.includes("mod"), shift: parts.includes("shift"), key };
}

/** True when the event is this shortcut's chord; a printable key carries its own Shift ("?"). */
export function matchesShortcut(id: ShortcutId, event: Pick<KeyboardEvent, "key" | "metaKey" | "ctrlKey" | "altKey" | "shiftKey">): boolean {
  const { mod, shift, key } = chord(SHORTCUTS[id].keys);
  if (event.key !== key || event.altKey) return false;
  if ((event.metaKey || event.ctrlKey) !== mod) return false;
  return key.length === 1 || event.shiftKey === shift;
}

const KEY_NAMES: Readonly<Record<string, string>> = { Escape: "Esc" };

/** How the help writes a chord: "Ctrl/⌘ + Shift + Enter". */
export function shortcutLabel(id: ShortcutId): string {
  const { mod, shift, key } = chord(SHORTCUTS[id].keys);
  return [mod && "Ctrl/⌘", shift && "Shift", KEY_NAMES[key] ?? key].filter(Boolean).join(" + ");
}
