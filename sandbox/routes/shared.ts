import { notFound } from "../http/errors.js";
import type { Query } from "../http/query.js";
import type { Reply, RequestContext } from "../http/router.js";
import { fromEntries, pageOver, type Ordered, type Page, type SortDir } from "../paging.js";

export function listReply(ctx: RequestContext, data: unknown[], page: Pick<Page, "prevCursor" | "nextCursor">): Reply {
  return {
    status: 200,
    body: { object: "list", uri: ctx.uri, data, meta: { prev_cursor: page.prevCursor, next_cursor: page.nextCursor, total_resources: null } },
  };
}

/** Pages a small collection sorted per request (users, teams, tags...). */
export function pageSmall<T extends { id: number }>(
  items: Iterable<T>,
  key: (item: T) => string,
  dir: SortDir,
  q: Query,
): { items: T[]; page: Page } {
  const byId = new Map<number, T>();
  const entries: { id: number; key: string }[] = [];
  for (const item of items) {
    byId.set(item.id, item);
    entries.push({ id: item.id, key: key(item) });
  }
  const page = pageOver(fromEntries(entries), dir, null, q.cursor(), q.limit());
  return { items: page.ids.flatMap((id) => byId.get(id) ?? []), page };
}

export function pageIndex(source: Ordered, dir: SortDir, match: ((id: number) => boolean) | null, q: Query): Page {
  return pageOver(source, dir, match, q.cursor(), q.limit());
}

export function getOr404<T>(map: Map<number, T>, id: number | undefined): T {
  const found = id === undefined ? undefined : map.get(id);
  if (found === undefined) throw notFound();
  return found;
}

export const padNumber = (n: number) => String(Math.max(0, Math.floor(n))).padStart(12, "0");

