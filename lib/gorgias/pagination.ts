import type { Page } from "@/lib/domain/page";
import { err, ok, type Result } from "@/lib/result";

export interface PaginateOptions {
  /** Stops after this many pages even if Gorgias offers more (default 20). */
  readonly maxPages?: number;
}

export type PageFetcher<T, E> = (cursor: string | null) => Promise<Result<Page<T>, E>>;

/**
 * Walks a cursor-paginated list until `nextCursor` is null. Yields each page's result; an error
 * is yielded once and ends the walk. A cursor seen twice also ends it, so a server that keeps
 * answering the same cursor cannot loop us forever.
 */
export async function* paginate<T, E>(fetchPage: PageFetcher<T, E>, options: PaginateOptions = {}): AsyncGenerator<Result<Page<T>, E>> {
  const maxPages = options.maxPages ?? 20;
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (let n = 0; n < maxPages; n++) {
    const page: Result<Page<T>, E> = await fetchPage(cursor);
    yield page;
    if (!page.ok) return;
    const next = page.value.nextCursor;
    if (next === null || seen.has(next)) return;
    seen.add(next);
    cursor = next;
  }
}

/** Every item of every page, or the first error. Meant for small reference lists (users, tags, teams). */
export async function collectAll<T, E>(fetchPage: PageFetcher<T, E>, options: PaginateOptions = {}): Promise<Result<T[], E>> {
  const items: T[] = [];
  for await (const page of paginate(fetchPage, options)) {
    if (!page.ok) return err(page.error);
    items.push(...page.value.items);
  }
  return ok(items);
}
