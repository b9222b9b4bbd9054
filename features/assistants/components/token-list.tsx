"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { AssistantTokenView } from "@/lib/domain/assistant";
import { absoluteTime, relativeTime } from "@/lib/domain/relative-time";
import { revokeAssistantToken } from "../server/actions";
import { RecentCalls } from "./recent-calls";

const ago = (iso: string | null, now: Date, never: string) => {
  if (!iso) return never;
  const age = relativeTime(iso, now);
  return age === "now" ? "just now" : /^\d+[mhd]$/.test(age) ? `${age} ago` : age;
};

function TokenRow({ token, now }: { token: AssistantTokenView; now: Date }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoke = async () => {
    setError(null);
    try {
      const result = await revokeAssistantToken({ tokenId: token.id });
      if (!result.ok) return setError(result.error.message);
      router.refresh();
    } catch {
      setError("The server could not be reached. Try again.");
    } finally {
      setConfirming(false);
    }
  };
  return (
    <li className="border-b border-zinc-200 py-3 dark:border-zinc-800" data-testid="assistant-token" data-token-name={token.name} data-revoked={token.revokedAt !== null}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm font-medium">
            {token.name} <code className="ml-1 font-mono text-xs text-zinc-500">{token.hint}…</code>
          </p>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            <span data-testid="token-scopes">{token.scopes.join(", ")}</span> · created <span title={absoluteTime(token.createdAt)}>{ago(token.createdAt, now, "")}</span> ·{" "}
            <span data-testid="token-last-used" title={absoluteTime(token.lastUsedAt)}>
              last used {ago(token.lastUsedAt, now, "never")}
            </span>
            {token.revokedAt && (
              <>
                {" "}
                · <span className="font-medium text-red-700 dark:text-red-400">revoked {ago(token.revokedAt, now, "")}</span>
              </>
            )}
          </p>
        </div>
        {!token.revokedAt &&
          (confirming ? (
            <span className="flex gap-2">
              <Button size="sm" variant="danger" onClick={revoke}>
                Revoke {token.name}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                Keep
              </Button>
            </span>
          ) : (
            <Button size="sm" onClick={() => setConfirming(true)} aria-label={`Revoke ${token.name}…`}>
              Revoke…
            </Button>
          ))}
      </div>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <RecentCalls calls={token.recentCalls} now={now} />
    </li>
  );
}

/** The agent's tokens: what each may do, when it was last used, its latest calls; revocable. */
export function TokenList({ tokens, now }: { tokens: readonly AssistantTokenView[]; now: Date }) {
  if (tokens.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No tokens yet.</p>;
  return (
    <ul aria-label="Your tokens" className="flex flex-col">
      {tokens.map((t) => (
        <TokenRow key={t.id} token={t} now={now} />
      ))}
    </ul>
  );
}
