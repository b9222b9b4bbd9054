import Link from "next/link";
import { ErrorNotice } from "@/components/ui/error-notice";
import { AppErrorNotice } from "@/features/shell";
import { appErrorOf } from "@/lib/client/route-fetch";

export function TicketSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading ticket" className="mx-auto flex max-w-7xl animate-pulse flex-col gap-4" data-testid="ticket-skeleton">
      <div className="h-3 w-24 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-6 w-2/3 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="flex gap-2">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-5 w-16 rounded bg-zinc-200 dark:bg-zinc-800" />
        ))}
      </div>
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-32 rounded-lg border border-zinc-200 bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-900" />
      ))}
      <span className="sr-only">Loading ticket…</span>
    </div>
  );
}

/** `account` null: the link goes to the root, which sends the agent to their own inbox. */
export function TicketNotFound({ account }: { account: string | null }) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">This ticket does not exist or was deleted</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">It may have been merged into another ticket, or your Gorgias role cannot see it.</p>
      <Link href={account === null ? "/" : `/${account}`} className="text-sm font-medium text-brand underline-offset-2 hover:underline dark:text-indigo-300">
        Back to the inbox
      </Link>
    </div>
  );
}

/** The first load failed: nothing to show yet, so say why and offer a retry. */
export function TicketLoadFailure({ error, account, onRetry }: { error: Error; account: string; onRetry: () => void }) {
  const appError = appErrorOf(error);
  if (appError.code === "not_found") return <TicketNotFound account={account} />;
  return <AppErrorNotice layout="panel" title="Couldn't open this ticket" error={appError} retry={{ onClick: onRetry }} />;
}

/** A background refresh failed but the last good copy is still on screen: calm, not alarming. */
export function RefreshBanner({ error }: { error: Error }) {
  const { code, message, requestId } = appErrorOf(error);
  const text =
    code === "rate_limited"
      ? "Gorgias is busy for this account, so this ticket isn't refreshing right now. You're seeing the last loaded version; it will catch up on its own."
      : code === "not_found"
        ? "This ticket no longer exists in Gorgias (deleted or merged). You're seeing the last loaded version."
        : `Couldn't refresh this ticket: ${message} You're seeing the last loaded version.`;
  return (
    <ErrorNotice tone="warn" role="status" testId="refresh-banner" reference={requestId}>
      {text}
    </ErrorNotice>
  );
}
