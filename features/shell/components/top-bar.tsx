import Link from "next/link";
import { AfterDoneSwitch } from "@/features/shell/components/after-done-switch";
import { ThemeSwitch } from "@/features/shell/components/theme-switch";
import { UndoSendSwitch } from "@/features/shell/components/undo-send-switch";
import { Button } from "@/components/ui/button";
import type { Theme } from "@/lib/domain/theme";

export interface TopBarProps {
  accountDomain: string;
  agentName: string;
  agentRole: string;
  usesSandbox: boolean;
  signOut: () => Promise<void>;
  theme: Theme;
  /** Admins get a link to the live feed's health. */
  feedHealthHref: string | null;
}

export function TopBar({ accountDomain, agentName, agentRole, usesSandbox, signOut, theme, feedHealthHref }: TopBarProps) {
  return (
    <header className="flex h-12 shrink-0 items-center justify-between gap-3 border-b border-zinc-200 px-4 dark:border-zinc-800">
      <div className="flex min-w-0 items-center gap-2">
        {/* Home, and also what puts next/link in this layout's chunks, shared by every page below (docs/architecture.md). */}
        <Link href={`/${accountDomain}`} className="shrink-0 whitespace-nowrap rounded text-sm font-semibold text-brand dark:text-indigo-300">
          Gorgias Desk
        </Link>
        <span className="hidden truncate text-sm text-zinc-500 sm:inline dark:text-zinc-400">{accountDomain}</span>
        {usesSandbox && (
          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
            Sandbox
          </span>
        )}
      </div>
      <div className="flex shrink-0 items-center gap-2 sm:gap-3">
        <Link href={`/${accountDomain}/assistants`} className="hidden text-sm text-zinc-600 underline-offset-2 hover:underline sm:inline dark:text-zinc-400" data-testid="assistants-link">
          Assistants
        </Link>
        {feedHealthHref && (
          <Link href={feedHealthHref} className="hidden text-sm text-zinc-600 sm:inline underline-offset-2 hover:underline dark:text-zinc-400" data-testid="feed-health-link">
            Live feed
          </Link>
        )}
        <AfterDoneSwitch />
        <UndoSendSwitch />
        <ThemeSwitch initial={theme} />
        <span className="hidden text-sm text-zinc-700 sm:inline dark:text-zinc-300" data-testid="signed-in-agent">
          {agentName} <span className="text-zinc-500 dark:text-zinc-400">· {agentRole}</span>
        </span>
        <form action={signOut}>
          <Button type="submit" size="sm" variant="ghost" className="whitespace-nowrap">
            Sign out
          </Button>
        </form>
      </div>
    </header>
  );
}
