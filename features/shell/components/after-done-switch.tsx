"use client";

import { AFTER_DONE, setPreference, usePreferences, type AfterDone } from "@/features/shell/client/preferences";
import { SettingSelect } from "./setting-select";

const LABEL: Record<AfterDone, string> = { next: "Next ticket", stay: "Stay on ticket", list: "Back to list" };

/** Where Send, Send & Close and Close take the agent; remembered on this device. */
export function AfterDoneSwitch() {
  const { afterDone } = usePreferences();
  return (
    <SettingSelect
      label="After sending"
      ariaLabel="After sending or closing, go to"
      value={afterDone}
      options={AFTER_DONE}
      optionLabel={LABEL}
      onChange={(next) => setPreference("afterDone", next)}
      className="hidden md:flex"
      labelClassName="sr-only xl:not-sr-only"
      data-testid="after-done-switch"
    />
  );
}
