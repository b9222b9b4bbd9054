"use client";

import { Button } from "@/components/ui/button";

/** Only a bug lands here: Gorgias failures are shown inside the inbox with the last good data. */
export default function InboxError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main role="alert" className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-20 text-center">
      <h1 className="text-base font-semibold">The inbox could not be shown</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Something went wrong on our side. Your drafts and tickets are safe.</p>
      <Button size="sm" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
