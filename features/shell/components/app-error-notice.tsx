"use client";

import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice, type ErrorNoticeProps } from "@/components/ui/error-notice";
import { signInUrl } from "@/lib/client/sign-in";
import { isRetryable, needsSignIn, type AppError } from "@/lib/errors";

/** "Sign in" back to this very page (path and query), for a session that ended or a refused key. */
export function SignInLink({ error }: { error: AppError }) {
  const path = usePathname();
  const search = useSearchParams().toString();
  return (
    <a className="text-sm font-medium underline" href={signInUrl(error, search ? `${path}?${search}` : path)}>
      Sign in
    </a>
  );
}

export interface AppErrorNoticeProps extends Omit<ErrorNoticeProps, "children" | "reference" | "actions"> {
  readonly error: AppError;
  /** Shown instead of the server's message, when the context says it better. */
  readonly message?: ReactNode;
  /** Offered only when trying again can help (`isRetryable`), and never instead of signing in. */
  readonly retry?: { readonly onClick: () => void; readonly label?: string; readonly disabled?: boolean };
}

/** An `AppError` as the agent sees it: its message, its reference, and sign-in or retry when they help. */
export function AppErrorNotice({ error, message, retry, ...notice }: AppErrorNoticeProps) {
  const actions = needsSignIn(error) ? (
    <SignInLink error={error} />
  ) : retry && isRetryable(error) ? (
    <Button size="sm" onClick={retry.onClick} disabled={retry.disabled}>
      {retry.label ?? "Try again"}
    </Button>
  ) : null;
  return (
    <ErrorNotice {...notice} reference={error.requestId} actions={actions}>
      {message ?? error.message}
    </ErrorNotice>
  );
}
