"use client";

/**
 * Raising toasts from anywhere (hooks included): `toast.error("…")`. sonner, which shows them in a
 * polite live region, is downloaded on first need; a toast raised before it is in waits for it.
 */

export interface ToastNote {
  readonly tone: "error" | "info";
  readonly message: string;
  /** One button beside the message (an undo). */
  readonly action?: { readonly label: string; readonly onClick: () => void };
}

let show: ((note: ToastNote) => void) | null = null;
const waiting: ToastNote[] = [];
let wanted = false;
const wantListeners = new Set<() => void>();

function want(): void {
  if (wanted) return;
  wanted = true;
  for (const listener of wantListeners) listener();
}

function raise(note: ToastNote): void {
  if (show) return show(note);
  waiting.push(note);
  want();
}

export const toast = {
  error: (message: string) => raise({ tone: "error", message }),
  info: (message: string) => raise({ tone: "info", message }),
  /** News the agent may take back: "Ticket closed" with an Undo button. */
  undoable: (message: string, onUndo: () => void) => raise({ tone: "info", message, action: { label: "Undo", onClick: onUndo } }),
  /**
   * A toast may follow soon (a change is waiting on Gorgias): load the toaster now, so its live
   * region is on the page before the message, as screen readers need to announce it.
   */
  prepare: want,
};

/** For the Toaster: whether toasts are needed yet (see `useSyncExternalStore`). */
export const toastDemand = {
  subscribe(listener: () => void): () => void {
    wantListeners.add(listener);
    return () => wantListeners.delete(listener);
  },
  wanted: () => wanted,
};

/** For the loaded Toaster: shows what waited, then every later toast directly. */
export function connectToaster(next: (note: ToastNote) => void): () => void {
  show = next;
  for (const note of waiting.splice(0)) next(note);
  return () => {
    if (show === next) show = null;
  };
}
