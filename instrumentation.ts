/**
 * Opens our store when the server starts, not on the first agent's sign-in: a fresh PGlite
 * database takes seconds to create, and an agent should not wait for that. (Never at build time:
 * `register` runs only in a starting server.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getDb }, { logger }] = await Promise.all([import("@/lib/db"), import("@/lib/server/logger")]);
  try {
    await getDb();
  } catch (error) {
    // The first request retries and reports it; the server itself stays up.
    logger.error({ err: error }, "store could not open at start");
  }
}
