/** Every shortcut the app binds, in the order the help dialog (`?`) lists them. Kept by hand: a new binding goes here too. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; does: string; where: string }> = [
  { keys: "j / k", does: "Next / previous ticket", where: "Inbox" },
  { keys: "Enter", does: "Open the selected ticket", where: "Inbox" },
  { keys: "/", does: "Search tickets", where: "Inbox" },
  { keys: "c", does: "New ticket", where: "Inbox" },
  { keys: "Esc", does: "Back to the list (or leave a field)", where: "Ticket" },
  { keys: "e", does: "Close or reopen the ticket", where: "Ticket" },
  { keys: "r", does: "Reply to the customer (email)", where: "Ticket" },
  { keys: "n", does: "Write an internal note", where: "Ticket" },
  { keys: "a", does: "Assign", where: "Ticket" },
  { keys: "Ctrl/⌘ + Enter", does: "Send", where: "Composer" },
  { keys: "Ctrl/⌘ + Shift + Enter", does: "Send & Close", where: "Composer" },
  { keys: "Ctrl/⌘ + Enter", does: "Create the ticket", where: "New ticket" },
  { keys: "?", does: "Show these shortcuts", where: "Everywhere" },
];
