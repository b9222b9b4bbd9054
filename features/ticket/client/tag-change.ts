import { MutationObserver, type QueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { changeTags } from "@/features/ticket/server/actions";
import type { TagRef } from "@/lib/domain/tag";
import { referenceKeys, ticketKeys } from "@/lib/client/query-keys";
import { runAction } from "@/lib/client/run-action";
import { isInfiniteListData, isTicketThread } from "./ticket-cache";
import { ticketUpdateKey } from "./ticket-update";
import { endTurn, takeTurn, writesOf, type Turn } from "./ticket-writes";

/** Tags to add (by name: a new one is created by Gorgias) or take off one ticket. */
export interface TagChange {
  readonly add: readonly TagRef[];
  readonly remove: readonly TagRef[];
}

const sameName = (a: TagRef, b: TagRef) => a.name === b.name;

/** The ticket's tags with the change applied: removals by name, additions once each. */
export function applyTagChange(tags: readonly TagRef[], change: TagChange): readonly TagRef[] {
  const kept = tags.filter((t) => !change.remove.some((r) => sameName(r, t)));
  const added = change.add.filter((a) => !kept.some((t) => sameName(t, a)));
  return added.length === 0 && kept.length === tags.length ? tags : [...kept, ...added];
}

function patch(data: unknown, ticketId: number, tagsOf: (tags: readonly TagRef[]) => readonly TagRef[]): unknown {
  if (isTicketThread(data)) return data.ticket.id === ticketId ? { ...data, ticket: { ...data.ticket, tags: tagsOf(data.ticket.tags) } } : data;
  if (isInfiniteListData(data)) {
    return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((t) => (t.id === ticketId ? { ...t, tags: tagsOf(t.tags) } : t)) })) };
  }
  return data;
}

/** Shows the change in the ticket's detail and every cached list; returns what undoes it there. */
function showTagChange(queryClient: QueryClient, account: string, ticketId: number, change: TagChange): () => void {
  for (const prefix of [ticketKeys.detail(account, ticketId), ticketKeys.lists(account)]) {
    for (const [key, data] of queryClient.getQueriesData({ queryKey: prefix })) queryClient.setQueryData(key, patch(data, ticketId, (tags) => applyTagChange(tags, change)));
  }
  const inverse: TagChange = { add: change.remove, remove: change.add };
  return () => {
    for (const prefix of [ticketKeys.detail(account, ticketId), ticketKeys.lists(account)]) {
      for (const [key, data] of queryClient.getQueriesData({ queryKey: prefix })) queryClient.setQueryData(key, patch(data, ticketId, (tags) => applyTagChange(tags, inverse)));
    }
  };
}

const describe = (change: TagChange) =>
  change.add.length > 0 ? `add the tag ${change.add.map((t) => `“${t.name}”`).join(", ")}` : `remove the tag ${change.remove.map((t) => `“${t.name}”`).join(", ")}`;

interface Context {
  readonly turn: Turn;
  readonly rollback: () => void;
}

/**
 * Adds or removes tags of one ticket through `POST`/`DELETE …/tags`, never `PUT`, which would
 * replace the set and wipe a tag a Gorgias rule just added (docs/safety.md#absolute-updates). Shown
 * at once, rolled back with Gorgias's reason when refused. It runs under the ticket's update key,
 * so an open ticket holds its refresh until Gorgias has answered, and in line with the ticket's
 * other writes (docs/safety.md#ordered-writes): the ticket is re-read only once its last write is
 * answered, so an add's re-read cannot paint back a tag whose removal is still on its way.
 */
export function changeTicketTags(queryClient: QueryClient, account: string, ticketId: number, change: TagChange): void {
  const writes = writesOf(queryClient, account, ticketId);
  const observer = new MutationObserver<void, Error, TagChange, Context>(queryClient, {
    mutationKey: ticketUpdateKey(account, ticketId),
    mutationFn: (c) => runAction(changeTags, { ticketId, add: c.add.map((t) => t.name), remove: c.remove.map((t) => t.name) }),
    onMutate: async (c) => {
      // Tags are no field another write sets: the turn only keeps the order.
      const turn = takeTurn(writes, []);
      let rollback: () => void;
      try {
        toast.prepare();
        void queryClient.cancelQueries({ queryKey: ticketKeys.detail(account, ticketId) });
        rollback = showTagChange(queryClient, account, ticketId, c);
      } catch (error) {
        turn.done();
        throw error;
      }
      await turn.after;
      return { turn, rollback };
    },
    onError: (error, c, context) => {
      context?.rollback();
      toast.error(`Couldn't ${describe(c)}. ${error.message || "Something went wrong."}`);
    },
    onSettled: (_data, _error, c, context) => {
      // A tag made by name is new to the account's list.
      if (c.add.some((t) => t.id < 0)) void queryClient.invalidateQueries({ queryKey: referenceKeys.tags(account) });
      if (!endTurn(writes, context?.turn)) return;
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists(account), refetchType: "none" });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(account, ticketId) });
    },
  });
  observer
    .mutate(change)
    .catch(() => {})
    .finally(() => observer.reset());
}
