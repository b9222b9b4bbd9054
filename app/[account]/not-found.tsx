import Link from "next/link";

// A server component, so no script of its own rides along with every page of the account. The
// root address sends the agent to their own inbox.
export default function AccountNotFound() {
  return (
    <main className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-20 text-center" data-testid="not-found">
      <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">There is nothing at this address</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The link may be mistyped, or the page it pointed to has moved.</p>
      <Link href="/" className="text-sm font-medium text-brand underline-offset-2 hover:underline dark:text-indigo-300">
        Back to the inbox
      </Link>
    </main>
  );
}
