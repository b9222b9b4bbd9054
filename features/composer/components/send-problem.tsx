"use client";

import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { SignInLink } from "@/features/shell";
import { DIFFERENT_TEXT_MESSAGE, MACRO_CHANGED_MESSAGE, MAYBE_SENT_DIFFERENT_TEXT_MESSAGE } from "@/lib/domain/send";
import { isNewerMessagesConflict } from "@/features/composer/client/send";
import type { SendProblem } from "@/features/composer/client/use-composer-send";

interface Props {
  problem: SendProblem;
  /** Resend with the same operation id (the server reads back first and never posts twice). */
  onRetry: () => void;
  onSendAnyway: () => void;
  onReview: () => void;
  onStartOver: () => void;
  disabled: boolean;
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
export function SendProblemNotice({ problem, onRetry, onSendAnyway, onReview, onStartOver, disabled }: Props) {
  const { error } = problem;
  const wait = useSecondsLeft(error.retryAfterSeconds);
  const what = problem.mode === "reply" ? "reply" : "note";
  const notice = (tone: "warn" | "error", text: ReactNode, actions?: ReactNode) => (
    <ErrorNotice tone={tone} testId="send-problem" reference={error.requestId} actions={actions}>
      {text}
    </ErrorNotice>
  );
  if (isNewerMessagesConflict(error)) {
    return notice(
      "warn",
      "The customer wrote again since you opened this ticket. Your reply was not sent.",
      <>
        <Button size="sm" onClick={onReview}>Review</Button>
        <Button size="sm" variant="primary" onClick={onSendAnyway} disabled={disabled}>Send anyway</Button>
      </>,
    );
  }
  const checkAgain = (
    <Button size="sm" onClick={onRetry} disabled={disabled || wait > 0}>
      Check again
    </Button>
  );
  switch (error.code) {
    case "outcome_unknown":
      return notice(
        "warn",
        <>
          We could not confirm your {what} was sent. Your text is kept; checking again never sends it twice.
          {wait > 0 && <> Gorgias may still be processing it: you can check again in {wait} s.</>}
        </>,
        checkAgain,
      );
    case "conflict":
      if (error.message === DIFFERENT_TEXT_MESSAGE || error.message === MAYBE_SENT_DIFFERENT_TEXT_MESSAGE) {
        const earlier = error.message === DIFFERENT_TEXT_MESSAGE ? "was already sent" : "may already have reached Gorgias (it was not confirmed)";
        return notice(
          "warn",
          `An earlier version of this ${what} ${earlier}, with different text. Check the thread before sending this text too.`,
          <Button size="sm" onClick={onStartOver} disabled={disabled}>Send as a new message</Button>,
        );
      }
      // Sending again would meet the same macro: the agent removes it or chooses it again.
      if (error.message === MACRO_CHANGED_MESSAGE) return notice("warn", error.message);
      // Otherwise it is "still being sent" (another tab or request holds this operation): ask again later.
      return notice("warn", error.message, checkAgain);
    case "rate_limited":
      return notice(
        "warn",
        `Gorgias is busy for this account. Not sent yet${wait > 0 ? `; you can try again in ${wait} s.` : "."}`,
        <Button size="sm" onClick={onRetry} disabled={disabled || wait > 0}>Try again</Button>,
      );
    case "unauthenticated":
    case "reauth_required":
      return notice("error", `${error.message} Your draft is saved and will be here after you sign in.`, <SignInLink error={error} />);
    case "forbidden":
    case "invalid_input": {
      const details = Object.values(error.fields ?? {}).flat();
      return notice("error", `Not sent: ${error.message}${details.length > 0 ? ` (${details.join(" ")})` : ""}`);
    }
    default:
      return notice(
        "error",
        `Not sent: ${error.message} Your text is kept.`,
        <Button size="sm" onClick={onRetry} disabled={disabled}>Retry</Button>,
      );
  }
}
