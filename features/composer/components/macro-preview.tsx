"use client";

import { Ban, Zap } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { MacroPlan } from "@/lib/domain/macro-actions";
import { variableLabel } from "@/lib/domain/macro-template";

/**
 * What a macro will do, before anything is done (docs/safety.md#macros): its reply text as it
 * will read, each action in plain words, and — when the Desk cannot perform an action — the
 * refusal and its reason, with nothing to apply.
 */
export function MacroPreview({ plan, replyText, missing, steps, onApply, onCancel, disabled }: {
  plan: MacroPlan;
  /** The reply text rendered with the ticket's values; null when the macro has none. */
  replyText: string | null;
  /** Variables the reply text still needs (the composer asks for them after Apply). */
  missing: readonly string[];
  /** The actions in plain words. */
  steps: readonly string[];
  onApply: () => void;
  onCancel: () => void;
  disabled: boolean;
}) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The preview replaces the picker the agent was in: their focus lands on what it says (after the
  // picker has given focus back to its button, in the same commit).
  useEffect(() => {
    const frame = requestAnimationFrame(() => heading.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const refused = plan.refusals.length > 0;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="macro-preview"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
      className="flex flex-col gap-2 rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
    >
      <h3 id={headingId} ref={heading} tabIndex={-1} className="flex items-center gap-1.5 font-semibold text-zinc-900 focus:outline-none dark:text-zinc-50">
        <Zap aria-hidden size={14} /> Macro: {plan.macroName}
      </h3>
      {refused && (
        <div role="alert" data-testid="macro-refused" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-medium">The Desk cannot apply this macro, so nothing will be changed.</p>
          <ul className="mt-1 list-none space-y-1">
            {plan.refusals.map((r, i) => (
              <li key={`${r.name}-${i}`} className="flex gap-1.5">
                <Ban aria-hidden size={14} className="mt-0.5 shrink-0" />
                <span>
                  <span className="font-medium">{r.title}</span>: {r.reason}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Reply text</p>
        {replyText !== null ? (
          // Focusable: a long text scrolls, and a keyboard must be able to scroll it.
          <p data-testid="macro-preview-text" tabIndex={0} className="mt-1 max-h-40 overflow-y-auto rounded border border-zinc-200 bg-white px-2 py-1.5 whitespace-pre-wrap text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100">
            {replyText}
          </p>
        ) : (
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">None: its actions are applied as soon as you confirm.</p>
        )}
        {missing.length > 0 && <p className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">You will fill in: {missing.map(variableLabel).join(", ")}.</p>}
      </div>
      {steps.length > 0 && (
        <div>
          <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{refused ? "It would also" : replyText !== null ? "When you send, it will also" : "It will"}</p>
          <ul data-testid="macro-preview-actions" className="mt-1 list-disc space-y-0.5 pl-5 text-zinc-900 dark:text-zinc-100">
            {steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={onCancel}>
          {refused ? "Close" : "Cancel"}
        </Button>
        {!refused && (
          <Button size="sm" variant="primary" onClick={onApply} disabled={disabled}>
            {replyText !== null ? "Apply" : "Apply now"}
          </Button>
        )}
      </div>
    </section>
  );
}
