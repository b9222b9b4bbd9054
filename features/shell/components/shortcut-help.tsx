"use client";

import { lazy, Suspense, useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { onShowShortcutHelp } from "@/features/shell/client/show-help";
import { useShortcut } from "@/features/shell/client/use-shortcut";

// Loaded with the dialog, on the first `?`: nothing of the help ships with every page.
const ShortcutTable = lazy(() => import("./shortcut-table").then((m) => ({ default: m.ShortcutTable })));

/** `?` anywhere (outside a text field) lists every shortcut of the registry, grouped by where it works. */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  useShortcut("help", () => setOpen(true));
  useEffect(() => onShowShortcutHelp(() => setOpen(true)), []);
  return (
    <Dialog open={open} onOpenChange={setOpen} title="Keyboard shortcuts" closeLabel="Close shortcuts" data-testid="shortcut-help">
      <Suspense fallback={<p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>}>
        <ShortcutTable />
      </Suspense>
    </Dialog>
  );
}
