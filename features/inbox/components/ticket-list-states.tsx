export function SkeletonRows({ count = 8 }: { count?: number }) {
  return (
    <div aria-hidden data-testid="ticket-skeleton">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="flex flex-col gap-2 border-b border-zinc-100 px-4 py-3 dark:border-zinc-800/70">
          <div className="flex gap-3">
            <span className="h-3 w-32 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
            <span className="ml-auto h-3 w-16 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" />
          </div>
          <span className="h-3 w-3/4 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/60" style={{ width: `${55 + ((i * 17) % 35)}%` }} />
        </div>
      ))}
    </div>
  );
}

export function EmptyState({ searching }: { searching: string | undefined }) {
  return (
    <div className="flex flex-col items-center gap-1 px-6 py-16 text-center" data-testid="inbox-empty">
      <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{searching ? `No tickets match “${searching}”` : "No tickets in this view"}</p>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{searching ? "Try fewer words, or search all tickets." : "New conversations will appear here on their own."}</p>
    </div>
  );
}
