"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The token in clear, this once: the store keeps only its hash, so it cannot be shown again. */
export function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section role="status" aria-label="New token" className="rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm dark:border-emerald-800 dark:bg-emerald-950" data-testid="new-token">
      <p className="font-medium text-emerald-950 dark:text-emerald-100">Token for “{name}”. Copy it now: it will not be shown again.</p>
      <code className="mt-2 block break-all rounded bg-white px-2 py-1.5 font-mono text-xs text-zinc-900 select-all dark:bg-zinc-900 dark:text-zinc-100" data-testid="new-token-value">
        {token}
      </code>
      <div className="mt-2 flex gap-2">
        <Button size="sm" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}
