"use client";

import { useSyncExternalStore } from "react";
import type { EmailTheme } from "@/lib/domain/ticket-thread";

function subscribeTheme(onChange: () => void) {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  media.addEventListener("change", onChange);
  // The theme switch flips a class on <html>; watch it rather than couple to that component.
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => {
    media.removeEventListener("change", onChange);
    observer.disconnect();
  };
}

function currentTheme(): EmailTheme {
  const root = document.documentElement.classList;
  if (root.contains("dark")) return "dark";
  if (root.contains("light")) return "light";
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** The theme email frames are rendered for; on the server, the agent's saved choice (or light). */
export function useEmailTheme(serverTheme: EmailTheme): EmailTheme {
  return useSyncExternalStore(subscribeTheme, currentTheme, () => serverTheme);
}

const noop = () => () => {};

/** False during server rendering and hydration: locale- and timezone-dependent text waits for it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}
