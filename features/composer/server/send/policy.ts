import type { Db } from "@/lib/db";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import type { Message } from "@/lib/domain/message";
import type { Ticket } from "@/lib/domain/ticket";
import type { GorgiasClient } from "@/lib/gorgias";

/**
 * Timing rules of the exactly-once flow. Defaults are for production; tests shrink them.
 *
 * - `inFlightStaleMs`: a claim renewed within this belongs to a request still running, so a second
 *   request with the same id is told "still sending". Older: that request's process died (a crash,
 *   a deploy); read back. The running request renews its claim every third of it, so this bounds
 *   how long a resend waits after a crash, not how long a send may take.
 * - `settleMs`: after a POST that got no answer (timeout, cut connection, 502/504), Gorgias may
 *   still be processing it, so "not in the thread" only counts as confirmed absence once this
 *   long has passed since the POST started.
 * - `readBackDelaysMs`: when an answer never came, the read-backs made in the same request
 *   (a short poll, so a slow-but-successful POST is usually confirmed before the agent is asked).
 */
export interface SendPolicy {
  readonly inFlightStaleMs: number;
  readonly settleMs: number;
  readonly readBackDelaysMs: readonly number[];
}

export const DEFAULT_SEND_POLICY: SendPolicy = {
  inFlightStaleMs: 15_000,
  settleMs: 60_000,
  readBackDelaysMs: [0, 1_500, 3_000],
};

/** How often a running send renews its claim: three chances before it would look stale. */
export const renewEveryMs = (policy: SendPolicy): number => Math.max(50, Math.floor(policy.inFlightStaleMs / 3));

/**
 * The account's shared cache as the send path sees it: what Gorgias answers goes there (never
 * failing a send), and the thread it holds may vouch that a fresh read's embedded messages are whole.
 */

export interface SendShare {
  readonly ticket: (ticket: Ticket) => Promise<void>;
  readonly message: (message: Message) => Promise<void>;
  readonly knownMessages: (ticketId: number) => Promise<readonly Message[] | null>;
}

const SHARE_NOTHING: SendShare = { ticket: async () => {}, message: async () => {}, knownMessages: async () => null };

/** Everything the send service needs; no Next runtime, so tests call it directly. */
export interface SendContext {
  readonly db: Db;
  readonly gorgias: GorgiasClient;
  readonly agent: SignedInAgent;
  readonly share?: SendShare;
  readonly policy?: Partial<SendPolicy>;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
  /** The personal access token an assistant sends through: recorded with the send and its audit rows. */
  readonly assistantTokenId?: string | null;
  /** The undo-send dispatcher runs it: only a waiting record whose time has come is claimed (./dispatcher.ts). */
  readonly dispatch?: boolean;
}

export interface ResolvedContext {
  readonly db: Db;
  readonly gorgias: GorgiasClient;
  readonly agent: SignedInAgent;
  readonly share: SendShare;
  readonly policy: SendPolicy;
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  readonly assistantTokenId: string | null;
  readonly dispatch: boolean;
}

export function resolveContext(ctx: SendContext): ResolvedContext {
  return {
    db: ctx.db,
    share: ctx.share ?? SHARE_NOTHING,
    gorgias: ctx.gorgias,
    agent: ctx.agent,
    policy: { ...DEFAULT_SEND_POLICY, ...ctx.policy },
    now: ctx.now ?? (() => new Date()),
    sleep: ctx.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    assistantTokenId: ctx.assistantTokenId ?? null,
    dispatch: ctx.dispatch ?? false,
  };
}
