import { expect, type Page } from "@playwright/test";
import { sandbox, type SandboxAgent } from "./sandbox-control";

const PREFERENCES_KEY = "gorgias-desk.preferences";

/**
 * Sends go at once in the suites, as they did before undo send: a page that has no desk preferences
 * yet starts with the wait off. A spec that tests the wait picks it in the top bar (the choice is
 * then stored, and this leaves it alone).
 */
async function sendAtOnce(page: Page): Promise<void> {
  await page.addInitScript((key) => {
    try {
      if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, JSON.stringify({ undoSendSeconds: 0 }));
    } catch {
      // A page without storage (about:blank) has no composer either.
    }
  }, PREFERENCES_KEY);
}

/** Signs in through the sign-in page's one-click sandbox list, as an agent would. */
export async function signInAs(page: Page, role = "admin", domain = "demo", deskUrl = ""): Promise<SandboxAgent> {
  const agent = await sandbox.agentWithRole(role, domain);
  await sendAtOnce(page);
  const signedIn = new RegExp(`/${domain}(\\?|$|/)`);
  // A key check runs in the lowest lane of the account's budget and gives up after a few seconds
  // when the team's calls fill it (lib/gorgias/lanes.ts); the suite's own traffic can do that, and
  // an agent would then simply try again, as this does, twice at most.
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${deskUrl}/sign-in`);
    await page.getByRole("button", { name: `Sign in as ${agent.name} (${agent.role}, ${domain})` }).click();
    // Generous: the first sign-in after a cold start also checks the key with Gorgias.
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?error=|/${domain}(\\?|$|/)`), { timeout: 30_000 });
    if (signedIn.test(page.url()) || attempt === 3) break;
    await page.waitForTimeout(3_000);
  }
  await expect(page).toHaveURL(signedIn);
  return agent;
}

/** Saves a screenshot as a test artifact (test-results/screenshots), for the README and reviewers. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
