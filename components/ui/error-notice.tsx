import type { ReactNode } from "react";
import { cx } from "@/lib/utils";

export interface ErrorNoticeProps {
  /** `warn` for "not done yet, and safe to wait or check"; `error` for "not done"; `info` for "done, while you were away". */
  readonly tone?: "error" | "warn" | "info";
  /** `inline` sits in a form or list; `panel` fills the space the failed content would have taken. */
  readonly layout?: "inline" | "panel";
  readonly title?: ReactNode;
  readonly children: ReactNode;
  /** The server's id for the failed call, shown so the agent can quote it to whoever runs the Desk. */
  readonly reference?: string;
  readonly actions?: ReactNode;
  /** `status` for a calm notice that must not interrupt a screen reader. */
  readonly role?: "alert" | "status";
  readonly testId?: string;
}

const TONES = {
  error: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  warn: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
  info: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100",
} as const;

/** The one way a failure is shown: what went wrong, the reference to quote, and what can be done. */
export function ErrorNotice({ tone = "error", layout = "inline", title, children, reference, actions, role = "alert", testId }: ErrorNoticeProps) {
  const referenceLine = reference ? (
    <p className="mt-0.5 text-xs opacity-80">
      Reference: <span className="font-mono select-all">{reference}</span>
    </p>
  ) : null;
  if (layout === "panel") {
    return (
      <div role={role} data-testid={testId} className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-16 text-center">
        {title && <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">{title}</h1>}
        <div className="text-sm text-zinc-700 dark:text-zinc-300">
          <p>{children}</p>
          {referenceLine}
        </div>
        {actions && <div className="flex items-center gap-3">{actions}</div>}
      </div>
    );
  }
  return (
    <div role={role} data-testid={testId} className={cx("flex flex-wrap items-center gap-2 rounded-md border px-3 py-2 text-sm", TONES[tone])}>
      <div className="min-w-0 flex-1">
        {title && <p className="font-medium">{title}</p>}
        <p>{children}</p>
        {referenceLine}
      </div>
      {actions}
    </div>
  );
}
