import { expect, test, type Page } from "@playwright/test";
import { formatMoney } from "../../lib/domain/money";
import { seriousViolations } from "./support/axe";
import { gorgiasAsAdmin, sandbox, SANDBOX_URL } from "./support/sandbox-control";
import { signInAs } from "./support/session";

interface WireTicket {
  id: number;
  subject: string | null;
  customer: { id: number } | null;
  created_datetime: string;
}
interface WireOrder {
  name: string;
  created_at: string;
  currency: string;
  total_price: string;
  financial_status: string;
  fulfillment_status: string | null;
  line_items: { title: string; quantity: number; price: string }[];
  fulfillments: { tracking_company: string; tracking_number: string; tracking_url: string }[];
}
interface WireCustomer {
  id: number;
  email: string;
  channels: { type: string; address: string }[];
  integrations: Record<string, { __integration_type__?: string; orders?: WireOrder[] }>;
}

const newest = (orders: readonly WireOrder[]) => [...orders].sort((a, b) => b.created_at.localeCompare(a.created_at))[0];

/** A seeded Shopify customer with two tickets or more whose newest order has shipped with a tracking link. */
async function shopifyCustomer(): Promise<{ customer: WireCustomer; order: WireOrder; tickets: WireTicket[] }> {
  const { data } = await gorgiasAsAdmin<{ data: WireTicket[] }>("GET", "/tickets?limit=100");
  const byCustomer = new Map<number, WireTicket[]>();
  for (const t of data) if (t.customer) byCustomer.set(t.customer.id, [...(byCustomer.get(t.customer.id) ?? []), t]);
  for (const [id, tickets] of byCustomer) {
    if (tickets.length < 2) continue;
    const customer = await gorgiasAsAdmin<WireCustomer>("GET", `/customers/${id}`);
    const shop = Object.values(customer.integrations).find((i) => i.__integration_type__ === "shopify");
    const order = shop?.orders && newest(shop.orders);
    if (order?.fulfillment_status === "fulfilled" && order.fulfillments[0]?.tracking_url) return { customer, order, tickets };
  }
  throw new Error("no seeded Shopify customer with two tickets and a shipped order");
}

async function customerReads(customerId: number): Promise<number> {
  return (await sandbox.requests()).filter((r) => r.method === "GET" && r.path === `/api/customers/${customerId}`).length;
}

const panel = (page: Page) => page.getByTestId("customer-panel");

