import type { SharedListPlan } from "./list-patch";
import { seesWholeAccount } from "./user";
import type { View } from "./view";

/**
 * What one agent's read may be served to another (docs/safety.md#shared-reads). Gorgias
 * decides what a key may see; we only share where it would answer two agents alike:
 * - only between agents whose role sees every ticket (FULL_VISIBILITY_ROLES): a ticket or a list
 *   read for one of them is what Gorgias shows each of them;
 * - a view's page only to an agent whose own view list holds that view (private views are their
 *   owner's), and per agent when its filters name `{{current_user…}}` ("assigned to me");
 * - never a search (its text is the agent's) and only first pages (cursors are short-lived).
 * Everyone else reads with their own key, as before.
 */
export function sharesReads(role: string | null): boolean {
  return seesWholeAccount(role);
}

/**
 * The cache scope of a list's first page for this agent: `account` when every full-visibility
 * agent sees the same page, `user:{id}` when it depends on who asks, null when it is not shared.
 */
export function listScope(plan: SharedListPlan, agentViews: readonly View[], gorgiasUserId: number): string | null {
  const viewId = plan.viewId;
  if (viewId === undefined) return "account";
  const view = agentViews.find((v) => v.id === viewId);
  if (!view) return null;
  return /current_user/.test(view.filters ?? "") ? `user:${gorgiasUserId}` : "account";
}
