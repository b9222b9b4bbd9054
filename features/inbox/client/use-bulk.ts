"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { endOutcome, oneAfterAnother, rangeBetween, type BulkChange, type BulkEvent, type BulkRequestBody, type RowProgress } from "@/lib/domain/bulk";
import type { TicketSummary } from "@/lib/domain/ticket";
import type { UserRef } from "@/lib/domain/user";
import { ticketKeys } from "@/lib/client/query-keys";
import { changedRow, dropLeavers, patchRows, snapshotRows } from "./bulk-cache";
import { postBulk } from "./bulk-stream";

/** How long a row keeps its "done" mark once its change is in. */
const DONE_MARK_MS = 4_000;

/** Words for the toast: what was done to how many tickets. */
export function describeBulk(change: BulkChange, count: number, who: UserRef | null): string {
  const n = `${count} ticket${count === 1 ? "" : "s"}`;
  switch (change.kind) {
    case "status":
      return `${change.status === "closed" ? "Closed" : "Reopened"} ${n}.`;
    case "assign":
      return who ? `Assigned ${n} to ${who.name?.trim() || who.email || "that agent"}.` : `Unassigned ${n}.`;
    case "addTags":
      return `Tagged ${n} ${change.names.join(", ")}.`;
    case "snooze":
      return `Snoozed ${n}.`;
    case "spam":
      return `${change.spam ? "Marked" : "Unmarked"} ${n} as spam.`;
    case "trash":
      return `${change.trashed ? "Moved" : "Restored"} ${n} ${change.trashed ? "to" : "from"} the trash.`;
    case "read":
      return `Marked ${n} ${change.unread ? "unread" : "read"}.`;
  }
}

/** A job's failures it counted but did not name (lib/domain/bulk.ts: `endOutcome`). */
const couldNotChange = (n: number) => `${n} ticket${n === 1 ? "" : "s"} could not be changed.`;

export interface BulkState {
  readonly selected: ReadonlySet<number>;
  /** Every ticket of the view, beyond the loaded rows (sent as the view: Gorgias's job takes it). */
  readonly allInView: boolean;
  readonly progress: ReadonlyMap<number, RowProgress>;
  readonly running: boolean;
  /** A job's progress while one runs: tickets processed of its total. */
  readonly job: { readonly processed: number | null; readonly total: number | null } | null;
}

/**
 * The list's selection and its bulk changes: `x` and clicks toggle rows, Shift extends from the last
 * one toggled, all loaded rows or the whole view; a change runs on the server, each row showing
 * pending, done or failed as its answer streams in, then offers an Undo.
 */
