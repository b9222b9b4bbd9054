"use client";

import { useState } from "react";
import { useShortcut } from "@/features/shell";
import type { BulkChange } from "@/lib/domain/bulk";
import type { UserRef } from "@/lib/domain/user";
import { readPlace } from "@/features/inbox/client/list-place";
import { useBulk } from "@/features/inbox/client/use-bulk";
import { BulkBar, type BulkPicker } from "./bulk-bar";
import { TicketGrid, type TicketGridProps } from "./ticket-grid";

export interface BulkListProps extends Omit<TicketGridProps, "mode" | "selection"> {
  /** The view to send whole when the agent selects all of it (null: a search or a customer's list). */
  readonly viewId: number | null;
}

/**
 * The inbox's list with its selection and the bulk bar. The list's keys act on the selection, or on
 * the focused row when nothing is selected (Gorgias's own list keys: docs/architecture.md).
 */
export function BulkList({ viewId, ...grid }: BulkListProps) {
  const { account, tickets, hasMore } = grid;
  const bulk = useBulk(account, tickets, viewId);
  const [picker, setPicker] = useState<BulkPicker | null>(null);
  const { selected, allInView } = bulk.state;
  const count = tickets.reduce((n, t) => n + (selected.has(t.id) ? 1 : 0), 0);
  const focused = () => readPlace(account).selectedId;

  const apply = (change: BulkChange, who?: UserRef | null) => {
    setPicker(null);
    void bulk.apply(change, focused(), who ?? null);
  };
  // A picker opened by its key with nothing selected is for the focused row: it joins the selection.
  const openPicker = (p: BulkPicker) => {
    const id = focused();
    if (count === 0 && id !== null) bulk.toggle(id, false);
    if (count > 0 || id !== null) setPicker(p);
  };
  useShortcut("toggleSelect", () => {
    const id = focused();
    if (id !== null) bulk.toggle(id, false);
  });
  useShortcut("bulkClose", () => apply({ kind: "status", status: "closed" }));
  useShortcut("bulkReopen", () => apply({ kind: "status", status: "open" }));
  useShortcut("bulkTrash", () => apply({ kind: "trash", trashed: true }));
  useShortcut("bulkSpam", () => apply({ kind: "spam", spam: true }));
  useShortcut("bulkRead", () => apply({ kind: "read", unread: false }));
  useShortcut("bulkUnread", () => apply({ kind: "read", unread: true }));
  useShortcut("bulkAssign", () => openPicker("assign"));
  useShortcut("bulkTags", () => openPicker("tags"));
  useShortcut("bulkSnooze", () => openPicker("snooze"));

  return (
    <>
      {(count > 0 || allInView || picker !== null) && (
        <BulkBar
          account={account}
          state={bulk.state}
          count={count}
          loaded={tickets}
          canSelectView={hasMore && viewId !== null}
          picker={picker}
          onPickerChange={setPicker}
          onApply={apply}
          onSelectLoaded={bulk.selectLoaded}
          onSelectView={bulk.selectView}
          onClear={bulk.clear}
        />
      )}
      <TicketGrid {...grid} mode="inbox" selection={{ selected, progress: bulk.state.progress, onToggle: bulk.toggle }} />
    </>
  );
}
