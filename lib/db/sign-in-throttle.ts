/**
 * Sign-in throttling, checked before any call to Gorgias: a stolen email list must not turn this
 * server into a key-guessing proxy, nor burn the account's shared API budget.
 */
import { isIPv4, isIPv6 } from "node:net";
import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "./store";
import { signInAttempts } from "./schema";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;
/**
 * Everyone's attempts together, whatever the email or address: random emails and many addresses
 * dodge the limits above, so this bounds what anonymous visitors can make us ask Gorgias (at most
 * 30 checks a minute, a quarter of an API key's budget, and from the lowest lane). An attempt that
 * succeeds stops counting, so a team signing in does not use it up; only failures and attempts in
 * progress do. Kept in the store, so it holds across instances.
 */
export const EVERYONE_WINDOW_MS = 60 * 1000;
export const MAX_ATTEMPTS_EVERYONE = 30;

export type SignInSubject = { ip: string | null | undefined; email: string };
/** `limitedBy`: which limit said no — this email or address, or everyone's attempts together. */
export type ThrottleDecision = { allowed: boolean; retryAfterSeconds: number; limitedBy: "subject" | "everyone" | null };

const EVERYONE_KEY = "everyone";
const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${throttleAddress(ip)}`;

/**
 * The unit an IP limit applies to. One IPv6 client usually owns a whole /64 and can rotate through
 * it at will, so IPv6 counts per /64; IPv4-mapped IPv6 counts as the IPv4 address it carries.
 */
export function throttleAddress(raw: string): string {
  const ip = raw.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const [head = "", tail] = ip.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  // An embedded dotted quad in the last 32 bits never reaches the first 64, so it can be ignored.
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(Math.max(missing, 0)).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(":")}::/64`;
}

type Limit = { key: string; max: number; windowMs: number };

function keysWithLimits(subject: SignInSubject): Limit[] {
  const keys = [
    { key: emailKey(subject.email), max: MAX_FAILURES_PER_EMAIL, windowMs: SIGN_IN_WINDOW_MS },
    { key: EVERYONE_KEY, max: MAX_ATTEMPTS_EVERYONE, windowMs: EVERYONE_WINDOW_MS },
  ];
  // Without an address worth believing (lib/auth/client-ip.ts) there is no IP; the other limits still apply.
  if (subject.ip && subject.ip.trim()) keys.push({ key: ipKey(subject.ip), max: MAX_FAILURES_PER_IP, windowMs: SIGN_IN_WINDOW_MS });
  return keys;
}

const tsParam = (d: Date) => sql`${d.toISOString()}::timestamptz`;

async function decide(db: DbOrTx, subject: SignInSubject, now: Date): Promise<ThrottleDecision> {
  const limits = keysWithLimits(subject);
  const since = new Date(now.getTime() - Math.max(...limits.map((l) => l.windowMs)));
  const rows = await db
    .select({ key: signInAttempts.key, at: signInAttempts.at })
    .from(signInAttempts)
    .where(
      and(
        inArray(
          signInAttempts.key,
          limits.map((l) => l.key),
        ),
        gt(signInAttempts.at, tsParam(since)),
      ),
    )
    .orderBy(asc(signInAttempts.at));
  const retryAt = { subject: 0, everyone: 0 };
  for (const { key, max, windowMs } of limits) {
    const ats = rows.filter((r) => r.key === key && r.at.getTime() > now.getTime() - windowMs).map((r) => r.at.getTime());
    if (ats.length < max) continue;
    // Allowed again once enough of the oldest failures have left the window to go below max.
    const oldestThatMustExpire = ats[ats.length - max] ?? now.getTime();
    const scope = key === EVERYONE_KEY ? "everyone" : "subject";
    retryAt[scope] = Math.max(retryAt[scope], oldestThatMustExpire + windowMs);
  }
  // Everyone's limit is said first, with its own time: it tells nothing about this email or address.
  const limitedBy = retryAt.everyone > 0 ? "everyone" : retryAt.subject > 0 ? "subject" : null;
  if (limitedBy === null) return { allowed: true, retryAfterSeconds: 0, limitedBy };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt[limitedBy] - now.getTime()) / 1000)), limitedBy };
}

/** Read-only check. Prefer reserveSignInAttempt in the sign-in action: it cannot be raced. */
export async function checkSignInAllowed(
  db: DbOrTx,
  subject: SignInSubject,
  now: Date = new Date(),
): Promise<ThrottleDecision> {
  return decide(db, subject, now);
}

/** Counts one failure against the email, the IP and everyone, and prunes their expired rows. */
export async function recordFailedSignIn(db: DbOrTx, subject: SignInSubject, now: Date = new Date()): Promise<number[]> {
  const keys = keysWithLimits(subject).map((l) => l.key);
  return db.transaction(async (tx) => {
    await tx
      .delete(signInAttempts)
      .where(
        and(inArray(signInAttempts.key, keys), lt(signInAttempts.at, tsParam(new Date(now.getTime() - SIGN_IN_WINDOW_MS)))),
      );
    const rows = await tx
      .insert(signInAttempts)
      .values(keys.map((key) => ({ key, at: now })))
      .returning({ id: signInAttempts.id });
    return rows.map((r) => r.id);
  });
}

/** After a successful sign-in the email's failures no longer count; the IP's stay. */
export async function clearSignInFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(signInAttempts).where(eq(signInAttempts.key, emailKey(email)));
}

export type Reservation = ThrottleDecision & { attemptIds: number[] };

/**
 * Check-and-count in one step, under a transaction-scoped advisory lock per key, so N parallel
 * requests cannot all pass a check that each of them saw at "4 failures". The attempt is counted
 * as a failure up front; on success call `settleSignInAttempt(db, reservation, email, true)`.
 */
export async function reserveSignInAttempt(
  db: DbOrTx,
  subject: SignInSubject,
  now: Date = new Date(),
): Promise<Reservation> {
  return db.transaction(async (tx) => {
    const keys = keysWithLimits(subject)
      .map((l) => l.key)
      .sort(); // A fixed order, so two reservations never wait on each other's locks.
    for (const key of keys) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('gorgias-desk:sign-in'), hashtext(${key}))`);
    }
    const decision = await decide(tx, subject, now);
    if (!decision.allowed) return { ...decision, attemptIds: [] };
    const attemptIds = await recordFailedSignIn(tx, subject, now);
    return { ...decision, attemptIds };
  });
}

/** Success: forget this attempt (everyone's count included) and the email's earlier failures. Failure: keep the reservation. */
export async function settleSignInAttempt(
  db: DbOrTx,
  reservation: Reservation,
  email: string,
  succeeded: boolean,
): Promise<void> {
  if (!succeeded) return;
  await db.transaction(async (tx) => {
    if (reservation.attemptIds.length > 0) {
      await tx.delete(signInAttempts).where(inArray(signInAttempts.id, reservation.attemptIds));
    }
    await clearSignInFailures(tx, email);
  });
}

/** Housekeeping: attempts that have left the window count for nothing (lib/db/maintenance.ts). */
export async function pruneSignInAttempts(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const rows = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.at, tsParam(new Date(now.getTime() - SIGN_IN_WINDOW_MS))))
    .returning({ id: signInAttempts.id });
  return rows.length;
}
