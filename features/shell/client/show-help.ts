/** Another part of the app (the Mod+K palette's "Keyboard shortcuts") asks the `?` help to open. */
const SHOW_HELP = "desk:show-shortcuts";

export function showShortcutHelp(): void {
  window.dispatchEvent(new Event(SHOW_HELP));
}

/** Listens for those requests; returns the unsubscribe. */
export function onShowShortcutHelp(open: () => void): () => void {
  window.addEventListener(SHOW_HELP, open);
  return () => window.removeEventListener(SHOW_HELP, open);
}
