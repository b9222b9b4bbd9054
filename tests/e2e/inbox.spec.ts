import { expect, test, type Page } from "@playwright/test";
import { SANDBOX_URL, sandbox } from "./support/sandbox-control";
import { seriousViolations } from "./support/axe";
import { signInAs, snapshot } from "./support/session";

// Gorgias as the sandbox holds it, read with an agent's own key: what the inbox must show.
async function gorgias<T>(method: "GET" | "PUT", path: string, body?: unknown): Promise<T> {
  const admin = await sandbox.agentWithRole("admin");
  const res = await fetch(`${SANDBOX_URL}/demo/api${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${admin.email}:${admin.api_key}`).toString("base64")}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${method} ${path} → ${res.status}`);
  return (await res.json()) as T;
}

interface Item { id: number; customer: { id: number; email: string | null; name: string | null } | null }
type ViewItems = { data: Item[]; meta: { next_items: string | null } };

async function allViewItemIds(viewId: number): Promise<number[]> {
  const ids: number[] = [];
  let path: string | null = `/views/${viewId}/items?limit=100`;
  while (path) {
    const page: ViewItems = await gorgias<ViewItems>("GET", path);
    ids.push(...page.data.map((t) => t.id));
    path = page.meta.next_items ? page.meta.next_items.replace(/^\/api/, "") : null;
  }
  return ids;
}

const rows = (page: Page) => page.getByTestId("ticket-row");
// Shortcuts are bound once React has hydrated; the server's HTML shows rows before that.
const hydrated = (page: Page) => expect(page.getByTestId("inbox")).toHaveAttribute("data-hydrated", "true", { timeout: 20_000 });
/** The rows in the DOM (the virtualized list renders those on screen and a few either side). */
const renderedRows = (page: Page) =>
  rows(page).evaluateAll((els) => els.map((e) => [Number(e.getAttribute("aria-rowindex")), Number(e.getAttribute("data-ticket-id"))] as const));

/** The top rows keep their places, compared by position: a banner may change how many fit on screen. */
async function expectRowsKept(page: Page, before: ReadonlyArray<readonly [number, number]>): Promise<void> {
  await page.getByTestId("ticket-scroller").evaluate((el) => el.scrollTo(0, 0));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const now = await renderedRows(page);
  const common = now.filter(([i]) => before.some(([j]) => j === i));
  expect(common.length).toBeGreaterThan(5);
  expect(common).toEqual(before.filter(([i]) => now.some(([j]) => j === i)));
}

/**
 * Every loaded row in list order, read by scrolling the list from its top to its end a screen at
 * a time (only rows near the screen are in the DOM), then back to where it was.
 */
async function rowIds(page: Page): Promise<number[]> {
  const list = page.getByTestId("ticket-scroller");
  const byIndex = new Map<number, number>();
  const start = await list.evaluate((el) => el.scrollTop);
  for (let top = 0; ; ) {
    await list.evaluate((el, y) => el.scrollTo(0, y), top);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const [index, id] of await renderedRows(page)) byIndex.set(index, id);
    const { scrollHeight, clientHeight } = await list.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
    if (top + clientHeight >= scrollHeight) break;
    top += clientHeight;
  }
  await list.evaluate((el, y) => el.scrollTo(0, y), start);
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
}

async function scrollToEnd(page: Page) {
  const end = page.getByTestId("list-end");
  for (let i = 0; i < 40 && !(await end.isVisible()); i++) {
    await page.getByTestId("ticket-scroller").evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(300);
  }
  await expect(end).toBeVisible();
}

test.describe("inbox", () => {
  test.beforeEach(async () => {
    await sandbox.clearFaults();
  });

  test("browses a view to its end: every ticket once, as many as Gorgias holds", async ({ page }) => {
    await signInAs(page, "admin");
    const { data: views } = await gorgias<{ data: Array<{ id: number; name: string; slug: string }> }>("GET", "/views?limit=100");
    const open = views.find((v) => v.slug === "open");
    if (!open) throw new Error("no 'All open' view in the sandbox");
    const expected = await allViewItemIds(open.id);
    expect(expected.length).toBeGreaterThan(60);

    await page.getByTestId("view-sidebar").getByRole("link", { name: open.name }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]view=${open.id}`));
    await expect(page.getByRole("heading", { level: 1, name: open.name })).toBeAttached();
    await scrollToEnd(page);
    const seen = await rowIds(page);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(expected.length);
    expect([...seen].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    await snapshot(page, "inbox-view-end");
  });

  test("searches with Gorgias's ad-hoc view and keeps the search in the URL", async ({ page }) => {
    await signInAs(page, "admin");
    await hydrated(page);
    const term = "order";
    const expected = await gorgias<ViewItems>("PUT", "/views/0/items?limit=30", { view: { type: "ticket-list", search: term, order_by: "updated_datetime", order_dir: "desc" } });
    await page.keyboard.press("/");
    await expect(page.getByLabel("Search tickets")).toBeFocused();
    await page.keyboard.type(term);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]q=order/);
    // Reading every row scrolls the list, which loads its next pages: the first page is Gorgias's.
    const firstPage = async () => (await rowIds(page)).slice(0, expected.data.length);
    await expect.poll(firstPage).toEqual(expected.data.map((t) => t.id));
    await snapshot(page, "inbox-search");

    await page.reload();
    await expect(page.getByLabel("Search tickets")).toHaveValue(term);
    await expect.poll(firstPage).toEqual(expected.data.map((t) => t.id));
  });

  test("finds a customer by e-mail and shows only their tickets", async ({ page }) => {
    await signInAs(page, "admin");
    const { data } = await gorgias<{ data: Item[] }>("GET", "/tickets?limit=100&trashed=false");
    const counts = new Map<number, number>();
    for (const t of data) if (t.customer?.email) counts.set(t.customer.id, (counts.get(t.customer.id) ?? 0) + 1);
    const [customerId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    const customer = data.find((t) => t.customer?.id === customerId)?.customer;
    if (!customer?.email) throw new Error("no customer with an e-mail");
    const theirs = await gorgias<{ data: Item[] }>("GET", `/tickets?customer_id=${customer.id}&trashed=false&limit=100`);

    await page.getByRole("button", { name: "Customer", exact: true }).click();
    const finder = page.getByLabel("Find a customer by e-mail or name");
    if (customer.name) {
      await finder.fill(customer.name);
      await expect(page.getByRole("listbox", { name: "Matching customers" })).toContainText(customer.email);
    }
    await finder.fill(customer.email);
    await page.getByRole("listbox", { name: "Matching customers" }).getByRole("option", { name: customer.email }).first().click();
    await expect(page).toHaveURL(new RegExp(`[?&]customer=${customer.id}`));
    await expect(page.getByTestId("customer-chip")).toBeVisible();
    await expect.poll(() => rowIds(page)).toEqual(expect.arrayContaining(theirs.data.map((t) => t.id)));
    expect((await rowIds(page)).length).toBe(theirs.data.length);
    await snapshot(page, "inbox-customer");

    await page.getByRole("button", { name: /^Remove the customer filter/ }).click();
    await expect(page).not.toHaveURL(/customer=/);
  });

  test("switches the order between last updated and created, newest and oldest", async ({ page }) => {
    await signInAs(page, "admin");
    const oldest = await gorgias<{ data: Item[] }>("GET", "/tickets?limit=3&trashed=false&order_by=created_datetime:asc");
    await page.getByLabel("Sort by").selectOption("created");
    await page.getByLabel("Sort direction").selectOption("asc");
    await expect(page).toHaveURL(/order=created%3Aasc|order=created:asc/);
    await expect.poll(async () => (await rowIds(page)).slice(0, 3)).toEqual(oldest.data.map((t) => t.id));
    await snapshot(page, "inbox-order");
  });

  test("j/k move the selection, Enter opens, / searches, c starts a ticket", async ({ page }) => {
    await signInAs(page, "admin");
    await hydrated(page);
    const ids = await rowIds(page);
    await page.keyboard.press("j");
    await expect(rows(page).nth(0)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await expect(rows(page).nth(1)).toHaveAttribute("aria-selected", "true");
    await expect(rows(page).nth(0)).toHaveAttribute("aria-selected", "false");
    await expect(rows(page).nth(1).getByRole("link")).toBeFocused();
    await snapshot(page, "inbox-keyboard");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/demo/tickets/${ids[1]}$`));
    await page.goBack();
    await hydrated(page);
    await page.keyboard.press("/");
    await expect(page.getByLabel("Search tickets")).toBeFocused();
    await page.keyboard.press("Escape");
    await page.keyboard.press("n");
    await expect(page).toHaveURL(/\/demo\/tickets\/new$/);
  });

  test("closes and reopens a ticket from its row: shown at once, and Gorgias has it", async ({ page }) => {
    await signInAs(page, "admin");
    await hydrated(page);
    const open = rows(page).filter({ has: page.getByTestId("ticket-status").getByText("open", { exact: true }) }).first();
    const id = Number(await open.getAttribute("data-ticket-id"));
    // Found by id: a live refresh may move the row once Gorgias has the change.
    const row = page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);
    const statusInGorgias = async () => (await gorgias<{ status: string }>("GET", `/tickets/${id}`)).status;

    await row.getByRole("button", { name: `Close ticket ${id}` }).click();
    await expect(row.getByTestId("ticket-status")).toHaveText("closed");
    await expect.poll(statusInGorgias).toBe("closed");
    await row.getByRole("button", { name: `Reopen ticket ${id}` }).click();
    await expect(row.getByTestId("ticket-status")).toHaveText("open");
    await expect.poll(statusInGorgias).toBe("open");
  });

  test("a new customer message appears without a reload", async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, "admin");
    await expect(rows(page).first()).toBeVisible();
    // Two pages on screen, so a refresh that re-read every loaded page would show in the log.
    await page.getByTestId("ticket-scroller").evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(async () => (await rowIds(page)).length).toBeGreaterThan(30);
    // Back at the top, where the new ticket will show (only rows near the screen are rendered).
    await page.getByTestId("ticket-scroller").evaluate((el) => el.scrollTo(0, 0));
    await page.evaluate(() => ((window as unknown as { inboxMarker: number }).inboxMarker = 1));
    await sandbox.clearRequests();
    const { ticket_id } = await sandbox.activity();
    await expect(rows(page).first()).toHaveAttribute("data-ticket-id", String(ticket_id), { timeout: 30_000 });
    const log = await sandbox.requests();
    // The change came through the live feed's read of that one ticket; the shared cache patches the
    // first page with it, so the list is read again at most once, and no loaded page ever is.
    expect(log.some((r) => r.method === "GET" && r.path === `/api/tickets/${ticket_id}`)).toBe(true);
    const reads = log.filter((r) => r.method === "GET" && r.path.endsWith("/api/tickets"));
    expect(reads.length).toBeLessThanOrEqual(1);
    expect(reads.filter((r) => r.query.cursor !== undefined)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { inboxMarker?: number }).inboxMarker)).toBe(1);
    const ids = await rowIds(page);
    expect(new Set(ids).size).toBe(ids.length);
    await snapshot(page, "inbox-refreshed");
  });

  test("a 429 shows a calm banner and the list stays", async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, "admin");
    await expect(rows(page).first()).toBeVisible();
    const before = await renderedRows(page);
    await sandbox.fault({ method: "*", path: "/api/*", kind: "status", status: 429, retryAfter: 3, count: 5 });
    await page.getByTestId("ticket-scroller").evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(page.getByTestId("busy-banner")).toContainText(/Gorgias is busy, resuming/, { timeout: 30_000 });
    await expect(page.getByTestId("inbox-error")).toHaveCount(0);
    await expectRowsKept(page, before);
    await snapshot(page, "inbox-rate-limited");
    await expect(page.getByTestId("busy-banner")).toHaveCount(0, { timeout: 45_000 });
    await expect(page.getByTestId("inbox-error")).toHaveCount(0);
    await expectRowsKept(page, before);
  });

  test("an inbox opened while Gorgias cannot be reached says so, and shows the tickets by itself once it answers", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, "admin");
    await expect(rows(page).first()).toBeVisible();
    await sandbox.fault({ method: "*", path: "/api/*", kind: "status", status: 503, count: 100_000 });
    // A search nobody made before: no cache of ours can answer it, only Gorgias.
    await page.goto(`/demo?q=${encodeURIComponent(`order ${Date.now()}`)}`);
    await expect(page.getByTestId("outage-panel")).toContainText("Gorgias cannot be reached right now", { timeout: 60_000 });
    await expect(rows(page)).toHaveCount(0);
    await snapshot(page, "inbox-outage");
    await sandbox.clearFaults();
    // Gorgias answered the search (with its matches, or none): no click was needed.
    await expect(page.getByTestId("inbox-empty").or(rows(page).first())).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId("outage-panel")).toHaveCount(0);
  });

  test("a loaded inbox shows when Gorgias stops answering, keeps the list, and recovers by itself", async ({ page }) => {
    test.setTimeout(150_000);
    await signInAs(page, "admin");
    await expect(rows(page).first()).toBeVisible();
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 30_000 });
    const before = await renderedRows(page);
    await sandbox.fault({ method: "*", path: "/api/*", kind: "status", status: 503, count: 100_000 });
    // The change feed stops reading Gorgias; the page hears it, asks for itself and meets the outage.
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "stalled", { timeout: 60_000 });
    await expect(page.getByTestId("outage-banner")).toContainText(/Gorgias cannot be reached\. The list is as of/, { timeout: 60_000 });
    await expectRowsKept(page, before);
    await sandbox.clearFaults();
    await expect(page.getByTestId("outage-banner")).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 60_000 });
  });

  test("dark mode on a 390 px phone: views in a select, no serious axe findings", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, "admin");
    await expect(rows(page).first()).toBeVisible();
    await expect(page.getByTestId("view-sidebar")).toBeHidden();
    await expect(page.getByLabel("View", { exact: true })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await snapshot(page, "inbox-phone-dark");

    await page.getByLabel("View", { exact: true }).selectOption({ label: "Closed" });
    await expect(page).toHaveURL(/[?&]view=\d+/);
    // A snoozed ticket is a closed one (docs/architecture.md, "Snooze"), shown with its own chip.
    await expect(rows(page).first().getByTestId("ticket-status")).toHaveText(/^(closed|snoozed)$/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await snapshot(page, "inbox-desktop-dark");
  });
});
