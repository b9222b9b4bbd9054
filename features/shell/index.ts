// The shell's browser-safe API for other features.
export { useShortcut } from "./client/use-shortcut";
export { matchesShortcut, shortcutLabel } from "./client/shortcuts";
