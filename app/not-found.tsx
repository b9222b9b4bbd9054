import Link from "next/link";

// Reached for an address outside any account the agent may open, including another account's URL:
// it says no more than "not here", so it reveals nothing about that account.
export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-20 text-center" data-testid="not-found">
      <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">There is nothing at this address</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The link may be mistyped, or it belongs to a Gorgias account you are not signed in to.
      </p>
      <Link href="/" className="text-sm font-medium text-brand underline-offset-2 hover:underline dark:text-indigo-300">
        Go to your inbox
      </Link>
    </main>
  );
}
