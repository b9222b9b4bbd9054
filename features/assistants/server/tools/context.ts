import type { SendContext, SendPolicy, SendShare } from "@/features/composer/server";
import type { Db } from "@/lib/db";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import type { AssistantScope } from "@/lib/domain/assistant";
import type { GorgiasClient } from "@/lib/gorgias";

/**
 * Who is calling and with what: the agent a token acts for, the token's scopes, the agent's own
 * Gorgias client (in the assistant lane), the store. Framework-free, so tests and the stdio server
 * build one directly.
 */
export interface AssistantContext {
  readonly db: Db;
  readonly gorgias: GorgiasClient;
  readonly agent: SignedInAgent;
  /** The personal access token's id; null for the stdio server (one user, no token row). */
  readonly tokenId: string | null;
  readonly scopes: readonly AssistantScope[];
  readonly transport: "http" | "stdio";
  /** The account's shared cache (the web app's); none for stdio. */
  readonly share?: SendShare;
  /** Tests shrink the send pipeline's timings and the confirmation's lifetime. */
  readonly policy?: Partial<SendPolicy>;
  readonly confirmTtlMs?: number;
  readonly now?: () => Date;
}

/** How long a preview's confirmation token may be presented. */
export const CONFIRM_TTL_MS = 10 * 60 * 1000;

export const nowOf = (ctx: AssistantContext): Date => (ctx.now ? ctx.now() : new Date());

export const sendContextOf = (ctx: AssistantContext): SendContext => ({
  db: ctx.db,
  gorgias: ctx.gorgias,
  agent: ctx.agent,
  share: ctx.share,
  policy: ctx.policy,
  now: ctx.now,
  assistantTokenId: ctx.tokenId,
});
