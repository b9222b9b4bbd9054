"use client";

import { useRef } from "react";
import { SHORTCUTS } from "@/features/shell/client/shortcut-list";
import { useShortcut } from "@/features/shell/client/use-shortcut";

/** `?` anywhere (outside a text field) lists every shortcut; a native modal dialog gives focus trap and Esc. */
export function ShortcutHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  useShortcut("?", () => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  });
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcut-help-title"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      data-testid="shortcut-help"
    >
      <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 id="shortcut-help-title" className="text-sm font-semibold">
          Keyboard shortcuts
        </h2>
        <form method="dialog">
          <button className="rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800" aria-label="Close shortcuts">
            Esc
          </button>
        </form>
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">Every keyboard shortcut</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys + s.where} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <td className="px-4 py-1.5">
                <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800">
                  {s.keys}
                </kbd>
              </td>
              <td className="py-1.5">{s.does}</td>
              <td className="px-4 py-1.5 text-right text-xs text-zinc-500 dark:text-zinc-400">{s.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
