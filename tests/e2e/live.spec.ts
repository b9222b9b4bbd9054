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
});
