/**
 * Opens our store when the server starts, not on the first agent's sign-in: a fresh PGlite
 * database takes seconds to create, and an agent should not wait for that. Then keeps it tidy:
 * dead sessions, old send records, stale sign-in attempts and live signals are pruned every ten
 * minutes (lib/db/maintenance.ts). Starts the dispatcher that sends replies and notes once their
 * undo window has passed (docs/safety.md#undo-send). (Never at build time: `register` runs only in
 * a starting server.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getDb, schedulePruning }, { logger }] = await Promise.all([import("@/lib/db"), import("@/lib/server/logger")]);
  try {
    await getDb();
  } catch (error) {
    // Said in the first line an operator reads; the server stays up, each request retries the open,
    // and the sign-in page tells visitors the store is down.
    logger.error({ err: error }, `store could not open at start: ${error instanceof Error ? error.message : String(error)}`);
  }
  schedulePruning(async () => (await getDb()).db, { onError: (error) => logger.error({ err: error }, "store pruning failed") });
  const { startSendDispatcher } = await import("@/features/composer/server");
  startSendDispatcher();
}