test.describe("the ticket's customer panel and the Mod+K palette", () => {
  test("a Shopify customer's orders, channels, other tickets and Gorgias page; read once, then cached", async ({ page }) => {
    const { customer, order, tickets } = await shopifyCustomer();
    const [here, other] = tickets;
    await signInAs(page, "agent");
    await sandbox.clearRequests();
    await page.goto(`/demo/tickets/${here!.id}`);

    // Orders: the newest first, with its statuses, items, total and a tracking link to a new tab.
    const first = panel(page).getByTestId("store-order").first();
    await expect(first).toContainText(order.name);
    const statuses = first.getByTestId("order-status");
    await expect(statuses).toContainText(["Fulfilled"]);
    await expect(statuses.first()).toHaveText(order.financial_status === "paid" ? "Paid" : /refunded/i);
    for (const item of order.line_items) await expect(first.getByTestId("order-item").filter({ hasText: item.title })).toContainText(`${item.quantity} × ${item.title}`);
    await expect(first.getByTestId("order-total")).toContainText(formatMoney(order.total_price, order.currency, "en-US")!);
    const shipment = order.fulfillments[0]!;
    const track = first.getByRole("link", { name: new RegExp(`Track ${shipment.tracking_company} ${shipment.tracking_number}`) });
    await expect(track).toHaveAttribute("href", shipment.tracking_url);
    await expect(track).toHaveAttribute("target", "_blank");
    await expect(track).toHaveAttribute("rel", "noopener noreferrer");

    // Contact channels, and the customer's page in (the sandbox's) Gorgias.
    const channels = panel(page).getByTestId("customer-channels");
    for (const c of customer.channels) await expect(channels).toContainText(c.address);
    const gorgias = panel(page).getByTestId("customer-gorgias-link");
    await expect(gorgias).toHaveAttribute("href", `${SANDBOX_URL}/demo/app/customer/${customer.id}`);
    await expect(gorgias).toHaveAttribute("rel", "noopener noreferrer");
    const [gorgiasPage] = await Promise.all([page.waitForEvent("popup"), gorgias.click()]);
    await expect(gorgiasPage.getByRole("heading", { level: 1 })).toHaveText(await panel(page).getByTestId("customer-name").innerText());
    await gorgiasPage.close();

    expect(await seriousViolations(page)).toEqual([]);
    // Tall enough for the whole panel: it is sticky, so a screenshot of it clips at the viewport.
    await page.setViewportSize({ width: 1280, height: 1600 });
    await panel(page).screenshot({ path: "docs/screenshots/customer-panel.png" });
    await page.setViewportSize({ width: 1280, height: 720 });

    // The timeline lists the other ticket; its link opens it in the Desk, and its panel reads nothing again.
    const entry = panel(page).getByTestId("customer-ticket").filter({ has: page.locator(`a[href="/demo/tickets/${other!.id}"]`) });
    await entry.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/demo/tickets/${other!.id}$`));
    await expect(panel(page).getByTestId("store-order").first()).toContainText(order.name);
    await expect(panel(page).getByTestId("customer-ticket").filter({ has: page.locator(`a[href="/demo/tickets/${here!.id}"]`) })).toBeVisible();
    await page.reload();
    await expect(panel(page).getByTestId("store-order").first()).toContainText(order.name);
    expect(await customerReads(customer.id)).toBe(1);
  });

  test("messy store data: what can be shown is, and a tracking link that is not a web address is text", async ({ page }) => {
    const { data: found } = await gorgiasAsAdmin<{ data: { id: number }[] }>("GET", "/customers?email=sunny.day@mail.example");
    const { data: theirs } = await gorgiasAsAdmin<{ data: WireTicket[] }>("GET", `/tickets?customer_id=${found[0]!.id}`);
    await signInAs(page, "agent");
    await page.goto(`/demo/tickets/${theirs[0]!.id}`);
    const orders = panel(page).getByTestId("store-order");
    await expect(orders.filter({ hasText: "#1099" })).toContainText("1 × Summit Down Parka");
    await expect(orders.filter({ hasText: "#1042" })).toBeVisible();
    const shipments = orders.filter({ hasText: "#1099" }).getByTestId("order-fulfilment");
    await expect(shipments.first()).toHaveText(/UPS 1ZMESSY0001/);
    await expect(shipments.first().getByRole("link")).toHaveCount(0);
    await expect(shipments.nth(1).getByRole("link")).toHaveAttribute("href", "https://track.dhl.example/LX123456789");
    await expect(panel(page).locator('a[href^="javascript:"]')).toHaveCount(0);
    await expect(panel(page).getByTestId("customer-store")).toHaveCount(2);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("Mod+K from a ticket, even while typing a reply, finds a ticket by its subject and opens it", async ({ page }) => {
    const { data } = await gorgiasAsAdmin<{ data: WireTicket[] }>("GET", "/tickets?limit=100");
    const counts = new Map<string, number>();
    for (const t of data) if (t.subject) counts.set(t.subject, (counts.get(t.subject) ?? 0) + 1);
    const target = data.find((t) => t.subject && t.subject.length > 12 && counts.get(t.subject) === 1 && !/[#?]/.test(t.subject))!;
    const start = data.find((t) => t.id !== target.id)!;
    await signInAs(page, "agent");
    await page.goto(`/demo/tickets/${start.id}`);

    // Typing a reply: single keys are text, Mod+K is the palette's.
    const reply = page.getByTestId("composer").getByRole("textbox");
    await reply.click();
    await page.keyboard.type("Checking ok");
    await page.keyboard.press("ControlOrMeta+k");
    const palette = page.getByRole("dialog", { name: "Search" });
    await expect(palette).toBeVisible();
    // (A modal hides the page from the accessibility tree, so the field is found by its element here.)
    await expect(page.getByTestId("composer").locator("textarea")).toHaveValue("Checking ok");

    await palette.getByRole("combobox").fill(target.subject!);
    const hit = palette.getByTestId("palette-ticket").filter({ hasText: `#${target.id}` });
    await expect(hit).toBeVisible({ timeout: 15_000 });
    await expect(palette.getByTestId("palette-action").filter({ hasText: "Keyboard shortcuts" })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "docs/screenshots/search-palette.png" });

    await hit.click();
    await expect(page).toHaveURL(new RegExp(`/demo/tickets/${target.id}$`));
    await expect(palette).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(target.subject!);

    // Its actions: the shortcuts help, grouped by where keys work, with Mod+K in it.
    await page.keyboard.press("ControlOrMeta+k");
    await expect(palette).toBeVisible();
    await palette.getByRole("combobox").fill("shortcuts");
    await page.keyboard.press("Enter");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help.getByRole("heading", { name: "Everywhere" })).toBeVisible();
    await expect(help.locator('[data-shortcut="search"]')).toContainText("Ctrl/⌘ + K");
    expect(await seriousViolations(page)).toEqual([]);
  });
});
