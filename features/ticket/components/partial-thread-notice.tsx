/**
 * Shown above the thread when it was longer than the server pages through. Threads load newest
 * first, so what is missing is the beginning: say so, never that the latest messages are missing.
 */
export function PartialThreadNotice({ shown }: { shown: number }) {
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="partial-thread">
      This conversation is very long: only its latest {shown} messages are shown here. Open it in Gorgias to read the earlier
      ones.
    </p>
  );
}
