"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { applyMacro } from "@/features/composer/server/actions";
import type { AppliedMacroInput, ApplyMacroInput } from "@/lib/domain/contract/inputs";
import type { MacroPlan } from "@/lib/domain/macro-actions";
import type { MacroOutcome } from "@/lib/domain/send";
import { RouteError } from "@/lib/client/route-fetch";
import { runAction } from "@/lib/client/run-action";
import { ticketKeys } from "@/lib/client/query-keys";
import type { ComposerMode } from "./drafts";
import { newOperationId } from "./drafts";
import type { MacroChoice } from "./reads";

/** A macro applied in the composer: its actions go with the next send of that mode. */
export interface ArmedMacro {
  readonly mode: ComposerMode;
  readonly name: string;
  readonly input: AppliedMacroInput;
  /** The actions in plain words, as the preview showed them. */
  readonly summary: readonly string[];
}

/** What happened to actions performed without a message (or after one): shown until dismissed. */
export type MacroResult =
  | { readonly kind: "applied"; readonly name: string }
  | { readonly kind: "failed"; readonly name: string; readonly error: string; readonly retry: ApplyMacroInput; readonly afterSend: boolean };

/**
 * The composer's macro state (docs/safety.md#macros): the macro being previewed, the one armed for
 * the next send, and actions applied on their own — a macro without reply text, or "Apply the
 * actions again" after a send whose actions failed (never the message again).
 */
export function useComposerMacro(account: string, ticketId: number) {
  const client = useQueryClient();
  const [preview, setPreview] = useState<MacroChoice | null>(null);
  const [armed, setArmed] = useState<ArmedMacro | null>(null);
  const [result, setResult] = useState<MacroResult | null>(null);
  const [pending, setPending] = useState(false);

  const refresh = () =>
    Promise.all([client.invalidateQueries({ queryKey: ticketKeys.detail(account, ticketId) }), client.invalidateQueries({ queryKey: ticketKeys.lists(account) })]);

  function failed(name: string, error: string, retry: ApplyMacroInput, afterSend: boolean) {
    setResult({ kind: "failed", name, error, retry, afterSend });
  }

  /** Performs the actions now; `input.operationId` makes a repeat post the macro's note at most once. */
  async function applyActions(name: string, input: ApplyMacroInput, afterSend: boolean) {
    if (pending) return;
    setPending(true);
    setResult(null);
    try {
      const done = await runAction(applyMacro, input);
      if (done.macro.applied) setResult({ kind: "applied", name });
      else failed(name, done.macro.error ?? "Gorgias did not confirm the actions.", input, afterSend);
    } catch (e) {
      failed(name, e instanceof RouteError ? e.error.message : "The server could not be reached.", input, afterSend);
    } finally {
      setPending(false);
      void refresh();
    }
  }

  return {
    preview,
    armed,
    result,
    pending,
    open: (macro: MacroChoice) => {
      setResult(null);
      setPreview(macro);
    },
    close: () => setPreview(null),
    /** Confirmed in the preview: text goes to the composer (the caller) and the actions are armed; with no text they run now. */
    confirm: (plan: MacroPlan, mode: ComposerMode, noteText: string | null, summary: readonly string[]) => {
      setPreview(null);
      const input: AppliedMacroInput = { id: plan.macroId, fingerprint: plan.fingerprint, noteText };
      if (plan.replyTemplate === null) {
        setArmed(null);
        void applyActions(plan.macroName, { ticketId, operationId: newOperationId(), macro: input, closeAfter: false }, false);
      } else setArmed({ mode, name: plan.macroName, input, summary });
    },
    disarm: () => setArmed(null),
    /** After a send that carried the armed macro. */
    sent: (outcome: MacroOutcome | undefined, operationId: string, macro: AppliedMacroInput, closeAfter: boolean, snoozeUntil?: string) => {
      setArmed(null);
      if (outcome && !outcome.applied) {
        failed(outcome.name, outcome.error ?? "Gorgias did not confirm the actions.", { ticketId, operationId, macro, closeAfter, ...(snoozeUntil ? { snoozeUntil } : {}) }, true);
      }
    },
    retry: () => {
      if (result?.kind === "failed") void applyActions(result.name, result.retry, result.afterSend);
    },
    dismiss: () => setResult(null),
  };
}
