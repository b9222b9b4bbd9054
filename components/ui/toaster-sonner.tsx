"use client";

import { CircleAlert, Info, X } from "lucide-react";
import { useEffect } from "react";
import { toast as sonner, Toaster } from "sonner";
import { connectToaster } from "./toast";

// Errors stay long enough to be read and acted on; news fades sooner.
const DURATION = { error: 12_000, info: 4_000 } as const;

/** sonner's Toaster, styled like the rest of the app in light and dark; loaded by `Toaster`. */
export default function ToasterSonner() {
  // Runs after sonner's own effect has subscribed to its queue, so nothing raised is lost.
  useEffect(
    () =>
      connectToaster(
        ({ tone, message, action, id, sticky }) =>
          // An undo stays as long as an error: it is no use once gone.
          sonner[tone](message, {
            duration: sticky ? Infinity : action ? DURATION.error : DURATION[tone],
            testId: "toast",
            ...(id ? { id } : {}),
            ...(action ? { action } : {}),
          }),
        (id) => sonner.dismiss(id),
      ),
    [],
  );
  return (
    <Toaster
      position="bottom-right"
      closeButton
      icons={{ error: <CircleAlert aria-hidden size={16} />, info: <Info aria-hidden size={16} />, close: <X aria-hidden size={14} /> }}
      toastOptions={{
        unstyled: true,
        closeButtonAriaLabel: "Dismiss",
        classNames: {
          toast: "flex w-(--width) max-w-[calc(100vw-2rem)] items-start gap-2.5 rounded-lg border px-3.5 py-2.5 text-sm shadow-lg",
          error: "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100",
          info: "border-zinc-200 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
          icon: "mt-0.5 shrink-0",
          content: "min-w-0 flex-1",
          actionButton: "shrink-0 rounded-md border border-zinc-300 px-2 py-0.5 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800",
          closeButton: "order-last -mr-1 flex size-6 shrink-0 items-center justify-center rounded opacity-70 hover:bg-black/5 hover:opacity-100 dark:hover:bg-white/10",
        },
      }}
    />
  );
}
