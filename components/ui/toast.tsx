"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { cx } from "@/lib/utils";

export interface ToastMessage {
  readonly id: number;
  readonly tone: "info" | "error";
  readonly text: string;
}

/** A small queue of toasts; errors stay until dismissed or replaced, info fades after a few seconds. */
export function useToasts() {
  const [toasts, setToasts] = useState<readonly ToastMessage[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((tone: ToastMessage["tone"], text: string) => {
    const id = next.current++;
    setToasts((all) => [...all.slice(-2), { id, tone, text }]);
    return id;
  }, []);
  return { toasts, show, dismiss };
}

function Toast({ toast, onDismiss }: { toast: ToastMessage; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.id), toast.tone === "error" ? 12_000 : 4_000);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div
      role={toast.tone === "error" ? "alert" : "status"}
      data-testid="toast"
      className={cx(
        "pointer-events-auto flex max-w-sm items-start gap-3 rounded-lg border px-3.5 py-2.5 text-sm shadow-lg",
        toast.tone === "error"
          ? "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
          : "border-zinc-200 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
      )}
    >
      <p className="flex-1">{toast.text}</p>
      <button type="button" onClick={() => onDismiss(toast.id)} className="shrink-0 rounded text-xs font-medium underline-offset-2 hover:underline" aria-label="Dismiss">
        Dismiss
      </button>
    </div>
  );
}

/** Bottom-right stack; each toast is its own live region so screen readers announce it once. */
export function Toaster({ toasts, onDismiss }: { toasts: readonly ToastMessage[]; onDismiss: (id: number) => void }) {
  return (
    <div className="pointer-events-none fixed right-4 bottom-4 z-50 flex flex-col items-end gap-2">
      {toasts.map((t) => (
        <Toast key={t.id} toast={t} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
