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
  /** A second chord that does the same (the Desk's own older key beside Gorgias's). */
  readonly alias?: string;
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
  // Gorgias's own keys in a ticket, so agents who use both tools don't misfire.
  nextInList: { keys: "ArrowRight", alias: "j", description: "Open the next ticket of the list", scope: "ticket" },
  previousInList: { keys: "ArrowLeft", alias: "k", description: "Open the previous ticket of the list", scope: "ticket" },
  close: { keys: "c", description: "Close the ticket", scope: "ticket" },
  reopen: { keys: "o", description: "Reopen the ticket", scope: "ticket" },
  snooze: { keys: "b", description: "Snooze the ticket", scope: "ticket" },
  tags: { keys: "t", description: "Add or remove tags", scope: "ticket" },
  assign: { keys: "a", description: "Assign", scope: "ticket" },
  spam: { keys: "!", description: "Mark as spam, or not spam", scope: "ticket" },
  trash: { keys: "#", description: "Move to the trash, or restore", scope: "ticket" },
  reply: { keys: "r", description: "Reply to the customer (email)", scope: "ticket" },
  note: { keys: "i", description: "Write an internal note", scope: "ticket" },
  undoSend: { keys: "z", description: "Undo the last send", scope: "ticket" },
  send: { keys: "mod+Enter", description: "Send", scope: "composer" },
  sendAndClose: { keys: "mod+shift+Enter", description: "Send and close the ticket", scope: "composer" },
  help: { keys: "?", description: "Show these shortcuts", scope: "global" },
  search: { keys: "mod+k", description: "Search tickets and customers, or go anywhere (also while typing)", scope: "global" },
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

type KeyEvent = Pick<KeyboardEvent, "key" | "metaKey" | "ctrlKey" | "altKey" | "shiftKey">;

function matchesChord(keys: string, event: KeyEvent): boolean {
  const { mod, shift, key } = chord(keys);
  if (event.key !== key || event.altKey) return false;
  if ((event.metaKey || event.ctrlKey) !== mod) return false;
  return key.length === 1 || event.shiftKey === shift;
}

/** True when the event is this shortcut's chord (or its alias); a printable key carries its own Shift ("?"). */
export function matchesShortcut(id: ShortcutId, event: KeyEvent): boolean {
  const shortcut: Shortcut = SHORTCUTS[id];
  return matchesChord(shortcut.keys, event) || (shortcut.alias !== undefined && matchesChord(shortcut.alias, event));
}

const KEY_NAMES: Readonly<Record<string, string>> = { Escape: "Esc", ArrowLeft: "←", ArrowRight: "→" };

/** "Ctrl/⌘ + K" (a lone `k` stays lower case: Shift is not pressed). */
function chordLabel(keys: string): string {
  const { mod, shift, key } = chord(keys);
  const name = KEY_NAMES[key] ?? (mod && key.length === 1 ? key.toUpperCase() : key);
  return [mod && "Ctrl/⌘", shift && "Shift", name].filter(Boolean).join(" + ");
}

/** How the help writes a chord: "Ctrl/⌘ + Shift + Enter"; an alias follows: "→ or j". */
export function shortcutLabel(id: ShortcutId): string {
  const shortcut: Shortcut = SHORTCUTS[id];
  return shortcut.alias ? `${chordLabel(shortcut.keys)} or ${chordLabel(shortcut.alias)}` : chordLabel(shortcut.keys);
}
