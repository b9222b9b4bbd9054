import { notFound } from "next/navigation";
import { cookies, headers } from "next/headers";
import { signOutAction } from "@/features/auth";
import { LiveDesk } from "@/features/live";
import { SearchPalette } from "@/features/search";
import { Providers, ShortcutHelp, TopBar } from "@/features/shell";
import { isMissingTicketPath } from "@/features/ticket/server";
import { requirePageAgent } from "@/lib/auth/session";
import { parseTheme, THEME_COOKIE } from "@/lib/domain/theme";
import { canSeeFeedHealth } from "@/lib/domain/user";
import { serverEnv } from "@/lib/env";

export default async function AccountLayout({ children, params }: LayoutProps<"/[account]">) {
  const { account } = await params;
  const agent = await requirePageAgent(account);
  if (await isMissingTicketPath(agent, (await headers()).get("x-desk-path"))) notFound();
  return (
    <div className="flex h-dvh flex-col">
      <TopBar
        accountDomain={agent.accountDomain}
        agentName={agent.name}
        agentRole={agent.role}
        usesSandbox={serverEnv().usesSandbox}
        feedHealthHref={canSeeFeedHealth(agent.role) ? `/${agent.accountDomain}/feed` : null}
        signOut={signOutAction}
        theme={parseTheme((await cookies()).get(THEME_COOKIE)?.value)}
      />
      <div className="min-h-0 flex-1">
        <Providers>
          <LiveDesk account={agent.accountDomain} />
          {children}
          <SearchPalette account={agent.accountDomain} />
        </Providers>
        <ShortcutHelp />
      </div>
    </div>
  );
}
