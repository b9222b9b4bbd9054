import "server-only";
import { getCredentialsKey } from "@/lib/crypto/credentials";
import { getDb, type Db } from "@/lib/db";

/** The process store plus the key that seals agents' API keys: what auth and actions need. */
export async function appStore(): Promise<{ db: Db; credentialsKey: ReturnType<typeof getCredentialsKey> }> {
  const store = await getDb();
  return { db: store.db, credentialsKey: getCredentialsKey() };
}
