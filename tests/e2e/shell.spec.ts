import { expect, test } from "@playwright/test";
import { SHORTCUTS, shortcutLabel, type ShortcutId } from "../../features/shell/client/shortcuts";
import { seriousViolations } from "./support/axe";
import { signInAs, snapshot } from "./support/session";

test.describe("app shell", () => {
  test("? lists every shortcut, and never fires while typing", async ({ page }) => {
    await signInAs(page, "agent");
    await expect(page.getByTestId("ticket-row").first()).toBeVisible();
    // Focus somewhere an agent would be (j selects and focuses a row): Esc must bring it back there.
    await expect(page.getByTestId("inbox")).toHaveAttribute("data-hydrated", "true");
    await page.keyboard.press("j");
    const row = page.getByTestId("ticket-row").first().getByRole("link").first();
    await expect(row).toBeFocused();
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help).toHaveAttribute("data-testid", "shortcut-help");
    // The table loads with the dialog on the first `?`.
    await expect(help.locator("kbd").first()).toBeVisible();
    const listed = await help.locator("kbd").allTextContents();
    for (const id of Object.keys(SHORTCUTS) as ShortcutId[]) expect(listed).toContain(shortcutLabel(id));
    expect(listed).toContain("Ctrl/⌘ + Shift + Enter");
    // While it is open, page shortcuts stay quiet: j does not move the selection behind it.
    await page.keyboard.press("j");
    await expect(page.getByTestId("ticket-row").nth(1)).not.toHaveAttribute("aria-selected", "true");
    expect(await seriousViolations(page)).toEqual([]);
    await snapshot(page, "shortcut-help");
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
    await expect(row).toBeFocused();

    // In a text field the same key is just a character.
    const field = page.getByRole("searchbox").or(page.getByRole("textbox")).first();
    await field.click();
    await page.keyboard.type("why?");
    await expect(help).toBeHidden();
    await expect(field).toHaveValue(/why\?/);
  });

  test("theme: system by default, switchable, remembered", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await signInAs(page, "agent");
    const bodyBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bodyBackground()).not.toBe("rgb(255, 255, 255)");

    await page.getByTestId("theme-switch").selectOption("light");
    await expect(page.locator("html")).toHaveClass(/light/);
    expect(await bodyBackground()).toBe("rgb(255, 255, 255)");
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/light/);
    expect(await bodyBackground()).toBe("rgb(255, 255, 255)");

    await page.getByTestId("theme-switch").selectOption("dark");
    await page.emulateMedia({ colorScheme: "light" });
    await page.reload();
    expect(await bodyBackground()).not.toBe("rgb(255, 255, 255)");
    await snapshot(page, "theme-dark");
    await page.getByTestId("theme-switch").selectOption("system");
    await expect(page.locator("html")).not.toHaveClass(/dark|light/);
  });

  test("unknown addresses: another account's URL and a mistyped path each say so and lead back", async ({ page }) => {
    await signInAs(page, "agent");
    const answer = await page.goto("/acme");
    expect(answer?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toContainText("This address belongs to another Gorgias account");
    await page.getByRole("link", { name: "Go to your inbox on demo" }).click();
    await expect(page).toHaveURL(/\/demo(\?|$)/);

    // Under the account's loading boundary the page streams, so Next answers 200 with the not-found
    // page (and a noindex tag) rather than a bare 404: what the agent sees is what matters.
    await page.goto("/demo/no/such/page");
    await expect(page.getByTestId("not-found")).toContainText("There is nothing at this address");
    // Inside the account's shell: the top bar is still there.
    await expect(page.getByTestId("theme-switch")).toBeVisible();
    await page.getByRole("link", { name: "Back to the inbox" }).click();
    await expect(page).toHaveURL(/\/demo(\?|$)/);
  });
});
