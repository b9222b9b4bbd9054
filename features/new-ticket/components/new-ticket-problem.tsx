import { Button } from "@/components/ui/button";
import type { AppError } from "@/lib/errors";

/** Why the ticket was not (or not surely) created; resubmitting reuses the form's operation id. */
export function NewTicketProblem({ error, onRetry, disabled }: { error: AppError; onRetry: () => void; disabled: boolean }) {
  const unknown = error.code === "outcome_unknown";
  const retryable = unknown || ["rate_limited", "upstream_unavailable", "upstream_timeout", "internal"].includes(error.code);
  const text = unknown
    ? "We could not confirm the ticket was created. Your text is kept; checking again never creates it twice."
    : error.code === "invalid_input"
      ? `Not created: ${error.message} Fix the fields marked above.`
      : error.code === "rate_limited"
        ? `Gorgias is busy for this account. Not created yet; try again in ${Math.ceil(error.retryAfterSeconds ?? 5)} s.`
        : `Not created: ${error.message}`;
  return (
    <div role="alert" data-testid="new-ticket-problem" className="flex flex-wrap items-center gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="min-w-0 flex-1">{text}</p>
      {retryable && (
        <Button size="sm" onClick={onRetry} disabled={disabled}>
          {unknown ? "Check again" : "Try again"}
        </Button>
      )}
    </div>
  );
}
