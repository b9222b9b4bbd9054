/**
 * Opens our store when the server starts, not on the first agent's sign-in: a fresh PGlite
 * database takes seconds to create, and an agent should not wait for that. Then keeps it tidy:
 * dead sessions, old send records, stale sign-in attempts and live signals are pruned every ten
 * minutes (lib/db/maintenance.ts). (Never at build time: `register` runs only in a starting server.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getDb, schedulePruning }, { logger }] = await Promise.all([import("@/lib/db"), import("@/lib/server/logger")]);
  try {
    await getDb();
  } catch (error) {
    // The first request retries and reports it; the server itself stays up.
    logger.error({ err: error }, "store could not open at start");
  }
  schedulePruning(async () => (await getDb()).db, { onError: (error) => logger.error({ err: error }, "store pruning failed") });
}