export function useBulk(account: string, tickets: readonly TicketSummary[], viewId: number | null) {
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [allInView, setAllInView] = useState(false);
  const [progress, setProgress] = useState<ReadonlyMap<number, RowProgress>>(new Map());
  // Requests in flight: changes one after another (`inTurn`), but an undo may start while a change runs.
  const [running, setRunning] = useState(0);
  const [job, setJob] = useState<BulkState["job"]>(null);
  const anchor = useRef<number | null>(null);
  const inTurn = useRef(oneAfterAnother()).current;

  const mark = useCallback((ids: Iterable<number>, state: RowProgress | null) => {
    setProgress((old) => {
      const next = new Map(old);
      for (const id of ids) {
        if (state === null) next.delete(id);
        else next.set(id, state);
      }
      return next;
    });
  }, []);

  const toggle = useCallback(
    (id: number, range: boolean) => {
      setAllInView(false);
      setSelected((old) => {
        const next = new Set(old);
        if (range) {
          const span = rangeBetween(tickets.map((t) => t.id), anchor.current, id);
          // A range takes the anchor's state: from a selected anchor it selects, else it clears.
          const on = anchor.current === null || old.has(anchor.current);
          for (const r of span) {
            if (on) next.add(r);
            else next.delete(r);
          }
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      anchor.current = id;
    },
    [tickets],
  );

  const selectLoaded = useCallback(() => setSelected(new Set(tickets.map((t) => t.id))), [tickets]);
  const selectView = useCallback(() => {
    setSelected(new Set(tickets.map((t) => t.id)));
    setAllInView(true);
  }, [tickets]);
  const clear = useCallback(() => {
    setSelected(new Set());
    setAllInView(false);
    anchor.current = null;
  }, []);

  /** Runs one request (a change or an undo) and shows it row by row; resolves with its end. */
  const stream = useCallback(
    async (body: BulkRequestBody, ids: ReadonlySet<number>, onRowDone: (id: number) => void) => {
      setRunning((n) => n + 1);
      setJob(null);
      mark(ids, "pending");
      const failed = new Map<number, string>();
      const reported = new Set<number>();
      // Filled by the stream's callback (an object, so the compiler sees the writes).
      const out: { end: Extract<BulkEvent, { type: "end" }> | null; error: string | null } = { end: null, error: null };
      await postBulk(account, body, (event) => {
        if (event.type === "start") mark(event.ticketIds ?? [], "pending");
        else if (event.type === "row") {
          if (event.state === "done") {
            reported.add(event.ticketId);
            onRowDone(event.ticketId);
          } else failed.set(event.ticketId, event.reason ?? "");
          mark([event.ticketId], event.state);
        } else if (event.type === "job") setJob({ processed: event.processed, total: event.total });
        else if (event.type === "end") out.end = event;
        else out.error = event.requestId ? `${event.message} (Reference: ${event.requestId})` : event.message;
      });
      // Rows a job changed are reported with its end (a view's, not one by one).
      const rest = [...ids].filter((id) => !failed.has(id));
      const outcome = out.end !== null && out.error === null ? endOutcome(out.end, failed.size) : null;
      if (outcome?.restDone) {
        for (const id of rest) if (!reported.has(id)) onRowDone(id);
        mark(rest, "done");
      } else mark(rest, null);
      setRunning((n) => n - 1);
      setJob(null);
      setTimeout(() => mark(rest, null), DONE_MARK_MS);
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists(account), refetchType: "none" });
      return { end: out.end, failed, unreported: outcome?.unreported ?? 0, error: out.error };
    },
    [account, mark, queryClient],
  );

  const undo = useCallback(
    async (bulkId: number, restore: () => void, ids: ReadonlySet<number>) => {
      restore();
      const { error, failed, unreported } = await stream({ undo: bulkId }, ids, () => {});
      if (error) toast.error(`Couldn't undo. ${error}`);
      else if (failed.size > 0) toast.error(`Couldn't undo ${failed.size} of the tickets. ${[...failed.values()][0] ?? ""}`.trim());
      if (!error && unreported > 0) toast.error(couldNotChange(unreported));
    },
    [stream],
  );

  /** The change on the selection, or on `focusedId` when nothing is selected; after any change still running. */
  const apply = useCallback(
    async (change: BulkChange, focusedId: number | null, who: UserRef | null = null) => {
      // Only rows still in the list: one a refresh took out is no longer the agent's to change here.
      const present = new Set(tickets.map((t) => t.id));
      const chosen = [...selected].filter((id) => present.has(id));
      const ids: ReadonlySet<number> = new Set(chosen.length > 0 ? chosen : focusedId !== null && present.has(focusedId) ? [focusedId] : []);
      if (ids.size === 0) return;
      await inTurn(async () => {
        toast.prepare();
        const wholeView = allInView && viewId !== null;
        const restore = snapshotRows(queryClient, account, ids);
        const body: BulkRequestBody = { selection: wholeView ? { viewId } : { ticketIds: [...ids] }, change };
        const done = new Set<number>();
        const { end, failed, unreported, error } = await stream(body, ids, (id) => {
          done.add(id);
          patchRows(queryClient, account, new Set([id]), (row) => changedRow(row, change, who));
        });
        // Rows that left this view go now, with the view-membership rule of a single change.
        dropLeavers(queryClient, account, done);
        setSelected((old) => new Set([...old].filter((id) => failed.has(id))));
        setAllInView(false);
        if (error) return toast.error(`Couldn't change the tickets. ${error}`);
        if (!end) return;
        const { bulkId, undoable } = end;
        // A view's tickets, or a job's partly failed, are counted by the end; a job still going names what was asked.
        const count = wholeView || unreported > 0 ? end.done : end.done === 0 && end.failed === 0 ? ids.size : done.size;
        if (failed.size > 0) toast.error(`Couldn't change ${failed.size} ticket${failed.size === 1 ? "" : "s"}. ${[...failed.values()][0] ?? ""}`.trim());
        if (unreported > 0) toast.error(couldNotChange(unreported));
        if (end.reason) toast.info(end.reason);
        const message = describeBulk(change, count, who);
        if (undoable) toast.undoable(message, () => void undo(bulkId, restore, ids));
        else toast.info(message);
      });
    },
    [account, allInView, inTurn, queryClient, selected, stream, tickets, undo, viewId],
  );

  const state: BulkState = { selected, allInView, progress, running: running > 0, job };
  return { state, toggle, selectLoaded, selectView, clear, apply };
}

export type Bulk = ReturnType<typeof useBulk>;
