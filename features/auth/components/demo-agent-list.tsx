import { Button } from "@/components/ui/button";
import type { DemoAgent } from "@/lib/domain/sign-in";

/** One-click sign-in as a sandbox agent. Each button posts only the domain and email: the key stays server-side. */
export function DemoAgentList({
  agents,
  action,
  callbackUrl,
}: {
  agents: readonly DemoAgent[];
  action: (form: FormData) => Promise<void>;
  callbackUrl: string;
}) {
  const byAccount = new Map<string, DemoAgent[]>();
  for (const agent of agents) byAccount.set(agent.accountDomain, [...(byAccount.get(agent.accountDomain) ?? []), agent]);
  return (
    <section aria-labelledby="demo-agents-heading" className="flex flex-col gap-3" data-testid="demo-agents">
      <h2 id="demo-agents-heading" className="text-sm font-semibold text-zinc-800 dark:text-zinc-200">
        Sandbox agents
      </h2>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        This dashboard runs against the local sandbox. Sign in as any demo agent with one click.
      </p>
      {[...byAccount.entries()].map(([domain, list]) => (
        <div key={domain} className="flex flex-col gap-1">
          <h3 className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{domain}</h3>
          <ul className="flex flex-col divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {list.map((agent) => (
              <li key={agent.email}>
                <form action={action} className="flex items-center justify-between gap-3 px-3 py-2">
                  <input type="hidden" name="accountDomain" value={agent.accountDomain} />
                  <input type="hidden" name="email" value={agent.email} />
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <span className="min-w-0">
                    <span className="block truncate text-sm font-medium">{agent.name}</span>
                    <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
                      {agent.email} · {agent.role}
                    </span>
                  </span>
                  <Button type="submit" size="sm" aria-label={`Sign in as ${agent.name} (${agent.role}, ${agent.accountDomain})`}>
                    Sign in
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
