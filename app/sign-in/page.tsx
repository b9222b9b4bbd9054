import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DemoAgentList } from "@/features/auth";
import { SignInForm } from "@/features/auth";
import { demoSignInAction, signInAction } from "@/features/auth";
import { listDemoAgents } from "@/features/auth/server";
import { safeReturnTo } from "@/lib/auth/return-to";
import { currentAgent } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { storeProblem } from "@/lib/db";

export const metadata: Metadata = { title: "Sign in" };

// Why the app sent the agent here (`lib/client/sign-in.ts`); anything else says nothing.
const REASONS: Readonly<Record<string, string>> = {
  expired: "Your session has ended. Sign in again to continue where you were.",
  reauth: "Gorgias no longer accepts the API key stored for you. Sign in again with a current key.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { error, callbackUrl: rawCallback, reason } = await searchParams;
  // Kept as typed; the server checks it against the agent's account when it redirects.
  const callbackUrl = typeof rawCallback === "string" ? rawCallback.slice(0, 2048) : "";
  // Checked first: without the store nobody can sign in, and every other message would mislead.
  const storeDown = await storeProblem();
  const agent = storeDown ? null : await currentAgent();
  // A refused key leaves the session alive: sending the agent back would bring them here again.
  if (agent && reason !== "reauth") redirect(safeReturnTo(callbackUrl, agent.accountDomain));
  const why = typeof reason === "string" && Object.hasOwn(REASONS, reason) ? REASONS[reason] : null;
  const env = serverEnv();
  const demoAgents = env.usesSandbox ? await listDemoAgents() : [];

  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-8 px-5 py-10">
      <header className="flex flex-col gap-1">
        <p className="text-sm font-semibold text-brand dark:text-indigo-300">Gorgias Desk</p>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {env.GORGIAS_ACCOUNT_DOMAIN
            ? `Use your ${env.GORGIAS_ACCOUNT_DOMAIN}.gorgias.com email and REST API key.`
            : "Use your Gorgias account, email and REST API key."}
        </p>
      </header>
      {why && (
        <p role="status" data-testid="sign-in-reason" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {why}
        </p>
      )}
      {storeDown && (
        <p role="alert" data-testid="store-problem" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {storeDown} Signing in is not possible until an administrator fixes it; the server log names the cause.
        </p>
      )}
      {error === "demo" && !storeDown && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          That demo agent could not sign in. Is the sandbox running?
        </p>
      )}
      <SignInForm action={signInAction} fixedAccountDomain={env.GORGIAS_ACCOUNT_DOMAIN ?? null} callbackUrl={callbackUrl} />
      {demoAgents.length > 0 && <DemoAgentList agents={demoAgents} action={demoSignInAction} callbackUrl={callbackUrl} />}
    </main>
  );
}
