/**
 * Confirmation tokens for an assistant's e-mails and bulk updates (docs/safety.md#assistant-confirm).
 * The first call stores what was previewed and returns a token (only its SHA-256 is kept); the
 * second call presents it. Whether the payload and the thread still match is the caller's check.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import type { DbOrTx } from "./store";
import { assistantConfirmations, type AssistantConfirmationRow, type ConfirmationKind } from "./schema";

export type { AssistantConfirmationRow, ConfirmationKind };

/** Kept past expiry so a repeated confirmation still finds its operation (and replays it). */
export const CONFIRMATION_RETENTION_MS = 24 * 60 * 60 * 1000;

const CONFIRMATION_SHAPE = /^gdc_[A-Za-z0-9_-]{32}$/;
const hashConfirmation = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export type IssueConfirmationInput = {
  agentId: string;
  /** Null for the stdio server, which has no token row. */
  assistantTokenId: string | null;
  kind: ConfirmationKind;
  ticketId: number | null;
  payloadHash: string;
  newestMessageId: number | null;
  operationId: string;
  expiresAt: Date;
  now?: Date;
};

export async function issueConfirmation(db: DbOrTx, input: IssueConfirmationInput): Promise<string> {
  const token = `gdc_${randomBytes(24).toString("base64url")}`;
  await db.insert(assistantConfirmations).values({
    id: hashConfirmation(token),
    agentId: input.agentId,
    assistantTokenId: input.assistantTokenId,
    kind: input.kind,
    ticketId: input.ticketId,
    payloadHash: input.payloadHash,
    newestMessageId: input.newestMessageId,
    operationId: input.operationId,
    createdAt: input.now ?? new Date(),
    expiresAt: input.expiresAt,
  });
  return token;
}

/** The confirmation, if it was issued to this agent through this token (or, for stdio, no token). */
export async function findConfirmation(
  db: DbOrTx,
  token: string,
  owner: { agentId: string; assistantTokenId: string | null },
): Promise<AssistantConfirmationRow | null> {
  if (!CONFIRMATION_SHAPE.test(token)) return null;
  const [row] = await db
    .select()
    .from(assistantConfirmations)
    .where(
      and(
        eq(assistantConfirmations.id, hashConfirmation(token)),
        eq(assistantConfirmations.agentId, owner.agentId),
        owner.assistantTokenId === null ? isNull(assistantConfirmations.assistantTokenId) : eq(assistantConfirmations.assistantTokenId, owner.assistantTokenId),
      ),
    );
  return row ?? null;
}

export async function pruneConfirmations(db: DbOrTx, expiredBefore: Date): Promise<number> {
  const rows = await db.delete(assistantConfirmations).where(lt(assistantConfirmations.expiresAt, expiredBefore)).returning({ id: assistantConfirmations.id });
  return rows.length;
}
