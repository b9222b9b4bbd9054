"use client";

import { useId, type ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { shortcutLabel } from "@/features/shell";
import { SnoozeMenu } from "@/features/ticket";
import type { SendOutcome } from "@/lib/domain/send";
import type { ComposerMode } from "@/features/composer/client/drafts";
import type { MacroChoice } from "@/features/composer/client/reads";
import type { SaveStatus } from "@/features/composer/client/draft-saver";
import { MacroPicker } from "./macro-picker";

const SAVE_LABEL: Record<SaveStatus, string> = {
  idle: "",
  pending: "",
  saving: "Saving draft…",
  saved: "Draft saved",
  "device-only": "Draft saved on this device only",
  conflict: "Draft not saved: changed in another tab",
};

export function ComposerFooter({ account, ticketId, mode, pending, blockedBy, saveStatus, lastOutcome, onMacro, onSend, onSendAndSnooze, channelLabel = null, autoAssign = null, tools = null }: {
  account: string;
  ticketId: number;
  mode: ComposerMode;
  pending: boolean;
  blockedBy: string | null;
  saveStatus: SaveStatus;
  lastOutcome: SendOutcome | null;
  onMacro: (m: MacroChoice) => void;
  onSend: (closeAfter: boolean) => void;
  /** Send & Snooze: the reply goes, then the ticket is snoozed until this instant. */
  onSendAndSnooze?: (until: string) => void;
  /** A reply's messaging channel ("Chat"); null for e-mail. */
  channelLabel?: string | null;
  /** The auto-assign setting, offered while the ticket is unassigned. */
  autoAssign?: { on: boolean; onChange: (on: boolean) => void } | null;
  /** More controls beside the macro picker (attach files). */
  tools?: ReactNode;
}) {
  const reasonId = useId();
  const reply = mode === "reply";
  const sentLabel =
    lastOutcome &&
    (reply ? (channelLabel ? `Sent on ${channelLabel}` : "Email sent") : "Note added") +
      (lastOutcome.closeError
        ? ` · the ticket could not be closed: ${lastOutcome.closeError}`
        : lastOutcome.snoozedUntil
          ? " · ticket snoozed"
          : lastOutcome.closed
            ? " · ticket closed"
            : "") +
      (lastOutcome.macro?.applied ? ` · macro “${lastOutcome.macro.name}” applied` : "");
  const showReason = blockedBy && blockedBy !== "Write a message first." && blockedBy !== "Sending…";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <MacroPicker account={account} ticketId={ticketId} onPick={onMacro} disabled={pending} />
      {tools}
      <p className="min-w-0 flex-1 truncate text-xs text-zinc-500 dark:text-zinc-400" role="status" aria-live="polite" data-testid="composer-status">
        {pending ? (reply ? (channelLabel ? `Sending on ${channelLabel}…` : "Sending email…") : "Adding note…") : (sentLabel ?? SAVE_LABEL[saveStatus])}
      </p>
      <p id={reasonId} className={showReason ? "w-full text-xs text-red-700 sm:order-last dark:text-red-300" : "sr-only"}>
        {blockedBy ?? ""}
      </p>
      <div className="ml-auto flex items-center gap-2">
        {autoAssign && (
          <label className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
            <input type="checkbox" checked={autoAssign.on} onChange={(e) => autoAssign.onChange(e.target.checked)} data-testid="auto-assign" />
            Assign to me
          </label>
        )}
        {reply && onSendAndSnooze && (
          <SnoozeMenu onSnooze={onSendAndSnooze} title="Send, then snooze until" className={buttonClass({ size: "sm" })} disabled={!!blockedBy} align="end" data-testid="send-and-snooze" popupTestId="send-snooze-menu">
            Send & snooze
          </SnoozeMenu>
        )}
        <Button size="sm" variant="secondary" disabled={!!blockedBy} aria-describedby={blockedBy ? reasonId : undefined} onClick={() => onSend(true)} title={shortcutLabel("sendAndClose")}>
          {reply ? "Send & close" : "Add note & close"}
        </Button>
        <Button size="sm" variant={reply ? "primary" : "note"} disabled={!!blockedBy} aria-describedby={blockedBy ? reasonId : undefined} onClick={() => onSend(false)} title={shortcutLabel("send")}>
          {pending ? (reply ? "Sending…" : "Adding…") : reply ? (channelLabel ? `Send on ${channelLabel}` : "Send email") : "Add note"}
        </Button>
      </div>
    </div>
  );
}
