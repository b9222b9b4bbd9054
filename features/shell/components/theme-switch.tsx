"use client";

import { useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/domain/theme";
import { SettingSelect } from "./setting-select";

const LABEL: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** System by default; a choice is remembered in a cookie so the server renders it without a flash. */
export function ThemeSwitch({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function choose(next: Theme) {
    setTheme(next);
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    if (next !== "system") root.classList.add(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <SettingSelect
      label="Theme"
      ariaLabel="Theme"
      value={theme}
      options={THEMES}
      optionLabel={LABEL}
      onChange={choose}
      labelClassName="sr-only sm:not-sr-only"
      data-testid="theme-switch"
    />
  );
}
