import { sql } from "drizzle-orm";
import type { LiveSignal, LiveSignalKind } from "@/lib/domain/live";
import { executeRows, type DbOrTx } from "./store";

/** The NOTIFY channel every instance listens on; payloads are `{account, ...LiveSignal}` JSON. */
export const LIVE_CHANNEL = "desk_live";

type SignalRow = { seq: string | number; kind: string; ticket_id: number | null; version: string | null };
const toSignal = (r: SignalRow): LiveSignal => ({ seq: Number(r.seq), kind: r.kind as LiveSignalKind, ticketId: r.ticket_id, version: r.version });

/**
 * Records a signal and notifies every instance, in one statement: the NOTIFY is sent when the row
 * commits, so a listener that then reads the table finds it.
 */
export async function publishSignal(
  db: DbOrTx,
  accountDomain: string,
  signal: { kind: LiveSignalKind; ticketId: number | null; version: string | null },
): Promise<LiveSignal> {
  const [row] = await executeRows<SignalRow>(
    db,
    sql`with s as (
          insert into live_signals (account_domain, kind, ticket_id, version)
          values (${accountDomain}, ${signal.kind}, ${signal.ticketId}, ${signal.version})
          returning seq, kind, ticket_id, version
        )
        select s.*, pg_notify(${LIVE_CHANNEL}, json_build_object(
          'account', ${accountDomain}::text, 'seq', s.seq, 'kind', s.kind, 'ticketId', s.ticket_id, 'version', s.version
        )::text) from s`,
  );
  if (!row) throw new Error("live signal not recorded");
  return toSignal(row);
}

/** Signals after `seq`, oldest first, for a stream that resumes; at most `limit`. */
export async function signalsSince(db: DbOrTx, accountDomain: string, seq: number, limit = 500): Promise<LiveSignal[]> {
  const rows = await executeRows<SignalRow>(
    db,
    sql`select seq, kind, ticket_id, version from live_signals
        where account_domain = ${accountDomain} and seq > ${seq}
        order by seq asc limit ${limit}`,
  );
  return rows.map(toSignal);
}

/** The newest signal's sequence for an account (0 when none), where a fresh stream starts. */
export async function latestSignalSeq(db: DbOrTx, accountDomain: string): Promise<number> {
  const [row] = await executeRows<{ seq: string | number | null }>(
    db,
    sql`select max(seq) as seq from live_signals where account_domain = ${accountDomain}`,
  );
  return Number(row?.seq ?? 0);
}

/** Signals are hints for streams that reconnect within minutes; older ones are useless. */
export async function pruneLiveSignals(db: DbOrTx, olderThan: Date): Promise<number> {
  const rows = await executeRows<{ seq: unknown }>(db, sql`delete from live_signals where at < ${olderThan.toISOString()}::timestamptz returning seq`);
  return rows.length;
}

/** The oldest signal kept for any account (null when none): a resume from before it missed pruned ones. */
export async function oldestSignalSeq(db: DbOrTx): Promise<number | null> {
  const [row] = await executeRows<{ seq: string | number | null }>(db, sql`select min(seq) as seq from live_signals`);
  return row?.seq === null || row?.seq === undefined ? null : Number(row.seq);
}
