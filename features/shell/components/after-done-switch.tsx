"use client";

import { AFTER_DONE, setPreference, usePreferences, type AfterDone } from "@/features/shell/client/preferences";

const LABEL: Record<AfterDone, string> = { next: "Next ticket", stay: "Stay on ticket", list: "Back to list" };

/** Where Send, Send & Close and Close take the agent; remembered on this device. */
export function AfterDoneSwitch() {
  const { afterDone } = usePreferences();
  return (
    <label className="hidden items-center gap-1.5 text-xs text-zinc-600 md:flex dark:text-zinc-400">
      <span className="sr-only xl:not-sr-only">After sending</span>
      <select
        aria-label="After sending or closing, go to"
        value={afterDone}
        onChange={(e) => setPreference("afterDone", AFTER_DONE.find((a) => a === e.target.value) ?? afterDone)}
        className="h-7 rounded-md border border-zinc-300 bg-white px-1.5 text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
        data-testid="after-done-switch"
      >
        {AFTER_DONE.map((a) => (
          <option key={a} value={a}>
            {LABEL[a]}
          </option>
        ))}
      </select>
    </label>
  );
}
