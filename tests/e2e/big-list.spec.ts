import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startNext, type NextServer } from "../../bench/support/next-server";
import { startSandboxProcess, type SandboxProcess } from "../../bench/support/sandbox-process";
import { signInAs } from "./support/session";

// A 100,000-ticket account on a sandbox and a Desk of their own (the shared ones hold a few
// hundred tickets): however deep the agent scrolls, the list keeps only the rows near the screen.

const PAGES = 20;
let big: SandboxProcess | null = null;
let desk: NextServer | null = null;
let stateDir = "";

test.describe("a very long list", () => {
  test.describe.configure({ timeout: 240_000 });

  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(240_000);
    stateDir = mkdtempSync(path.join(tmpdir(), "gorgias-desk-big-"));
    big = await startSandboxProcess(path.join(stateDir, "sandbox"), ["--tickets", "100000", "--no-rate-limit"]);
    const base = testInfo.config.metadata.deskEnv as Record<string, string>;
    const env = { ...base, NODE_ENV: "production" as const, SANDBOX_URL: big.url, GORGIAS_API_URL: `${big.url}/{accountDomain}/api`, DATABASE_URL: "", PGLITE_DIR: path.join(stateDir, "pglite") };
    mkdirSync(testInfo.outputPath(), { recursive: true });
    desk = await startNext({ env, logFile: testInfo.outputPath("desk.log") });
  });

  test.afterAll(async () => {
    await desk?.stop();
    await big?.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  test(`after scrolling ${PAGES} pages of a 100,000-ticket account the list holds fewer than 2,000 DOM nodes`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAs(page, "admin", "demo", desk!.url);
    const list = page.getByTestId("ticket-scroller");
    await expect(page.getByTestId("ticket-row").first()).toBeVisible();
    const pageSize = await page.getByTestId("ticket-row").count();
    const deepest = () => page.getByTestId("ticket-row").evaluateAll((rows) => Math.max(...rows.map((r) => Number(r.getAttribute("aria-rowindex")))));
    // The sentinel loads the next page as the end of the list comes near, as an agent scrolling would.
    for (let i = 0; i < PAGES * 4 && (await deepest()) < PAGES * 30; i++) {
      await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(250);
    }
    expect(await deepest()).toBeGreaterThanOrEqual(PAGES * 30);
    const nodes = await list.evaluate((el) => el.querySelectorAll("*").length);
    const rendered = await page.getByTestId("ticket-row").count();
    console.log(`rows loaded ≥ ${await deepest()}, rows in the DOM ${rendered} (first screen ${pageSize}), list DOM nodes ${nodes}`);
    expect(nodes).toBeLessThan(2_000);
    // Screen readers still hear where they are in the whole list.
    const last = page.getByTestId("ticket-row").last();
    expect(Number(await last.getAttribute("aria-rowindex"))).toBeGreaterThanOrEqual(PAGES * 30);
    await expect(page.getByRole("grid")).toHaveAttribute("aria-rowcount", "-1");
  });
});
