"use client";

import { useId, useState, type ReactNode } from "react";
import { Menu } from "@/components/ui/menu";
import { chosenSnooze, localInputValue, snoozePresets, wakeLabel, agentTimeZone } from "@/lib/domain/snooze";

const ITEM = "flex w-full items-center justify-between gap-3 px-3 py-1.5 text-left hover:bg-zinc-100 focus-visible:bg-zinc-100 focus-visible:outline-none dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800";

export interface SnoozeMenuProps {
  /** Called with the wake instant (ISO) the agent chose. */
  readonly onSnooze: (until: string) => void;
  /** The trigger's content and classes. */
  readonly children: ReactNode;
  readonly className: string;
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  readonly disabled?: boolean;
  readonly "aria-keyshortcuts"?: string;
  readonly "aria-label"?: string;
  readonly "data-testid"?: string;
  readonly align?: "start" | "end";
  /** What the snooze applies to, for the popup's name: "Snooze ticket 12 until", "Send and snooze until". */
  readonly title?: string;
}

/**
 * Snooze presets on the agent's own clock (lib/domain/snooze.ts) and a chosen date and time. Used by
 * the ticket header, and shared for bulk snooze and the composer's Send & Snooze: it only says when.
 */
export function SnoozeMenu({ onSnooze, title = "Snooze until", popupTestId = "snooze-menu", ...props }: SnoozeMenuProps & { popupTestId?: string }) {
  return (
    <Menu
      {...props}
      title={title}
      popupTestId={popupTestId}
      content={(close) => (
        <SnoozeChoices
          onSnooze={(until) => {
            close();
            onSnooze(until);
          }}
        />
      )}
    />
  );
}

function SnoozeChoices({ onSnooze }: { onSnooze: (until: string) => void }) {
  // Read once as the menu opens: the labels and the minimum stay put while it is open.
  const [{ now, timeZone }] = useState(() => ({ now: new Date(), timeZone: agentTimeZone() }));
  const [custom, setCustom] = useState("");
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const presets = snoozePresets(now, timeZone);

  return (
    <div className="flex flex-col">
      <ul className="flex flex-col" aria-label="Presets">
        {presets.map((p) => (
          <li key={p.id}>
            <button type="button" className={ITEM} onClick={() => onSnooze(p.until)} data-testid={`snooze-${p.id}`}>
              <span>{p.label}</span>
              <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{wakeLabel(p.until, now, timeZone)}</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="mt-1 flex flex-col gap-1.5 border-t border-zinc-200 px-3 pt-2 pb-1.5 dark:border-zinc-700"
        onSubmit={(e) => {
          e.preventDefault();
          const until = chosenSnooze(custom, new Date(), timeZone);
          if (until) onSnooze(until);
          else setError("Choose a date and time in the future.");
        }}
      >
        <label className="flex flex-col gap-1 text-xs text-zinc-700 dark:text-zinc-300">
          Date and time
          <input
            type="datetime-local"
            value={custom}
            min={localInputValue(now, timeZone)}
            onChange={(e) => {
              setCustom(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
            data-testid="snooze-custom"
          />
        </label>
        {error && (
          <p id={errorId} role="alert" className="text-xs text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
        <p className="text-[11px] text-zinc-600 dark:text-zinc-400">Times in {timeZone}</p>
        <button type="submit" className="h-7 self-end rounded-md bg-brand px-2.5 text-xs font-medium text-white hover:bg-brand-strong" data-testid="snooze-custom-submit">
          Snooze
        </button>
      </form>
    </div>
  );
}
