import { Lock, Mail } from "lucide-react";
import type { ComposerMode } from "@/features/composer/client/drafts";

/**
 * Says plainly who will read this: the customer by email, or only agents. `from` is the address the
 * reply leaves from (undefined while it is being looked up, null when the account has none).
 */
export function ModeBanner({ mode, recipient, from }: { mode: ComposerMode; recipient: string | null; from?: { address: string; name: string | null } | null }) {
  if (mode === "note") {
    return (
      <p className="inline-flex items-center gap-1.5 text-xs font-medium text-amber-900 dark:text-amber-200" data-testid="composer-audience">
        <Lock aria-hidden size={14} /> Only agents see this
      </p>
    );
  }
  return (
    <p className="inline-flex min-w-0 items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400" data-testid="composer-audience">
      <Mail aria-hidden size={14} className="shrink-0" />
      <span className="truncate">
        {from !== undefined && (
          <>
            From:{" "}
            <span className="font-medium text-zinc-900 dark:text-zinc-100" data-testid="composer-from" title={from?.name ?? undefined}>
              {from?.address ?? "no email integration"}
            </span>{" "}
            ·{" "}
          </>
        )}
        To: <span className="font-medium text-zinc-900 dark:text-zinc-100">{recipient ?? "no email address on file"}</span> · this will be emailed
      </span>
    </p>
  );
}
