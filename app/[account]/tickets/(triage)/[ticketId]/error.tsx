"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { Button } from "@/components/ui/button";

/** Something broke while rendering; the details stay in the server log (digest only here). */
export default function TicketError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { account } = useParams<{ account: string }>();
  return (
    <main className="h-full overflow-y-auto px-4 py-4">
      <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
        <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">Couldn&apos;t show this ticket</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">Something went wrong on our side. Nothing was changed.</p>
        <div className="flex gap-3">
          <Button size="sm" onClick={reset}>
            Try again
          </Button>
          <Link href={`/${account}`} className="inline-flex items-center text-sm font-medium text-brand underline-offset-2 hover:underline dark:text-indigo-300">
            Back to the inbox
          </Link>
        </div>
      </div>
    </main>
  );
}
