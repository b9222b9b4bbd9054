import { describe, it } from "vitest";
import { postgresTarget, testDatabaseUrl } from "./harness";
import { storeSuite } from "./store-suite";

// Runs wherever TEST_DATABASE_URL is set (CI: scripts/test-postgres.sh); a visible skip otherwise.
if (testDatabaseUrl) {
  const adminUrl = testDatabaseUrl;
  storeSuite("postgres", () => postgresTarget(adminUrl));
} else {
  describe.skip("store on postgres (set TEST_DATABASE_URL)", () => it("skipped", () => undefined));
}
