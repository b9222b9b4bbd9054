import { expect, test } from "@playwright/test";
import { gorgiasAsAdmin as gorgias, sandbox, type LoggedRequest } from "./support/sandbox-control";
import { signInAs } from "./support/session";

interface WireTicket {
  id: number;
  channel: string;
  status: string;
  is_unread: boolean;
  customer: { email: string | null } | null;
}

/**
 * What the journey cost Gorgias, by call. Not the journey's: the event log the live desk reads, and
 * reference lists (users, teams, tags, views, macros), read once per account for ten minutes.
 */
const NOT_THE_JOURNEY = /^\/api\/(events|users|teams|tags|views|macros)$/;
function tally(log: readonly LoggedRequest[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of log) {
    if (NOT_THE_JOURNEY.test(r.path)) continue;
    const key = `${r.method} ${r.path.replace(/\/\d+/g, "/{id}")}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

test("inbox → open a ticket → reply and close → back to the inbox: each step at its minimum of upstream calls", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "agent");
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
  // Steady state: the feed has started reading the event log (a fresh start forgets what the cache
  // read just before), and the inbox is read again under it.
  await page.waitForTimeout(2_500);
  await page.reload();
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
  // An open e-mail ticket the inbox shows on its first page.
  await expect(page.getByTestId("ticket-row").first()).toBeVisible();
  const { data } = await gorgias<{ data: WireTicket[] }>("GET", "/tickets?limit=30&order_by=updated_datetime:desc");
  const shown = new Set(await page.getByTestId("ticket-row").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-ticket-id")))));
  const ticket = data.find((t) => t.channel === "email" && t.status === "open" && t.customer?.email && shown.has(t.id));
  if (!ticket) throw new Error("no open e-mail ticket on the inbox's first page");
  // The inbox is on screen; from here on every call is the journey's.
  // This journey goes back to the inbox by hand, so the desk stays on the ticket after Send & close.
  await page.getByTestId("after-done-switch").selectOption("stay");
  await page.waitForTimeout(1_500);
  await sandbox.clearRequests();

  await page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticket.id}"]`).getByRole("link").first().click();
  const composer = page.getByTestId("composer");
  await expect(composer.getByRole("textbox")).toBeVisible({ timeout: 30_000 });
  await composer.getByRole("textbox").fill("Thanks, that is all sorted now.");
  await composer.getByRole("button", { name: "Send & close" }).click();
  await expect(composer.getByTestId("composer-status")).toHaveText("Email sent · ticket closed", { timeout: 30_000 });
  await page.goBack();
  await expect(page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticket.id}"]`).getByTestId("ticket-status")).toHaveText("closed", { timeout: 15_000 });
  // The feed re-reads the versions the journey made (every second in these tests, as webhooks would push).
  await page.waitForTimeout(3_000);

  const calls = tally(await sandbox.requests());
  console.log(`journey upstream calls: ${JSON.stringify(calls)}`);
  // The two writes, once each, and marking the ticket read when it was unread (one write per open).
  const markedRead = ticket.is_unread ? 1 : 0;
  expect(calls["POST /api/tickets/{id}/messages"]).toBe(1);
  expect(calls["PUT /api/tickets/{id}"]).toBe(1 + markedRead);
  // Reads: the open (the ticket, its thread embedded and vouched for by the list row's count; the
  // customer's other tickets for the side panel), the reply's fresh read before sending (the
  // stale-thread check and the addressing), and the change feed's one read of the version the reply
  // made. The inbox's list and the thread are not read again: the shared cache holds them, patched.
  expect(calls["GET /api/tickets/{id}"] ?? 0).toBeLessThanOrEqual(3);
  expect(calls["GET /api/tickets"] ?? 0).toBeLessThanOrEqual(1);
  expect(calls["GET /api/messages"] ?? 0).toBe(0);
  // Real tickets do not name the integrations a reply may leave from (issue 9): the account's list
  // is read once and cached for the from-address (docs/safety.md#reply-from); none in a warm process.
  expect(calls["GET /api/integrations"] ?? 0).toBeLessThanOrEqual(1);
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  expect(total).toBeLessThanOrEqual(6 + markedRead);
});
