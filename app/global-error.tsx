"use client";

import "./globals.css";

/**
 * The last resort, when the root layout itself failed: it replaces the whole document, so it brings
 * its own <html> and <body>. Drafts live on the server and in the browser, so nothing typed is lost.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <main role="alert" className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-20 text-center">
          <h1 className="text-base font-semibold">Gorgias Desk could not start this page</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Something went wrong on our side. Your drafts and tickets are safe.</p>
          {error.digest && <p className="text-xs text-zinc-600 dark:text-zinc-400">Reference: {error.digest}</p>}
          <button
            type="button"
            onClick={reset}
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
