export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "desk-theme";

export const parseTheme = (value: string | undefined | null): Theme =>
  (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";

/** The class on <html>: none for "system", so the CSS media query decides. */
export const themeClass = (theme: Theme): string | undefined => (theme === "system" ? undefined : theme);
