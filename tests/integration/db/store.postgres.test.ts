import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executeRows, openStore } from "@/lib/db";
import { createScratchDatabase, migrationsFolder, postgresTarget, testDatabaseUrl } from "./harness";
import { storeSuite } from "./store-suite";

// Runs wherever TEST_DATABASE_URL is set (CI: scripts/test-postgres.sh); a visible skip otherwise.
if (testDatabaseUrl) {
  const adminUrl = testDatabaseUrl;
  storeSuite("postgres", () => postgresTarget(adminUrl));

  describe("postgres-only: instances starting together", () => {
    it("apply the migrations once, under the advisory lock, without crashing", async () => {
      const scratch = await createScratchDatabase(adminUrl);
      try {
        const stores = await Promise.all(
          Array.from({ length: 4 }, () => openStore({ databaseUrl: scratch.url, migrationsFolder, poolMax: 2 })),
        );
        const [first] = stores;
        const applied = await executeRows<{ n: number }>(
          first!.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
          entries: unknown[];
        };
        expect(applied[0]?.n).toBe(journal.entries.length);
        await Promise.all(stores.map((s) => s.close()));
      } finally {
        await scratch.drop();
      }
    });
  });
} else {
  describe.skip("store on postgres (set TEST_DATABASE_URL)", () => it("skipped", () => undefined));
}
