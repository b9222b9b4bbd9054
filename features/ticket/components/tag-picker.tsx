"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { Picker } from "@/components/ui/picker";
import { queryStatus } from "@/lib/client/query-status";
import type { TagRef } from "@/lib/domain/tag";
import { tagsQuery } from "@/features/ticket/client/queries";
import { tagOptions, tagPick } from "./tag-options";

const SEARCH_DELAY_MS = 200;

export interface TagPickerProps {
  readonly account: string;
  /** The tags already on the ticket (none for a bulk add): picking one of them removes it. */
  readonly applied: readonly TagRef[];
  readonly onAdd: (tag: TagRef) => void;
  readonly onRemove: (tag: TagRef) => void;
  readonly children: ReactNode;
  readonly className: string;
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
  readonly disabled?: boolean;
  readonly "aria-keyshortcuts"?: string;
  readonly "data-testid"?: string;
}

/** A search worth asking Gorgias about, once the agent pauses typing. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [value]);
  return settled;
}

/**
 * The account's tags, searched by Gorgias, to add to or take off a ticket; a name no tag has yet is
 * offered as "Create tag “x”" (Gorgias creates it when it is added by name). Shared with bulk tagging.
 */
export function TagPicker({ account, applied, onAdd, onRemove, open, onOpenChange, ...trigger }: TagPickerProps) {
  const [search, setSearch] = useState("");
  const settled = useSettled(search.trim());
  const tags = useQuery({ ...tagsQuery(account, settled), enabled: open !== false });
  const typed = search.trim();
  const found = tags.data ?? [];
  const options = tagOptions(typed, applied, found);

  function pick(value: string) {
    const picked = tagPick(value, typed, applied, found);
    if (picked && "remove" in picked) onRemove(picked.remove);
    else if (picked) onAdd(picked.add);
  }

  return (
    <Picker
      {...trigger}
      title="Tags"
      searchLabel="Search or create a tag"
      searchPlaceholder="Tag…"
      listLabel="Tags"
      options={options}
      onPick={pick}
      onSearchChange={setSearch}
      {...queryStatus(tags, { loading: "Loading tags…", failed: "Couldn't load tags" })}
      emptyText={typed ? "No tags match" : "No tags yet: type a name to create one"}
      open={open}
      onOpenChange={onOpenChange}
    />
  );
}
