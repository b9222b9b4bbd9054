"use client";

import * as Popover from "@radix-ui/react-popover";
import { Command } from "cmdk";
import { Check } from "lucide-react";
import { Fragment, useEffect, useRef, useState } from "react";
import { cx } from "@/lib/utils";
import type { PickerOption, PickerPopupProps } from "./picker";

// Substring match on what the agent reads (label, detail), as the old lists did; cmdk's fuzzy
// score would also match on the option's id.
function matches(_value: string, search: string, keywords?: string[]): number {
  const q = search.trim().toLowerCase();
  return !q || keywords?.some((k) => k.toLowerCase().includes(q)) ? 1 : 0;
}

const GROUP_CLASS =
  "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-zinc-600 dark:[&_[cmdk-group-heading]]:text-zinc-400";

/** Consecutive options of one group together; options without a group stand alone. */
function groupsOf(options: readonly PickerOption[]): { heading: string | null; options: PickerOption[] }[] {
  const out: { heading: string | null; options: PickerOption[] }[] = [];
  for (const option of options) {
    const heading = option.group ?? null;
    const last = out.at(-1);
    if (last && last.heading === heading) last.options.push(option);
    else out.push({ heading, options: [option] });
  }
  return out;
}

/** The Radix + cmdk half of `Picker`, loaded on intent. */
export default function PickerPopup({
  id,
  anchor,
  initialSearch,
  onClose,
  title,
  searchLabel,
  searchPlaceholder,
  listLabel,
  options,
  current,
  onPick,
  onSearchChange,
  loading,
  error,
  emptyText = "No matches",
  stacked,
  side = "bottom",
  align = "start",
  popupClassName,
}: PickerPopupProps) {
  const [search, setSearch] = useState(initialSearch);
  const remote = onSearchChange !== undefined;
  const reportSearch = useRef(onSearchChange);
  useEffect(() => {
    if (initialSearch) reportSearch.current?.(initialSearch);
  }, [initialSearch]);

  return (
    <Popover.Root open onOpenChange={(open) => !open && onClose(false)}>
      <Popover.Anchor virtualRef={anchor} />
      <Popover.Portal>
        <Popover.Content
          id={id}
          aria-label={title}
          side={side}
          align={align}
          sideOffset={4}
          collisionPadding={8}
          // Escape also gives focus back to the trigger; an outside click leaves it where it landed.
          onEscapeKeyDown={(event) => {
            event.preventDefault();
            onClose(true);
          }}
          onInteractOutside={(event) => {
            // The trigger toggles the popup itself; closing here too would reopen it on click.
            if (event.target instanceof Node && anchor.current?.contains(event.target)) event.preventDefault();
          }}
          onCloseAutoFocus={(event) => event.preventDefault()}
          // Keys typed here are the picker's: not the composer's Ctrl+Enter, not a page shortcut.
          onKeyDown={(event) => event.stopPropagation()}
          className={cx(
            "z-50 flex max-h-(--radix-popover-content-available-height) w-72 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white text-zinc-900 shadow-xl dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
            popupClassName,
          )}
        >
          <Command label={searchLabel} shouldFilter={!remote} filter={matches} defaultValue={current ?? undefined} className="flex min-h-0 flex-col">
            <Command.Input
              value={search}
              onValueChange={(next) => {
                setSearch(next);
                onSearchChange?.(next);
              }}
              placeholder={searchPlaceholder}
              className="h-9 w-full shrink-0 border-b border-zinc-200 bg-transparent px-3 text-sm placeholder:text-zinc-500 focus:outline-none dark:border-zinc-700 dark:placeholder:text-zinc-400"
            />
            {error && (
              <p role="alert" className="px-3 py-2 text-xs text-red-700 dark:text-red-300">
                {error}
              </p>
            )}
            <div role="status">
              {loading ? <p className="px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400">{loading}</p> : null}
              {!loading && !error && <Command.Empty className="px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400">{emptyText}</Command.Empty>}
            </div>
            <Command.List label={listLabel} className="max-h-72 min-h-0 overflow-y-auto py-1">
              {!loading &&
                groupsOf(options).map(({ heading, options: grouped }, index) => {
                  const items = grouped.map((option) => {
                    const isCurrent = current !== undefined && option.value === current;
                    return (
                      <Command.Item
                        key={option.value}
                        value={option.value}
                        keywords={option.detail ? [option.label, option.detail] : [option.label]}
                        onSelect={() => {
                          onPick(option.value);
                          onClose(true);
                        }}
                        className={cx(
                          "flex cursor-pointer gap-x-3 px-3 py-1.5 text-sm data-[selected=true]:bg-zinc-100 dark:data-[selected=true]:bg-zinc-800",
                          stacked ? "flex-col" : "items-center justify-between",
                        )}
                      >
                        <span className="flex min-w-0 items-center gap-1.5">
                          {current !== undefined && <Check aria-hidden size={14} className={cx("shrink-0 text-brand dark:text-indigo-300", !isCurrent && "invisible")} />}
                          {/* Names wrap rather than clip: an agent must read whom they are picking. */}
                          <span className={cx("min-w-0 break-words", (isCurrent || stacked) && "font-medium")} data-testid="option-label">
                            {option.label}
                          </span>
                          {isCurrent && <span className="sr-only">(current)</span>}
                        </span>
                        {option.detail && <span className="min-w-0 text-xs break-all text-zinc-600 dark:text-zinc-400">{option.detail}</span>}
                      </Command.Item>
                    );
                  });
                  return heading === null ? (
                    <Fragment key={`options-${index}`}>{items}</Fragment>
                  ) : (
                    <Command.Group key={`group-${heading}`} heading={heading} className={GROUP_CLASS}>
                      {items}
                    </Command.Group>
                  );
                })}
            </Command.List>
          </Command>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
