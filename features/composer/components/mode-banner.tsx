import { Lock, Mail, MessageCircle } from "lucide-react";
import type { ReplyRoute } from "@/lib/domain/reply-channel";
import type { ComposerMode } from "@/features/composer/client/drafts";

/**
 * Says plainly who will read this and how: the customer by email (from which of the account's
 * addresses) or on their channel (chat, SMS…), or only agents. Where the ticket offers more than
 * one channel the agent may pick another. `from` is the address an email leaves from (undefined
 * while it is being looked up, null when the account has none).
 */
export function ModeBanner({ mode, recipient, route = null, routes = [], onRoute = () => {}, from }: {
  mode: ComposerMode;
  recipient: string | null;
  /** The channel the reply goes out on (null: e-mail, the page knew no better). */
  route?: ReplyRoute | null;
  routes?: readonly ReplyRoute[];
  onRoute?: (channel: string) => void;
  from?: { address: string; name: string | null } | null;
}) {
  if (mode === "note") {
    return (
      <p className="inline-flex items-center gap-1.5 text-xs font-medium text-amber-900 dark:text-amber-200" data-testid="composer-audience">
        <Lock aria-hidden size={14} /> Only agents see this
      </p>
    );
  }
  const email = !route || route.channel === "email";
  const Icon = email ? Mail : MessageCircle;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <p className="inline-flex min-w-0 items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400" data-testid="composer-audience" data-channel={route?.channel ?? "email"}>
        <Icon aria-hidden size={14} className="shrink-0" />
        {/* Wraps rather than clips on a phone: who gets this, and from where, is never cut. */}
        <span className="min-w-0 break-words">
          {email && from !== undefined && (
            <>
              From:{" "}
              <span className="font-medium text-zinc-900 dark:text-zinc-100" data-testid="composer-from" title={from?.name ?? undefined}>
                {from?.address ?? "no email integration"}
              </span>{" "}
              ·{" "}
            </>
          )}
          To: <span className="font-medium text-zinc-900 dark:text-zinc-100">{recipient ?? (email ? "no email address on file" : "the customer")}</span> ·{" "}
          {email ? "this will be emailed" : <>this will be sent on <span className="font-medium text-zinc-900 dark:text-zinc-100">{route.label}</span></>}
        </span>
      </p>
      {routes.length > 1 && (
        <select
          aria-label="Reply channel"
          value={route?.channel}
          onChange={(e) => onRoute(e.target.value)}
          className="h-7 rounded-md border border-zinc-300 bg-white px-1.5 text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
          data-testid="reply-channel"
        >
          {routes.map((r) => (
            <option key={r.channel} value={r.channel} disabled={r.refusal !== null}>
              {r.label}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
