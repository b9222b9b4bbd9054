"use client";

import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DIFFERENT_TEXT_MESSAGE } from "@/lib/domain/send";
import { isNewerMessagesConflict } from "@/features/composer/client/send";
import type { SendProblem } from "@/features/composer/client/use-composer-send";

interface Props {
  problem: SendProblem;
  account: string;
  ticketId: number;
  /** Resend with the same operation id (the server reads back first and never posts twice). */
  onRetry: () => void;
  onSendAnyway: () => void;
  onReview: () => void;
  onStartOver: () => void;
  disabled: boolean;
}

function Box({ tone, children }: { tone: "warn" | "error"; children: ReactNode }) {
  return (
    <div
      role="alert"
      data-testid="send-problem"
      className={
        tone === "warn"
          ? "flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          : "flex flex-wrap items-center gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      }
    >
      {children}
    </div>
  );
}

/** Seconds until the server said asking again is worthwhile (0 when it did not say). */
function useSecondsLeft(seconds: number | undefined): number {
  const [until] = useState(() => Date.now() + Math.min(seconds ?? 0, 300) * 1000);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (now >= until) return;
    const t = setTimeout(() => setNow(Date.now()), Math.min(1000, until - now));
    return () => clearTimeout(t);
  }, [now, until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** Why the last send did not go through, and the one next step that is safe. */
export function SendProblemNotice({ problem, account, ticketId, onRetry, onSendAnyway, onReview, onStartOver, disabled }: Props) {
  const { error } = problem;
  const wait = useSecondsLeft(error.retryAfterSeconds);
  const what = problem.mode === "reply" ? "reply" : "note";
  if (isNewerMessagesConflict(error)) {
    return (
      <Box tone="warn">
        <p className="min-w-0 flex-1">The customer wrote again since you opened this ticket. Your reply was not sent.</p>
        <Button size="sm" onClick={onReview}>Review</Button>
        <Button size="sm" variant="primary" onClick={onSendAnyway} disabled={disabled}>Send anyway</Button>
      </Box>
    );
  }
  switch (error.code) {
    case "outcome_unknown":
      return (
        <Box tone="warn">
          <p className="min-w-0 flex-1">
            We could not confirm your {what} was sent. Your text is kept; checking again never sends it twice.
            {wait > 0 && <> Gorgias may still be processing it: you can check again in {wait} s.</>}
          </p>
          <Button size="sm" onClick={onRetry} disabled={disabled || wait > 0}>Check again</Button>
        </Box>
      );
    case "conflict":
      // Otherwise it is "still being sent" (another tab or request holds this operation): ask again later.
      if (error.message !== DIFFERENT_TEXT_MESSAGE) {
        return (
          <Box tone="warn">
            <p className="min-w-0 flex-1">{error.message}</p>
            <Button size="sm" onClick={onRetry} disabled={disabled || wait > 0}>Check again</Button>
          </Box>
        );
      }
      return (
        <Box tone="warn">
          <p className="min-w-0 flex-1">An earlier version of this {what} was already sent, with different text. Check the thread before sending this text too.</p>
          <Button size="sm" onClick={onStartOver} disabled={disabled}>Send as a new message</Button>
        </Box>
      );
    case "rate_limited":
      return (
        <Box tone="warn">
          <p className="min-w-0 flex-1">Gorgias is busy for this account. Not sent yet{wait > 0 ? `; you can try again in ${wait} s.` : "."}</p>
          <Button size="sm" onClick={onRetry} disabled={disabled || wait > 0}>Try again</Button>
        </Box>
      );
    case "unauthenticated":
    case "reauth_required":
      return (
        <Box tone="error">
          <p className="min-w-0 flex-1">{error.message} Your draft is saved and will be here after you sign in.</p>
          <a className="font-medium underline" href={`/sign-in?callbackUrl=${encodeURIComponent(`/${account}/tickets/${ticketId}`)}`}>Sign in</a>
        </Box>
      );
    case "forbidden":
    case "invalid_input":
      return (
        <Box tone="error">
          <p className="min-w-0 flex-1">
            Not sent: {error.message}
            {error.fields && Object.values(error.fields).flat().length > 0 && <> ({Object.values(error.fields).flat().join(" ")})</>}
          </p>
        </Box>
      );
    default:
      return (
        <Box tone="error">
          <p className="min-w-0 flex-1">Not sent: {error.message} Your text is kept.</p>
          <Button size="sm" onClick={onRetry} disabled={disabled}>Retry</Button>
        </Box>
      );
  }
}
