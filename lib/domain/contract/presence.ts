import { z } from "zod";
import { PRESENCE_STATES } from "../presence";
import { AccountDomain, GorgiasId } from "./ids";

/** A browser tab's own id, made when it loads: it keeps one agent's tabs apart. */
const TabId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/**
 * What a tab reports (`POST /api/{account}/presence`): its ticket and what the agent does there,
 * or that it left. Who the agent is comes from the session, never from the body.
 */
export const PresenceBeacon = z
  .object({
    tab: TabId,
    ticketId: GorgiasId,
    state: z.enum([...PRESENCE_STATES, "left"]),
    /** Counts up in each tab, so a notice overtaken by a newer one (another instance was faster) is ignored. */
    seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  })
  .strict();
export type PresenceBeacon = z.infer<typeof PresenceBeacon>;

/** Names are Gorgias display names; longer ones are cut rather than refused. */
export const MAX_PRESENCE_NAME_CHARS = 100;

/**
 * What one instance tells every other on the presence channel. Checked on receipt: anything with
 * access to the database may NOTIFY. `ttlMs` is measured on the receiver's clock, so instances need
 * not agree on the time.
 */
export const PresenceNotice = PresenceBeacon.extend({
  account: AccountDomain,
  userId: GorgiasId,
  name: z.string().min(1).max(MAX_PRESENCE_NAME_CHARS),
  ttlMs: z.number().int().positive().max(300_000),
}).strict();
export type PresenceNotice = z.infer<typeof PresenceNotice>;
