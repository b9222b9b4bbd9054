import { ListPane } from "@/features/inbox";

/**
 * An open ticket with the agent's list beside it on wide screens. A layout, so it stays mounted
 * while the agent moves from ticket to ticket: the list keeps its rows, scroll and selection.
 */
export default async function TriageLayout({ children, params }: LayoutProps<"/[account]/tickets">) {
  const { account } = await params;
  return (
    <div className="flex h-full min-h-0">
      <ListPane account={account} />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
