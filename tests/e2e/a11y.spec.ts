import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { signInAs, snapshot } from "./support/session";

for (const scheme of ["light", "dark"] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });

    test("sign-in page", async ({ page }) => {
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await snapshot(page, `a11y-sign-in-${scheme}`);
    });

    test("inbox, ticket and new-ticket pages", async ({ page }) => {
      await signInAs(page, "admin");
      await expect(page.getByTestId("ticket-row").first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByTestId("ticket-row").first().getByRole("link").first().click();
      await expect(page).toHaveURL(/\/demo\/tickets\/\d+/);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto("/demo/tickets/new");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
