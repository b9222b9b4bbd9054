"use client";

import { setPreference, usePreferences } from "@/features/shell/client/preferences";
import { UNDO_SEND_SECONDS, type UndoSendSeconds } from "@/lib/domain/undo-send";
import { SettingSelect } from "./setting-select";

const OPTIONS = UNDO_SEND_SECONDS.map(String) as readonly `${UndoSendSeconds}`[];
const LABEL = Object.fromEntries(OPTIONS.map((o) => [o, o === "0" ? "Off" : `${o} s`])) as Record<`${UndoSendSeconds}`, string>;

/** How long a reply or note waits, undoable, before it goes to Gorgias; remembered on this device. */
export function UndoSendSwitch() {
  const { undoSendSeconds } = usePreferences();
  return (
    <SettingSelect
      label="Undo send"
      ariaLabel="Time to undo a send"
      value={`${undoSendSeconds}`}
      options={OPTIONS}
      optionLabel={LABEL}
      onChange={(next) => setPreference("undoSendSeconds", UNDO_SEND_SECONDS.find((n) => `${n}` === next) ?? undoSendSeconds)}
      className="hidden md:flex"
      labelClassName="sr-only xl:not-sr-only"
      data-testid="undo-send-switch"
    />
  );
}
