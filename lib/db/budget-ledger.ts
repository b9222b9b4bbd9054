import { sql } from "drizzle-orm";
import { executeRows, type DbOrTx } from "./store";

/**
 * Gorgias's request bucket for an account, shared by every instance on one PostgreSQL
 * (docs/safety.md#shared-budget). Structurally the `BudgetLedger` of lib/gorgias/budget.ts; the
 * store does not import the client. Times come from the database's clock, so instances whose
 * clocks differ still agree; each call is one statement, and the row lock serializes instances.
 */
export function budgetLedger(db: DbOrTx) {
  const level = (cap: number, windowMs: number) =>
    sql`greatest(0, b.level - extract(epoch from (now() - b.level_at)) * 1000 * ${cap}::float8 / ${windowMs}::float8)`;

  async function ensureRow(accountKey: string): Promise<void> {
    await db.execute(
      sql`insert into budget_buckets (account_key, level, level_at, paused_until) values (${accountKey}, 0, now(), now()) on conflict (account_key) do nothing`,
    );
  }

  return {
    async tryTake(accountKey: string, { capacity, windowMs, minFree }: { capacity: number; windowMs: number; minFree: number }): Promise<{ waitMs: number }> {
      for (let attempt = 0; attempt < 2; attempt++) {
        const [row] = await executeRows<{ taken: boolean; level: number; paused_ms: number }>(
          db,
          sql`with cur as (
                select b.account_key, ${level(capacity, windowMs)} as level, b.paused_until
                from budget_buckets b where b.account_key = ${accountKey} for update
              ), upd as (
                update budget_buckets t set level = cur.level + 1, level_at = now()
                from cur
                where t.account_key = cur.account_key and cur.paused_until <= now() and cur.level + ${minFree}::float8 <= ${capacity}::float8
                returning t.account_key
              )
              select exists (select 1 from upd) as taken, cur.level::float8 as level,
                     greatest(0, extract(epoch from (cur.paused_until - now())) * 1000)::float8 as paused_ms
              from cur`,
        );
        if (!row) {
          await ensureRow(accountKey);
          continue;
        }
        if (row.taken) return { waitMs: 0 };
        const leakMs = ((Number(row.level) + minFree - capacity) * windowMs) / capacity;
        return { waitMs: Math.max(1, Math.ceil(Math.max(Number(row.paused_ms), leakMs))) };
      }
      throw new Error(`budget bucket for ${accountKey} could not be created`);
    },

    async pause(accountKey: string, { capacity, forMs }: { capacity: number; forMs: number }): Promise<void> {
      await db.execute(
        sql`insert into budget_buckets as b (account_key, level, level_at, paused_until)
            values (${accountKey}, ${capacity}::float8, now(), now() + make_interval(secs => ${forMs / 1000}::float8))
            on conflict (account_key) do update set
              level = ${capacity}::float8, level_at = now(),
              paused_until = greatest(b.paused_until, excluded.paused_until)`,
      );
    },

    async observe(accountKey: string, limit: { used: number; limit: number }, windowMs: number): Promise<void> {
      await db.execute(
        sql`insert into budget_buckets as b (account_key, level, level_at, paused_until)
            values (${accountKey}, ${limit.used}::float8, now(), now())
            on conflict (account_key) do update set
              level = greatest(${level(limit.limit, windowMs)}, ${limit.used}::float8), level_at = now()`,
      );
    },
  };
}
