import { expect, test } from "@playwright/test";
import { gorgiasAsAdmin as asAdmin } from "./support/sandbox-control";
import { signInAs } from "./support/session";

test.describe("live desk", () => {
  test("the stream refuses anonymous callers and agents of another account; webhooks need the account's secret", async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await anonymous.get("/api/demo/stream")).status()).toBe(401);
    expect((await anonymous.post("/api/webhooks/gorgias/demo", { data: { ticket: { id: 1 } } })).status()).toBe(401);
    expect((await anonymous.post("/api/webhooks/gorgias/demo", { data: { ticket: { id: 1 } }, headers: { "x-desk-webhook-secret": "a guess" } })).status()).toBe(401);
    await anonymous.dispose();

    await signInAs(page, "agent");
    expect((await page.request.get("/api/acme/stream")).status()).toBe(404);
  });

  test("a change made elsewhere in Gorgias reaches the open inbox and the open thread by push", async ({ page }) => {
    await signInAs(page, "agent");
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
    const row = page.getByTestId("ticket-row").first();
    await expect(row).toBeVisible();
    const ticketId = Number(await row.getAttribute("data-ticket-id"));
    const subject = `Changed in Gorgias ${Date.now()}`;
    await asAdmin("PUT", `/tickets/${ticketId}`, { subject });
    await expect(page.getByTestId("ticket-row").filter({ hasText: subject })).toBeVisible({ timeout: 8_000 });

    await page.goto(`/demo/tickets/${ticketId}`);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
    await expect(page.getByTestId("thread-message").first()).toBeVisible();
    const before = await page.getByTestId("thread-message").count();
    const text = `The customer writes again ${Date.now()}`;
    await asAdmin("POST", `/tickets/${ticketId}/messages`, {
      channel: "email",
      via: "email",
      from_agent: false,
      public: true,
      sender: { email: "live.customer@example.com" },
      source: { type: "email", from: { address: "live.customer@example.com", name: "Live Customer" }, to: [{ address: "support@demo.store" }] },
      body_text: text,
      body_html: `<p>${text}</p>`,
    });
    // Within the feed's read (every second in these tests, as a webhook would push) and one re-read.
    await expect(page.getByTestId("thread-message")).toHaveCount(before + 1, { timeout: 8_000 });
  });

  test("admins see the feed's health from the top bar; other agents neither the link nor the page", async ({ page, browser }) => {
    await signInAs(page, "admin");
    await page.getByTestId("feed-health-link").click();
    await expect(page).toHaveURL(/\/demo\/feed$/);
    await expect(page.getByRole("heading", { name: "Live feed" })).toBeVisible();
    // These tests run without webhooks: the Desk reads the event log instead.
    await expect(page.getByTestId("feed-webhooks")).toContainText("Not set up");
    // This page's own stream keeps the log read; once it has been, the Desk is current.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("feed-current")).toHaveAttribute("data-current", "true", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByTestId("feed-last-read")).toHaveText(/just now|ago/);

    const other = await browser.newContext();
    const agentPage = await other.newPage();
    await signInAs(agentPage, "agent");
    await expect(agentPage.getByTestId("ticket-row").first()).toBeVisible();
    await expect(agentPage.getByTestId("feed-health-link")).toHaveCount(0);
    await agentPage.goto("/demo/feed");
    await expect(agentPage.getByTestId("feed-admins-only")).toBeVisible();
    await other.close();
  });
});
