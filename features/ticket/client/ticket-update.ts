import { MutationObserver, useMutation, useQueryClient, type MutationOptions, type QueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { updateTicket } from "@/features/ticket/server/actions";
import type { Ticket } from "@/lib/domain/ticket";
import {
  applyTicketChange,
  cachedTicket,
  changedFields,
  describeChange,
  describeDone,
  inverseChange,
  leaveExcludingViews,
  pickChange,
  type ChangeField,
  type TicketChange,
} from "./ticket-cache";
import { ticketKeys } from "@/lib/client/query-keys";
import { runAction } from "@/lib/client/run-action";
import { endTurn, takeTurn, writesOf, type TicketWrites } from "./ticket-writes";

/** Pending field changes of one ticket; the thread pauses its refresh while any is in flight. */
export const ticketUpdateKey = (account: string, ticketId: number) => ["ticket-update", account, ticketId] as const;

function send(ticketId: number, change: TicketChange): Promise<Ticket> {
  return runAction(updateTicket, {
    ticketId,
    status: change.status,
    assigneeUserId: change.assigneeUser === undefined ? undefined : (change.assigneeUser?.id ?? null),
    assigneeTeamId: change.assigneeTeam === undefined ? undefined : (change.assigneeTeam?.id ?? null),
    priority: change.priority,
    spam: change.spam,
    trashed: change.trashedAt === undefined ? undefined : change.trashedAt !== null,
    snoozeUntil: change.snoozedUntil,
  });
}

const stillLatest = (writes: TicketWrites, change: TicketChange, seq: number) => changedFields(change).filter((f) => writes.latest.get(f) === seq);

interface Context {
  readonly seq: number;
  readonly done: () => void;
  readonly rollback: (fields?: readonly ChangeField[]) => void;
  readonly restoreRows: (() => void) | null;
  /** After a refusal the change is already undone: the toast's Undo must not send its inverse. */
  readonly disarmUndo: () => void;
}

/** Shows a change at once: the patched caches, its row out of the views it left (with an undo). */
function showChange(queryClient: QueryClient, account: string, ticketId: number, change: TicketChange): Omit<Context, "seq" | "done"> {
  let armed = true;
  toast.prepare();
  const before = cachedTicket(queryClient, account, ticketId);
  // An in-flight refresh started before the click would otherwise paint the old value back.
  void queryClient.cancelQueries({ queryKey: ticketKeys.detail(account, ticketId) });
  const rollback = applyTicketChange(queryClient, account, ticketId, change);
  const restoreRows = leaveExcludingViews(queryClient, account, ticketId);
  if (restoreRows && before) {
    const undo = inverseChange(before, change);
    toast.undoable(`${describeDone(change)} #${ticketId}: it left this view.`, () => {
      if (!armed) return;
      armed = false;
      restoreRows();
      changeTicket(queryClient, account, ticketId, undo);
    });
  }
  return {
    rollback,
    restoreRows,
    disarmUndo: () => {
      armed = false;
    },
  };
}

/**
 * Status, assignee, team, priority, snooze, spam and trash: shown at once (absolute values, safe to repeat: docs/safety.md#absolute-updates), rolled back
 * with Gorgias's reason, in a toast, when it refuses; sent in order (docs/safety.md#ordered-writes).
 */
function ticketUpdateOptions(queryClient: QueryClient, account: string, ticketId: number): MutationOptions<Ticket, Error, TicketChange, Context> {
  const writes = writesOf(queryClient, account, ticketId);
  return {
    mutationKey: ticketUpdateKey(account, ticketId),
    mutationFn: (change) => send(ticketId, change),
    onMutate: async (change) => {
      const { seq, after, done } = takeTurn(writes, changedFields(change));
      let shown: Omit<Context, "seq" | "done">;
      try {
        shown = showChange(queryClient, account, ticketId, change);
      } catch (error) {
        done();
        throw error;
      }
      // The mutation function runs once this resolves: after the previous write's answer.
      await after;
      return { seq, done, ...shown };
    },
    onError: (error, change, context) => {
      if (context) {
        context.disarmUndo();
        const fields = stillLatest(writes, change, context.seq);
        context.rollback(fields);
        if (fields.length > 0) context.restoreRows?.();
      }
      const reason = error instanceof Error && error.message ? error.message : "Something went wrong.";
      toast.error(`Couldn't ${describeChange(change)}. ${reason}`);
    },
    onSuccess: (ticket, change, context) => {
      // Gorgias's answer is the truth (e.g. a rule may have changed something else too), for the
      // fields no newer change has set since.
      const answer: TicketChange = {
        status: ticket.status,
        assigneeUser: ticket.assigneeUser,
        assigneeTeam: ticket.assigneeTeam,
        priority: ticket.priority,
        spam: ticket.spam,
        trashedAt: ticket.trashedAt,
        snoozedUntil: ticket.snoozedUntil,
      };
      applyTicketChange(queryClient, account, ticketId, pickChange(answer, stillLatest(writes, change, context.seq)));
    },
    onSettled: (_data, _error, _change, context) => {
      if (!endTurn(writes, context)) return;
      // Inbox lists refetch when next shown, not now: the budget is shared (docs/safety.md#shared-budget).
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists(account), refetchType: "none" });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(account, ticketId) });
    },
  };
}

export function useTicketUpdate(account: string, ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation(ticketUpdateOptions(queryClient, account, ticketId));
}

/**
 * The same change from a component that holds no mutation (an inbox row): it runs through the
 * mutation cache with the same key, so an open ticket still pauses its refresh while it is in
 * flight and an ended session still goes to sign-in.
 */
export function changeTicket(queryClient: QueryClient, account: string, ticketId: number, change: TicketChange): void {
  const observer = new MutationObserver(queryClient, ticketUpdateOptions(queryClient, account, ticketId));
  // A refusal is already shown (rolled back, toasted). Letting go once settled lets the cache forget it.
  observer
    .mutate({ ...change })
    .catch(() => {})
    .finally(() => observer.reset());
}
