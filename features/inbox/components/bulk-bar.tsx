"use client";

import { useQuery } from "@tanstack/react-query";
import { Button, buttonClass } from "@/components/ui/button";
import { Picker } from "@/components/ui/picker";
import { queryStatus } from "@/lib/client/query-status";
import type { BulkChange } from "@/lib/domain/bulk";
import type { TicketSummary } from "@/lib/domain/ticket";
import type { UserRef } from "@/lib/domain/user";
import { assignableUsersQuery, SnoozeMenu, TagPicker } from "@/features/ticket";
import type { BulkState } from "@/features/inbox/client/use-bulk";

export type BulkPicker = "assign" | "tags" | "snooze";

const NONE = "none";
const who = (u: UserRef) => u.name?.trim() || u.email || `Agent ${u.id}`;

export interface BulkBarProps {
  readonly account: string;
  readonly state: BulkState;
  /** Selected rows still in the list. */
  readonly count: number;
  readonly loaded: readonly TicketSummary[];
  /** More pages behind the loaded rows, and a view to send whole (not a search or a customer's list). */
  readonly canSelectView: boolean;
  readonly picker: BulkPicker | null;
  readonly onPickerChange: (picker: BulkPicker | null) => void;
  readonly onApply: (change: BulkChange, who?: UserRef | null) => void;
  readonly onSelectLoaded: () => void;
  readonly onSelectView: () => void;
  readonly onClear: () => void;
}

/**
 * What the agent can do to the selected rows, above the list while any is selected. The pickers
 * open from the keys too (`a`, `t`, `b`); tags and snooze are the ticket's own pickers.
 */
export function BulkBar({ account, state, count, loaded, canSelectView, picker, onPickerChange, onApply, onSelectLoaded, onSelectView, onClear }: BulkBarProps) {
  const users = useQuery({ ...assignableUsersQuery(account), enabled: picker === "assign" });
  const userOptions = [{ value: NONE, label: "Unassigned" }, ...(users.data ?? []).map((u) => ({ value: String(u.id), label: who(u), detail: u.email ?? undefined }))];
  const selectedLabel = state.allInView ? "Every ticket in this view selected" : `${count} selected`;
  const open = (p: BulkPicker) => (next: boolean) => onPickerChange(next ? p : null);

  return (
    <div role="toolbar" aria-label="Bulk actions" aria-busy={state.running} data-testid="bulk-bar" className="flex flex-wrap items-center gap-1.5 border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900">
      <span className="mr-1 text-sm font-medium" data-testid="bulk-count" aria-live="polite">
        {selectedLabel}
      </span>
      {!state.allInView && count < loaded.length && (
        <Button size="sm" variant="ghost" onClick={onSelectLoaded} data-testid="bulk-select-loaded">
          Select all {loaded.length} loaded
        </Button>
      )}
      {!state.allInView && canSelectView && (
        <Button size="sm" variant="ghost" onClick={onSelectView} data-testid="bulk-select-view">
          Select all in this view
        </Button>
      )}
      <span aria-hidden className="mx-1 h-5 w-px bg-zinc-300 dark:bg-zinc-700" />
      <Button size="sm" aria-keyshortcuts="c" disabled={state.running} onClick={() => onApply({ kind: "status", status: "closed" })} data-testid="bulk-close">
        Close
      </Button>
      <Button size="sm" aria-keyshortcuts="o" disabled={state.running} onClick={() => onApply({ kind: "status", status: "open" })} data-testid="bulk-reopen">
        Reopen
      </Button>
      <Picker
        title="Assign to"
        searchLabel="Search agents"
        searchPlaceholder="Assign to…"
        listLabel="Agents"
        options={userOptions}
        onPick={(value) => {
          const user = value === NONE ? null : (users.data?.find((u) => String(u.id) === value) ?? null);
          if (value === NONE || user) onApply({ kind: "assign", userId: user?.id ?? null }, user && { id: user.id, name: user.name, email: user.email });
        }}
        {...queryStatus(users, { loading: "Loading agents…", failed: "Couldn't load agents" })}
        open={picker === "assign"}
        onOpenChange={open("assign")}
        className={buttonClass({ size: "sm" })}
       
        aria-keyshortcuts="a"
        data-testid="bulk-assign"
      >
        Assign
      </Picker>
      <TagPicker
        account={account}
        applied={[]}
        onAdd={(tag) => onApply({ kind: "addTags", names: [tag.name] })}
        onRemove={() => {}}
        open={picker === "tags"}
        onOpenChange={open("tags")}
        className={buttonClass({ size: "sm" })}
        aria-keyshortcuts="t"
        data-testid="bulk-tag"
      >
        Tag
      </TagPicker>
      <SnoozeMenu
        onSnooze={(until) => onApply({ kind: "snooze", until })}
        open={picker === "snooze"}
        onOpenChange={open("snooze")}
        className={buttonClass({ size: "sm" })}
        aria-keyshortcuts="b"
        data-testid="bulk-snooze"
        popupTestId="bulk-snooze-menu"
      >
        Snooze
      </SnoozeMenu>
      <Button size="sm" aria-keyshortcuts="!" disabled={state.running} onClick={() => onApply({ kind: "spam", spam: true })} data-testid="bulk-spam">
        Spam
      </Button>
      <Button size="sm" aria-keyshortcuts="#" disabled={state.running} onClick={() => onApply({ kind: "trash", trashed: true })} data-testid="bulk-trash">
        Trash
      </Button>
      <Button size="sm" variant="ghost" aria-keyshortcuts="Shift+I" disabled={state.running} onClick={() => onApply({ kind: "read", unread: false })} data-testid="bulk-read">
        Mark read
      </Button>
      <Button size="sm" variant="ghost" aria-keyshortcuts="Shift+U" disabled={state.running} onClick={() => onApply({ kind: "read", unread: true })} data-testid="bulk-unread">
        Mark unread
      </Button>
      {state.job && (
        <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="bulk-job">
          Gorgias is applying it{state.job.total !== null ? `: ${state.job.processed ?? 0} of ${state.job.total}` : "…"}
        </span>
      )}
      <Button size="sm" variant="ghost" className="ml-auto" onClick={onClear} data-testid="bulk-clear">
        Clear selection
      </Button>
    </div>
  );
}
