import "server-only";
import { budgetLedger, getDb } from "@/lib/db";
import type { BudgetOptions } from "@/lib/gorgias";

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
