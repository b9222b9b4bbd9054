"use client";

import { useMutationState } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { lastWaitingSend, undoWaitingSend, useFollowWaitingSends, useWaitingSends, WaitingSendStatus } from "@/features/composer";
import { useShortcut } from "@/features/shell";
import { sendMutationKey, type PendingSend } from "@/lib/client/query-keys";
import { cx } from "@/lib/utils";
import { kindStyle } from "./message-presentation";

type Shown = Pick<PendingSend, "operationId" | "mode" | "bodyText">;

/**
 * Sends in flight (the composer owns the mutations), and sends waiting on the server for their undo
 * window, with a countdown and Undo (also those this page did not make: a reload), shown as the
 * message they will become until Gorgias's copy is in the thread. A send whose operation id already
 * appears there is not repeated. `z` takes back the last waiting send (docs/safety.md#undo-send).
 */
export function PendingSends({ account, ticketId, knownExternalIds }: { account: string; ticketId: number; knownExternalIds: ReadonlySet<string> }) {
  const pending = useMutationState({
    filters: { mutationKey: sendMutationKey(account, ticketId), status: "pending" },
    select: (m) => m.state.variables as PendingSend | undefined,
  });
  useFollowWaitingSends(account, ticketId);
  const waiting = useWaitingSends().filter((w) => w.account === account && w.ticketId === ticketId);
  useShortcut("undoSend", () => {
    const last = lastWaitingSend();
    if (last) void undoWaitingSend(last.operationId);
    else toast.info("No send is waiting to be undone.");
  });
  const shown: Shown[] = [...pending.filter((p): p is PendingSend => !!p), ...waiting.filter((w) => !pending.some((p) => p?.operationId === w.operationId))];
  const visible = shown.filter((p) => ![...knownExternalIds].some((id) => id.includes(p.operationId)));
  if (visible.length === 0) return null;
  return (
    <>
      {visible.map((p) => {
        const style = kindStyle(p.mode === "note" ? "note" : "agent");
        const wait = waiting.find((w) => w.operationId === p.operationId);
        return (
          <article
            key={p.operationId}
            aria-label={wait ? (p.mode === "note" ? "Note waiting to be added" : "Reply waiting to be sent") : p.mode === "note" ? "Note being saved" : "Reply being sent"}
            aria-busy="true"
            data-testid="pending-send"
            data-waiting={wait ? "true" : undefined}
            className={cx("rounded-lg border px-4 py-3 opacity-80 sm:ml-10", style.container)}
          >
            <header className="mb-2 flex items-center gap-2 text-xs">
              <span className={cx("inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium", style.badge)}>
                {style.lock && <Lock aria-hidden size={12} />}
                {style.label}
              </span>
              {wait ? (
                <WaitingSendStatus send={wait} />
              ) : (
                <span role="status" className="text-zinc-600 dark:text-zinc-400">
                  {p.mode === "note" ? "Saving note…" : "Sending…"}
                </span>
              )}
            </header>
            {style.notice && <p className="mb-2 text-xs font-medium text-amber-800 dark:text-amber-300">{style.notice}</p>}
            <div className="text-sm break-words whitespace-pre-wrap text-zinc-900 dark:text-zinc-100">{p.bodyText}</div>
          </article>
        );
      })}
    </>
  );
}
