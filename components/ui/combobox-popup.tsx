"use client";

import * as Popover from "@radix-ui/react-popover";
import { Command } from "cmdk";
import { useEffect, useRef, useState } from "react";
import type { ComboboxPopupProps } from "./combobox-field";

// cmdk highlights its first item unless its value names one; this names none.
const NOTHING = "\u0000";

/** The Radix + cmdk half of `ComboboxField`: shows the suggestions; the field keeps focus and keys. */
export default function ComboboxPopup({ anchor, listLabel, options, active, onActiveChange, onPick, onDismiss, onIds }: ComboboxPopupProps) {
  // A state, not a ref: the portal puts the list in the page a render after this one.
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const report = useRef(onIds);
  useEffect(() => {
    report.current = onIds;
  });

  // cmdk owns the options' ids and marks the highlighted one with aria-selected, a render after ours.
  useEffect(() => {
    const el = list;
    if (!el) return;
    const sync = () => {
      const highlighted = el.querySelector<HTMLElement>('[cmdk-item][aria-selected="true"]');
      highlighted?.scrollIntoView({ block: "nearest" });
      report.current({ list: el.id || null, active: highlighted?.id ?? null });
    };
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-selected"] });
    return () => {
      observer.disconnect();
      report.current({ list: null, active: null });
    };
  }, [list]);

  return (
    <Popover.Root open onOpenChange={(open) => !open && onDismiss()}>
      <Popover.Anchor virtualRef={anchor} />
      <Popover.Portal>
        <Popover.Content
          // A plain box around the listbox: the field is the combobox, there is no dialog here.
          role="presentation"
          side="bottom"
          align="start"
          sideOffset={4}
          collisionPadding={8}
          onOpenAutoFocus={(event) => event.preventDefault()}
          onCloseAutoFocus={(event) => event.preventDefault()}
          onInteractOutside={(event) => {
            if (event.target instanceof Node && anchor.current?.contains(event.target)) event.preventDefault();
          }}
          // A press on an option must not take focus from the field (that would close the list).
          onMouseDown={(event) => event.preventDefault()}
          className="z-50 w-(--radix-popover-trigger-width) overflow-hidden rounded-md border border-zinc-200 bg-white text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <Command shouldFilter={false} value={active ?? NOTHING} onValueChange={onActiveChange}>
            <Command.List ref={setList} label={listLabel} className="max-h-64 overflow-y-auto py-1">
              {options.map((option) => (
                <Command.Item
                  key={option.value}
                  value={option.value}
                  onSelect={() => onPick(option.value)}
                  className="flex cursor-pointer items-baseline gap-2 px-3 py-1.5 text-sm data-[selected=true]:bg-zinc-100 dark:data-[selected=true]:bg-zinc-800"
                >
                  <span className="truncate font-medium">{option.label}</span>
                  {option.detail && <span className="truncate text-xs text-zinc-600 dark:text-zinc-400">{option.detail}</span>}
                </Command.Item>
              ))}
            </Command.List>
          </Command>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
