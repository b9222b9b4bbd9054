import { sql } from "drizzle-orm";
import { executeRows, type DbOrTx } from "./store";

/** The NOTIFY channel of presence: ephemeral, so a notification and nothing stored. */
export const PRESENCE_CHANNEL = "desk_presence";

/** Tells every instance listening on the database (this one included) about one tab's presence. */
export async function notifyPresence(db: DbOrTx, payload: string): Promise<void> {
  await executeRows(db, sql`select pg_notify(${PRESENCE_CHANNEL}, ${payload}) as sent`);
}
