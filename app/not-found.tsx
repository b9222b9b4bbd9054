import { headers } from "next/headers";
import Link from "next/link";
import { currentAgent } from "@/lib/auth/session";
import { whyNotFound } from "@/lib/domain/not-found";

const LINK = "text-sm font-medium text-brand underline-offset-2 hover:underline dark:text-indigo-300";

// Reached for an address outside any account the agent may open (another account's URL says so and
// leads to the agent's own), and for a missing ticket, which the account layout answers with a 404
// before anything streams.
export default async function NotFound() {
  const agent = await currentAgent();
  const reason = whyNotFound((await headers()).get("x-desk-path"), agent?.accountDomain ?? null);
  const home = reason.kind === "ticket" ? `/${reason.account}` : reason.own === null ? "/" : `/${reason.own}`;
  return (
    <main className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-20 text-center" data-testid="not-found">
      {reason.kind === "ticket" ? (
        <>
          <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">This ticket does not exist or was deleted</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">It may have been merged into another ticket, or your Gorgias role cannot see it.</p>
          <Link href={home} className={LINK}>
            Back to the inbox
          </Link>
        </>
      ) : reason.kind === "other-account" ? (
        <>
          <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">This address belongs to another Gorgias account</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            You are signed in to {reason.own}. Tickets of another account open only when you sign in to it, with that account&apos;s
            Gorgias email and API key.
          </p>
          <Link href={home} className={LINK}>
            Go to your inbox on {reason.own}
          </Link>
        </>
      ) : (
        <>
          <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">There is nothing at this address</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">The link may be mistyped, or the page it pointed to has moved.</p>
          <Link href={home} className={LINK}>
            Go to your inbox
          </Link>
        </>
      )}
    </main>
  );
}
