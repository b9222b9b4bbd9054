"use client";

import * as Popover from "@radix-ui/react-popover";
import { cx } from "@/lib/utils";
import type { MenuPopupProps } from "./menu";

/** Arrows step through the menu's buttons as in a menu; Tab still walks every control. */
function moveFocus(menu: HTMLElement, step: 1 | -1, event: { preventDefault: () => void }) {
  const items = [...menu.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
  if (items.length === 0 || (document.activeElement instanceof HTMLInputElement && document.activeElement.type !== "button")) return;
  event.preventDefault();
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const next = at < 0 ? (step === 1 ? 0 : items.length - 1) : (at + step + items.length) % items.length;
  items[next]?.focus();
}

/** The Radix half of `Menu`, loaded on intent. */
export default function MenuPopup({ id, anchor, title, align = "start", popupClassName, onClose, content, "data-testid": testId }: MenuPopupProps) {
  return (
    <Popover.Root open onOpenChange={(open) => !open && onClose(false)}>
      <Popover.Anchor virtualRef={anchor} />
      <Popover.Portal>
        <Popover.Content
          id={id}
          aria-label={title}
          side="bottom"
          align={align}
          sideOffset={4}
          collisionPadding={8}
          data-testid={testId}
          onEscapeKeyDown={(event) => {
            event.preventDefault();
            onClose(true);
          }}
          onInteractOutside={(event) => {
            // The trigger toggles the popup itself; closing here too would reopen it on click.
            if (event.target instanceof Node && anchor.current?.contains(event.target)) event.preventDefault();
          }}
          onCloseAutoFocus={(event) => event.preventDefault()}
          // Keys typed here are the menu's: not a page shortcut, not the composer's Ctrl+Enter.
          onKeyDown={(event) => {
            event.stopPropagation();
            if (event.key === "ArrowDown" || event.key === "ArrowUp") moveFocus(event.currentTarget, event.key === "ArrowDown" ? 1 : -1, event);
          }}
          className={cx(
            "z-50 flex max-h-(--radix-popover-content-available-height) w-64 flex-col overflow-y-auto rounded-lg border border-zinc-200 bg-white py-1 text-sm text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
            popupClassName,
          )}
        >
          {content(() => onClose(true))}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
