import { expect, type Page } from "@playwright/test";
import { sandbox, type SandboxAgent } from "./sandbox-control";

/** Signs in through the sign-in page's one-click sandbox list, as an agent would. */
export async function signInAs(page: Page, role = "admin", domain = "demo", deskUrl = ""): Promise<SandboxAgent> {
  const agent = await sandbox.agentWithRole(role, domain);
  await page.goto(`${deskUrl}/sign-in`);
  await page.getByRole("button", { name: `Sign in as ${agent.name} (${agent.role}, ${domain})` }).click();
  // Generous: the first sign-in after a cold start also checks the key with Gorgias.
  await expect(page).toHaveURL(new RegExp(`/${domain}(\\?|$|/)`), { timeout: 30_000 });
  return agent;
}

/** Saves a screenshot as a test artifact (test-results/screenshots), for the README and reviewers. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
