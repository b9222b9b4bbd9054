import { Lock, Mail } from "lucide-react";
import type { ComposerMode } from "@/features/composer/client/drafts";

/** Says plainly who will read this: the customer by email, or only agents. */
export function ModeBanner({ mode, recipient }: { mode: ComposerMode; recipient: string | null }) {
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
        To: <span className="font-medium text-zinc-900 dark:text-zinc-100">{recipient ?? "no email address on file"}</span> · this will be emailed
      </span>
    </p>
  );
}
