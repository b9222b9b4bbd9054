"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useShortcut } from "@/features/shell/client/use-shortcut";
import { ShortcutTable } from "./shortcut-table";

/** `?` anywhere (outside a text field) lists every shortcut of the registry. */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  useShortcut("help", () => setOpen(true));
  return (
    <Dialog open={open} onOpenChange={setOpen} title="Keyboard shortcuts" closeLabel="Close shortcuts" data-testid="shortcut-help">
      <ShortcutTable />
    </Dialog>
  );
}
