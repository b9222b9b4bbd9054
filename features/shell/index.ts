// The shell's browser-safe API for other features and routes.
export { Providers } from "./components/providers";
export { ShortcutHelp } from "./components/shortcut-help";
export { TopBar } from "./components/top-bar";
export { AppErrorNotice, SignInLink } from "./components/app-error-notice";
export { useShortcut } from "./client/use-shortcut";
export { matchesShortcut, shortcutLabel } from "./client/shortcuts";
export { showShortcutHelp } from "./client/show-help";
export { usePreferences, readPreferences, setPreference, type AfterDone } from "./client/preferences";
