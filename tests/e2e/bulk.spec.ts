import { expect, test, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { gorgiasAsAdmin, SANDBOX_URL, sandbox } from "./support/sandbox-control";
import { signInAs, snapshot } from "./support/session";

// Bulk changes from the list (issue 10, item 8) and the list's keys (item 10), against the sandbox:
// what Gorgias received (the request log) and what it now holds.

interface WireTicket {
  id: number;
  status: string;
  is_unread: boolean;
  spam: boolean;
  trashed_datetime: string | null;
  assignee_user: { id: number } | null;
  tags: { name: string }[];
}

const rows = (page: Page) => page.getByTestId("ticket-row");
const row = (page: Page, id: number) => page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);
const hydrated = (page: Page) => expect(page.getByTestId("inbox")).toHaveAttribute("data-hydrated", "true", { timeout: 20_000 });
const bar = (page: Page) => page.getByRole("toolbar", { name: "Bulk actions" });
const toast = (page: Page, text: string | RegExp) => page.getByTestId("toast").filter({ hasText: text });
const check = (r: Locator) => r.getByTestId("row-check");
const idsOf = async (page: Page, n: number) => (await rows(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-ticket-id"))))).slice(0, n);

async function tickets(ids: readonly number[]): Promise<Map<number, WireTicket>> {
  const { data } = await gorgiasAsAdmin<{ data: WireTicket[] }>("GET", `/tickets?ticket_ids=${ids.join(",")}&limit=100`);
  return new Map(data.map((t) => [t.id, t]));
}
const ticket = async (id: number) => (await tickets([id])).get(id)!;
/** A write as another party would make it (answers with no body, like a tag POST, are fine). */
async function write(method: "PUT" | "POST", path: string, body: unknown): Promise<void> {
  const admin = await sandbox.agentWithRole("admin");
  const res = await fetch(`${SANDBOX_URL}/demo/api${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${admin.email}:${admin.api_key}`).toString("base64")}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}`);
}

// Tall enough that the first page's 30 rows are all rendered (the list is virtualized).
test.use({ viewport: { width: 1440, height: 2000 } });
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async () => {
  await sandbox.reset();
});
test.afterEach(async () => {
  await sandbox.config({ rateLimit: false });
});

test("a bulk close of 25 tickets with Gorgias's rate limit on: each closed exactly once, no error", async ({ page }) => {
  await sandbox.config({ rateLimit: true });
  await signInAs(page, "admin");
  await hydrated(page);
  const ids = await idsOf(page, 25);
  expect(ids).toHaveLength(25);
  await sandbox.clearRequests();

  // A click, then Shift-click 25 rows down: the range between.
  await check(row(page, ids[0]!)).click();
  await check(row(page, ids[24]!)).click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("bulk-count")).toHaveText("25 selected");
  await bar(page).getByRole("button", { name: "Close", exact: true }).click();

  await expect(toast(page, "Closed 25 tickets.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("toast").filter({ hasText: /Couldn't|busy/ })).toHaveCount(0);
  const log = await sandbox.requests();
  const puts = log.filter((r) => r.method === "PUT" && /^\/api\/tickets\/\d+$/.test(r.path));
  for (const id of ids) {
    const mine = puts.filter((r) => r.path === `/api/tickets/${id}`);
    expect(mine.map((r) => [r.status, r.body]), `ticket ${id}`).toEqual([[200, { status: "closed" }]]);
  }
  expect(puts).toHaveLength(25);
  expect(log.filter((r) => r.path === "/api/jobs")).toHaveLength(0);
  for (const t of (await tickets(ids)).values()) expect(t.status).toBe("closed");
});

test("undo of a bulk assign and a bulk tag puts back each ticket's own assignee and tags", async ({ page }) => {
  const agents = await sandbox.agents();
  const [a, b, target] = agents.filter((x) => x.role !== "observer-agent");
  await signInAs(page, "admin");
  await hydrated(page);
  const ids = await idsOf(page, 3);
  const assignees = [null, a!.id, b!.id];
  for (const [i, id] of ids.entries()) await write("PUT", `/tickets/${id}`, { assignee_user: assignees[i] === null ? null : { id: assignees[i] } });
  await write("POST", `/tickets/${ids[0]}/tags`, { names: ["bulk-kept"] });
  await page.reload();
  await hydrated(page);
  for (const id of ids) await check(row(page, id)).click();
  await expect(page.getByTestId("bulk-count")).toHaveText("3 selected");

  await bar(page).getByTestId("bulk-assign").click();
  const agentsPicker = page.getByRole("dialog", { name: "Assign to" });
  await agentsPicker.getByRole("combobox").fill(target!.name);
  await agentsPicker.getByRole("option", { name: target!.name }).first().click();
  const assigned = toast(page, /Assigned 3 tickets/);
  await expect(assigned).toBeVisible({ timeout: 30_000 });
  for (const t of (await tickets(ids)).values()) expect(t.assignee_user?.id).toBe(target!.id);
  await assigned.getByRole("button", { name: "Undo" }).click();
  await expect.poll(async () => [...(await tickets(ids)).values()].sort((x, y) => ids.indexOf(x.id) - ids.indexOf(y.id)).map((t) => t.assignee_user?.id ?? null), { timeout: 30_000 }).toEqual(assignees);

  for (const id of ids) await check(row(page, id)).click();
  await bar(page).getByTestId("bulk-tag").click();
  const tagPicker = page.getByRole("dialog", { name: "Add a tag" });
  await tagPicker.getByRole("combobox").fill("bulk-kept");
  await tagPicker.getByRole("option", { name: "bulk-kept", exact: true }).click();
  const tagged = toast(page, /Tagged 3 tickets/);
  await expect(tagged).toBeVisible({ timeout: 30_000 });
  const tagPosts = (await sandbox.requests()).filter((r) => r.path.endsWith("/tags") && r.method !== "GET");
  expect(tagPosts.every((r) => r.method === "POST")).toBe(true);
  await tagged.getByRole("button", { name: "Undo" }).click();
  const names = async (id: number) => (await ticket(id)).tags.map((t) => t.name);
  await expect.poll(async () => [await names(ids[1]!), await names(ids[2]!)].flat().includes("bulk-kept"), { timeout: 30_000 }).toBe(false);
  // The ticket that had the tag before keeps it: the undo removes only what the change added.
  expect(await names(ids[0]!)).toContain("bulk-kept");
});

test("x, Shift-click ranges and select all; the bar is axe clean", async ({ page }) => {
  await signInAs(page, "admin");
  await hydrated(page);
  const ids = await idsOf(page, 30);
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByTestId("bulk-count")).toHaveText("2 selected");
  await expect(check(row(page, ids[0]!))).toBeChecked();
  await expect(check(row(page, ids[1]!))).not.toBeChecked();
  await expect(check(row(page, ids[2]!))).toBeChecked();
  // From the last row toggled (the third) to the sixth.
  await check(row(page, ids[5]!)).click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("bulk-count")).toHaveText("5 selected");
  for (const i of [0, 2, 3, 4, 5]) await expect(check(row(page, ids[i]!))).toBeChecked();
  await expect(check(row(page, ids[1]!))).not.toBeChecked();
  // A Shift-click from a row just unselected clears the range instead.
  await check(row(page, ids[5]!)).click();
  await check(row(page, ids[3]!)).click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("bulk-count")).toHaveText("2 selected");

  // Every loaded row, rendered or not (the tall window may have loaded a second page).
  const loaded = Number(/Select all (\d+) loaded/.exec((await bar(page).getByTestId("bulk-select-loaded").textContent()) ?? "")?.[1]);
  expect(loaded).toBeGreaterThanOrEqual(30);
  await bar(page).getByTestId("bulk-select-loaded").click();
  await expect(page.getByTestId("bulk-count")).toHaveText(`${loaded} selected`);
  for (const id of ids) await expect(check(row(page, id))).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "docs/screenshots/bulk.png" });
  await snapshot(page, "bulk");
  await bar(page).getByTestId("bulk-clear").click();
  await expect(bar(page)).toBeHidden();
});

test("a whole view goes to Gorgias as one job", async ({ page }) => {
  const { data: views } = await gorgiasAsAdmin<{ data: { id: number; slug: string }[] }>("GET", "/views?limit=100");
  const open = views.find((v) => v.slug === "open")!;
  await signInAs(page, "admin");
  await page.goto(`/demo?view=${open.id}`);
  await hydrated(page);
  await check(rows(page).first()).click();
  await bar(page).getByTestId("bulk-select-loaded").click();
  await bar(page).getByTestId("bulk-select-view").click();
  await expect(page.getByTestId("bulk-count")).toHaveText("Every ticket in this view selected");
  await sandbox.clearRequests();
  await bar(page).getByTestId("bulk-read").click();
  await expect(toast(page, /Marked \d+ tickets read/)).toBeVisible({ timeout: 60_000 });
  const posts = (await sandbox.requests()).filter((r) => r.method === "POST" && r.path === "/api/jobs");
  expect(posts.map((r) => r.body)).toEqual([{ type: "updateTicket", params: { view_id: open.id, updates: { is_unread: false } } }]);
  const { data } = await gorgiasAsAdmin<{ data: WireTicket[] }>("GET", `/tickets?view_id=${open.id}&limit=100`);
  expect(data.filter((t) => t.is_unread)).toEqual([]);
});

test("the list's keys act on the selection, or on the focused row", async ({ page }) => {
  await signInAs(page, "admin");
  await hydrated(page);
  const ids = await idsOf(page, 6);
  const focusedRow = () => page.locator('[data-testid="ticket-row"][aria-selected="true"]');

  await page.keyboard.press("j");
  await expect(focusedRow()).toHaveAttribute("data-ticket-id", String(ids[0]));
  await page.keyboard.press("Shift+U");
  await expect.poll(async () => (await ticket(ids[0]!)).is_unread).toBe(true);
  await page.keyboard.press("Shift+I");
  await expect.poll(async () => (await ticket(ids[0]!)).is_unread).toBe(false);
  await page.keyboard.press("c");
  await expect.poll(async () => (await ticket(ids[0]!)).status).toBe("closed");
  await page.keyboard.press("o");
  await expect.poll(async () => (await ticket(ids[0]!)).status).toBe("open");

  // On the selection: two rows, then trash; they leave the list and the agent stays in place.
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByTestId("bulk-count")).toHaveText("2 selected");
  await page.keyboard.press("#");
  await expect.poll(async () => [...(await tickets([ids[1]!, ids[2]!])).values()].map((t) => t.trashed_datetime !== null)).toEqual([true, true]);
  await expect(row(page, ids[1]!)).toHaveCount(0);
  await expect(row(page, ids[2]!)).toHaveCount(0);
  await expect(focusedRow()).toHaveAttribute("data-ticket-id", String(ids[3]));
  await page.keyboard.press("!");
  await expect.poll(async () => (await ticket(ids[3]!)).spam).toBe(true);

  for (const [key, name] of [["a", "Assign to"], ["t", "Add a tag"], ["b", "Snooze until"]] as const) {
    await page.keyboard.press(key);
    await expect(page.getByRole("dialog", { name })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name })).toBeHidden();
  }
  await bar(page).getByTestId("bulk-clear").click();
  await page.keyboard.press("n");
  await expect(page).toHaveURL(/\/demo\/tickets\/new$/);
});
