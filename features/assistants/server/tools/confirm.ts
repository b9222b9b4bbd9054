/**
 * Two calls for what cannot be taken back (docs/safety.md#assistant-confirm): the first previews and
 * returns a confirmation token bound to the payload's hash (and, for a reply, the thread's newest
 * message); the second presents it with the same payload.
 */
import { createHash } from "node:crypto";
import { operationHash } from "@/features/composer/server";
import { findConfirmation, getSendOperation, issueConfirmation, type AssistantConfirmationRow, type ConfirmationKind } from "@/lib/db";
import { appError, fromUpstream, type AppError } from "@/lib/errors";
import { err, ok, type Result } from "@/lib/result";
import { CONFIRM_TTL_MS, nowOf, type AssistantContext } from "./context";

/** A UUID from the first 128 bits of a hex digest, marked version 8 ("custom"): never mistaken for a random one. */
export function uuidFromHex(hex: string): string {
  const h = hex.slice(0, 32).split("");
  h[12] = "8";
  h[16] = ((parseInt(h[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const x = h.join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** An operation id made from the content: the same content through the same token is the same operation. */
export const derivedOperationId = (ctx: AssistantContext, kind: "reply" | "note" | "ticket", target: string, ...parts: string[]): string =>
  uuidFromHex(operationHash(kind, target, `assistant:${ctx.tokenId ?? `stdio:${ctx.agent.agentId}`}`, ...parts));

/** sha256 of a JSON value with sorted keys: what an update or a payload is, independent of key order. */
export function payloadHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)])) : v;
  return createHash("sha256").update(JSON.stringify(canonical(value) ?? null)).digest("hex");
}

/** The id of the ticket's newest message (any kind), read fresh: what a preview is bound to. */
export async function newestMessageId(ctx: AssistantContext, ticketId: number): Promise<Result<number | null, AppError>> {
  const page = await ctx.gorgias.messages.list(ticketId, { limit: 1, order: "desc" }, { priority: "read" });
  if (!page.ok) return err(fromUpstream(page.error));
  return ok(page.value.items.length ? Math.max(...page.value.items.map((m) => m.id)) : null);
}

export async function issue(
  ctx: AssistantContext,
  spec: { kind: ConfirmationKind; ticketId: number | null; payloadHash: string; newestMessageId: number | null; operationId: string },
): Promise<{ confirmationToken: string; expiresAt: string }> {
  const now = nowOf(ctx);
  const expiresAt = new Date(now.getTime() + (ctx.confirmTtlMs ?? CONFIRM_TTL_MS));
  const confirmationToken = await issueConfirmation(ctx.db, { ...spec, agentId: ctx.agent.agentId, assistantTokenId: ctx.tokenId, expiresAt, now });
  return { confirmationToken, expiresAt: expiresAt.toISOString() };
}

export type Presented = { readonly confirmation: AssistantConfirmationRow; readonly started: boolean };

const refused = (message: string, reason: string): AppError => appError("conflict", message, { fields: { confirmationToken: [reason] } });

/**
 * The confirmation the caller presents, if it was issued to this token for this very payload.
 * `started`: its operation has already been attempted, so the send pipeline, not the expiry or the
 * thread, decides (a repeated or lost confirmation replays, never sends twice).
 */
export async function presented(ctx: AssistantContext, token: string, expect: { kind: ConfirmationKind; ticketId: number | null; payloadHash: string }): Promise<Result<Presented, AppError>> {
  const confirmation = await findConfirmation(ctx.db, token, { agentId: ctx.agent.agentId, assistantTokenId: ctx.tokenId });
  if (!confirmation || confirmation.kind !== expect.kind || confirmation.ticketId !== expect.ticketId) {
    return err(refused("This confirmation token is not one this token was given for this action. Preview again (call without confirmationToken).", "unknown"));
  }
  if (confirmation.payloadHash !== expect.payloadHash) {
    return err(refused("The content differs from what was previewed. Preview the new content (call without confirmationToken).", "different_content"));
  }
  const op = await getSendOperation(ctx.db, confirmation.operationId);
  const started = op !== null && op.state !== "failed" && op.state !== "pending";
  if (!started && confirmation.expiresAt.getTime() <= nowOf(ctx).getTime()) {
    return err(refused("This confirmation expired. Preview again (call without confirmationToken).", "expired"));
  }
  return ok({ confirmation, started });
}

/** A reply's preview is void once the thread moved on: someone wrote since, so the draft may be stale. */
export async function threadUnchanged(ctx: AssistantContext, confirmation: AssistantConfirmationRow): Promise<Result<void, AppError>> {
  if (confirmation.ticketId === null) return ok(undefined);
  const newest = await newestMessageId(ctx, confirmation.ticketId);
  if (!newest.ok) return newest;
  if (newest.value !== confirmation.newestMessageId) {
    return err(
      appError("conflict", "The thread changed since the preview (a newer message arrived). Read it with get_ticket, then preview your reply again.", {
        fields: { confirmationToken: ["thread_changed"], newestMessageId: [String(newest.value)] },
      }),
    );
  }
  return ok(undefined);
}
