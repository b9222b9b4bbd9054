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
  /** A toast raised again with the same id is updated in place (a countdown). */
  readonly id?: string;
  /** Stays until dismissed by `toast.dismiss(id)`. */
  readonly sticky?: boolean;
}

let show: ((note: ToastNote) => void) | null = null;
let hide: ((id: string) => void) | null = null;
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
  /** A toast that stays, updated in place while it is raised again under its id, until dismissed. */
  sticky: (id: string, message: string, action?: ToastNote["action"]) => raise({ tone: "info", message, id, sticky: true, ...(action ? { action } : {}) }),
  dismiss: (id: string) => {
    const i = waiting.findIndex((n) => n.id === id);
    if (i >= 0) waiting.splice(i, 1);
    hide?.(id);
  },
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
export function connectToaster(next: (note: ToastNote) => void, dismiss: (id: string) => void = () => undefined): () => void {
  show = next;
  hide = dismiss;
  for (const note of waiting.splice(0)) next(note);
  return () => {
    if (show === next) show = null;
    if (hide === dismiss) hide = null;
  };
}
