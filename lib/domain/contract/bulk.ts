import { z } from "zod";
import { BULK_MAX_TICKETS } from "../bulk";
import { TICKET_STATUSES } from "../ticket";
import { GorgiasId } from "./ids";

/**
 * What the list's bulk route accepts from the browser: which tickets and one change, or an undo of
 * an earlier change by its id (whose previous values the server recorded; the browser never sends them).
 * Server and tests only.
 */
const tagName = z.string().trim().min(1).max(256);

export const BulkChangeInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("status"), status: z.enum(TICKET_STATUSES) }).strict(),
  z.object({ kind: z.literal("assign"), userId: GorgiasId.nullable() }).strict(),
  z.object({ kind: z.literal("addTags"), names: z.array(tagName).min(1).max(20) }).strict(),
  z.object({ kind: z.literal("snooze"), until: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ kind: z.literal("spam"), spam: z.boolean() }).strict(),
  z.object({ kind: z.literal("trash"), trashed: z.boolean() }).strict(),
  z.object({ kind: z.literal("read"), unread: z.boolean() }).strict(),
]);

export const BulkSelectionInput = z.union([
  z.object({ ticketIds: z.array(GorgiasId).min(1).max(BULK_MAX_TICKETS).transform((ids) => [...new Set(ids)]) }).strict(),
  z.object({ viewId: GorgiasId }).strict(),
]);

export const BulkRequest = z.union([
  z.object({ selection: BulkSelectionInput, change: BulkChangeInput }).strict(),
  z.object({ undo: z.number().int().positive() }).strict(),
]);
export type BulkRequest = z.infer<typeof BulkRequest>;
