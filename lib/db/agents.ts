import { randomUUID } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import { decryptSecret, encryptSecret, type CredentialsKey } from "@/lib/crypto/credentials";
import { type DbOrTx, pgErrorCode, PG_UNIQUE_VIOLATION } from "./store";
import { agents } from "./schema";

export type AgentProfile = {
  id: string;
  accountDomain: string;
  gorgiasUserId: number;
  email: string;
  name: string;
  role: string;
};

export type AgentCredentials = Omit<AgentProfile, "id"> & { apiKey: string };

export type UpsertAgentInput = AgentCredentials;

/** The AAD ties a ciphertext to its row; the prefix keeps it from matching any other use of the key. */
const apiKeyAad = (agentId: string) => `gorgias-desk:agent-api-key:${agentId}`;

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The columns of an `AgentProfile`, for every query that returns one. */
export const profileColumns = {
  id: agents.id,
  accountDomain: agents.accountDomain,
  gorgiasUserId: agents.gorgiasUserId,
  email: agents.email,
  name: agents.name,
  role: agents.role,
};

/**
 * Records an agent Gorgias has just verified, keyed by (account, Gorgias user id), with the API
 * key re-encrypted under a fresh IV. Gorgias is the authority on who owns an email: if another
 * row of the same account still carries this email under a different Gorgias user id, that row is
 * stale (the user was deleted or changed address) and is removed with its sessions; audit rows
 * keep its id because audit_log has no foreign key.
 */
export async function upsertAgent(db: DbOrTx, key: CredentialsKey, input: UpsertAgentInput): Promise<AgentProfile> {
  const email = normaliseEmail(input.email);
  // Two first sign-ins of one agent can race to insert; the loser re-reads and updates.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const [existing] = await tx
          .select({ id: agents.id })
          .from(agents)
          .where(and(eq(agents.accountDomain, input.accountDomain), eq(agents.gorgiasUserId, input.gorgiasUserId)))
          .for("update");
        await tx
          .delete(agents)
          .where(
            and(
              eq(agents.accountDomain, input.accountDomain),
              sql`lower(${agents.email}) = ${email}`,
              ne(agents.gorgiasUserId, input.gorgiasUserId),
            ),
          );
        const id = existing?.id ?? randomUUID();
        const sealed = encryptSecret(key, input.apiKey, apiKeyAad(id));
        const values = {
          email,
          name: input.name,
          role: input.role,
          apiKeyCiphertext: sealed.ciphertext,
          apiKeyIv: sealed.iv,
          apiKeyTag: sealed.tag,
          keyVersion: sealed.keyVersion,
        };
        const [row] = existing
          ? await tx
              .update(agents)
              .set({ ...values, updatedAt: sql`now()` })
              .where(eq(agents.id, id))
              .returning(profileColumns)
          : await tx
              .insert(agents)
              .values({ id, accountDomain: input.accountDomain, gorgiasUserId: input.gorgiasUserId, ...values })
              .returning(profileColumns);
        if (!row) throw new Error(`upsertAgent: no row written for agent ${id}`);
        return row;
      });
    } catch (e) {
      if (attempt < 2 && pgErrorCode(e) === PG_UNIQUE_VIOLATION) continue;
      throw e;
    }
  }
}

export async function getAgent(db: DbOrTx, agentId: string): Promise<AgentProfile | null> {
  const [row] = await db.select(profileColumns).from(agents).where(eq(agents.id, agentId));
  return row ?? null;
}

export async function findAgentByEmail(db: DbOrTx, accountDomain: string, email: string): Promise<AgentProfile | null> {
  const [row] = await db
    .select(profileColumns)
    .from(agents)
    .where(and(eq(agents.accountDomain, accountDomain), sql`lower(${agents.email}) = ${normaliseEmail(email)}`));
  return row ?? null;
}

/** Decrypts the agent's API key for a server-side Gorgias call. Never hand the result to the browser. */
export async function getAgentCredentials(
  db: DbOrTx,
  key: CredentialsKey,
  agentId: string,
): Promise<AgentCredentials | null> {
  const [row] = await db.select().from(agents).where(eq(agents.id, agentId));
  if (!row) return null;
  const apiKey = decryptSecret(
    key,
    { ciphertext: row.apiKeyCiphertext, iv: row.apiKeyIv, tag: row.apiKeyTag, keyVersion: row.keyVersion },
    apiKeyAad(row.id),
  );
  return {
    accountDomain: row.accountDomain,
    gorgiasUserId: row.gorgiasUserId,
    email: row.email,
    name: row.name,
    role: row.role,
    apiKey,
  };
}
