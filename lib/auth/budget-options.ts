import "server-only";
import { budgetLedger, getDb } from "@/lib/db";
import { BudgetScheduler, type BudgetOptions } from "@/lib/gorgias";

/**
 * On PostgreSQL several instances may serve one account, so its Gorgias budget is kept there for all
 * of them (lib/db/budget-ledger.ts); PGlite is one process, whose own scheduler is the whole truth.
 */
export async function sharedBudgetOptions(): Promise<BudgetOptions> {
  const store = await getDb();
  if (store.driver !== "postgres") return {};
  return {
    ledger: budgetLedger(store.db),
    onLedgerError: (error) => console.error("[budget] shared ledger unavailable, using this instance's estimate:", error),
  };
}

/** One assistant token's own share of the account's 40 requests / 20 s (docs/safety.md#assistant-budget). */
export const ASSISTANT_TOKEN_CAP = { capacity: 10, windowMs: 20_000 } as const;

// On globalThis like the account budgets (lib/gorgias/budget.ts): one gate per token per process.
const gates: Map<string, BudgetScheduler> = ((globalThis as { __gorgiasDeskAssistantGates?: Map<string, BudgetScheduler> }).__gorgiasDeskAssistantGates ??= new Map());

/**
 * The bucket every request made through one assistant token must fit before the account's: an
 * assistant in a loop spends its own cap, not the team's. On PostgreSQL it is counted in the shared
 * ledger, so the cap holds across instances.
 */
export async function assistantTokenGate(tokenId: string): Promise<BudgetScheduler> {
  let gate = gates.get(tokenId);
  if (!gate) {
    gate = new BudgetScheduler({ ...(await sharedBudgetOptions()), ...ASSISTANT_TOKEN_CAP, minFree: { assistant: 1 }, ledgerKey: `assistant-token:${tokenId}` });
    gates.set(tokenId, gate);
  }
  return gate;
}
