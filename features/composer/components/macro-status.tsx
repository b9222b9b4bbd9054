"use client";

import { X, Zap } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import type { ArmedMacro, MacroResult } from "@/features/composer/client/use-composer-macro";

/** The macro armed for the next send: what it will do, and a way to send without it. */
export function ArmedMacroChip({ armed, onRemove, disabled }: { armed: ArmedMacro; onRemove: () => void; disabled: boolean }) {
  return (
    <div data-testid="macro-armed" className="flex items-start gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-2.5 py-1.5 text-xs text-indigo-950 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-100">
      <Zap aria-hidden size={14} className="mt-0.5 shrink-0" />
      <p className="min-w-0 flex-1">
        <span className="font-medium">Macro “{armed.name}”</span>
        {armed.summary.length > 0 ? <> will also, when you send: {armed.summary.join(" · ")}</> : <> is recorded with this message.</>}
      </p>
      <button
        type="button"
        onClick={onRemove}
        disabled={disabled}
        aria-label={`Send without the macro “${armed.name}”`}
        className="shrink-0 rounded p-0.5 hover:bg-indigo-100 disabled:opacity-50 dark:hover:bg-indigo-900"
      >
        <X aria-hidden size={14} />
      </button>
    </div>
  );
}

/** Actions applied on their own: done, or not done with a retry that never sends the message again. */
export function MacroResultNotice({ result, pending, onRetry, onDismiss }: { result: MacroResult; pending: boolean; onRetry: () => void; onDismiss: () => void }) {
  if (result.kind === "applied") {
    return (
      <ErrorNotice tone="info" role="status" testId="macro-result" actions={<Button size="sm" variant="ghost" onClick={onDismiss}>Dismiss</Button>}>
        Macro “{result.name}” applied.
      </ErrorNotice>
    );
  }
  return (
    <ErrorNotice
      tone="error"
      testId="macro-result"
      actions={
        <>
          <Button size="sm" onClick={onRetry} disabled={pending}>
            {pending ? "Applying…" : "Apply the actions again"}
          </Button>
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            Dismiss
          </Button>
        </>
      }
    >
      {result.afterSend ? "Your message was sent, but the" : "The"} actions of the macro “{result.name}” were not all applied. {result.error}
      {result.afterSend && " Applying them again never sends the message twice."}
    </ErrorNotice>
  );
}
