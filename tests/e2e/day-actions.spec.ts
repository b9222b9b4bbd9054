import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { gorgiasAsAdmin as gorgias, sandbox, type LoggedRequest } from "./support/sandbox-control";
import { signInAs } from "./support/session";

// Issue 10, items 1–3 and the ticket's keys (10): snooze, Send & Snooze, tags, priority, spam,
// trash, read state, and Gorgias's keys, each checked in what Gorgias (the sandbox) received.

interface WireTicket {
  id: number;
  channel: string;
  status: string;
  spam: boolean;
  priority: string;
  is_unread: boolean;
  snooze_datetime: string | null;
  trashed_datetime: string | null;
  tags: Array<{ name: string }>;
  customer: { id: number; email: string | null } | null;
}

const used = new Set<number>();
/** An open e-mail ticket no other test of this file has touched. */
async function freshTicket(): Promise<WireTicket> {
  const { data } = await gorgias<{ data: WireTicket[] }>("GET", "/tickets?limit=100&order_by=updated_datetime:desc");
  const t = data.find((x) => x.status === "open" && !x.spam && x.trashed_datetime === null && x.channel === "email" && x.customer?.email && !used.has(x.id));
  if (!t) throw new Error("no open e-mail ticket left in the sandbox");
  used.add(t.id);
  return t;
}

const ticketNow = (id: number) => gorgias<WireTicket>("GET", `/tickets/${id}`);
const putsTo = (log: LoggedRequest[], id: number) => log.filter((r) => r.method === "PUT" && r.path === `/api/tickets/${id}`).map((r) => r.body as Record<string, unknown>);
/** Field changes, without the read-state write that opening a ticket makes. */
const changesTo = async (id: number) => putsTo(await sandbox.requests(), id).filter((b) => !("is_unread" in b));
const tagWrites = async (id: number) => (await sandbox.requests()).filter((r) => r.path === `/api/tickets/${id}/tags` && r.method !== "GET");
const view = (page: Page) => page.getByTestId("ticket-view");

async function openTicket(page: Page, id: number) {
  await page.goto(`/demo/tickets/${id}`);
  await expect(view(page)).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
}

test.describe("a day's actions on a ticket", () => {
  test.describe.configure({ timeout: 120_000 });
  test.beforeEach(async ({ page }) => {
    await sandbox.clearFaults();
    await signInAs(page, "admin");
  });

  test("snooze with a preset: Gorgias gets closed + snooze_datetime; the row shows the wake time; unsnooze", async ({ page }) => {
    const t = await freshTicket();
    await openTicket(page, t.id);
    await sandbox.clearRequests();
    await view(page).getByTestId("snooze-trigger").click();
    const menu = page.getByTestId("snooze-menu");
    await expect(menu.getByTestId("snooze-tomorrow")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    mkdirSync("docs/screenshots", { recursive: true });
    await page.screenshot({ path: "docs/screenshots/ticket-actions.png", clip: { x: 0, y: 0, width: 1280, height: 560 } });
    await menu.getByTestId("snooze-tomorrow").click();
    await expect(menu).toBeHidden();

    await expect.poll(() => changesTo(t.id)).toHaveLength(1);
    const [put] = await changesTo(t.id);
    expect(put).toMatchObject({ status: "closed", snooze_datetime: expect.any(String) });
    const wake = new Date(put!.snooze_datetime as string);
    // Tomorrow 9:00 on the browser's clock.
    expect(wake.getTime()).toBeGreaterThan(Date.now());
    expect(wake.getHours()).toBe(9);
    await expect.poll(async () => (await ticketNow(t.id)).status).toBe("closed");
    await expect(view(page).getByTestId("snoozed-until")).toContainText("Snoozed until");

    // The customer's tickets list: the row says when it wakes.
    await page.goto(`/demo?customer=${t.customer!.id}`);
    const row = page.locator(`[data-testid="ticket-row"][data-ticket-id="${t.id}"]`);
    await expect(row.getByTestId("snoozed-until")).toHaveText(/^Snoozed until \w{3} 09:00$/);

    await openTicket(page, t.id);
    await sandbox.clearRequests();
    await view(page).getByTestId("unsnooze").click();
    await expect.poll(() => changesTo(t.id)).toEqual([{ status: "open", snooze_datetime: null }]);
    await expect.poll(async () => (await ticketNow(t.id)).snooze_datetime).toBeNull();
    await expect(view(page).getByTestId("ticket-status")).toHaveText("Open");
  });

  test("Send & Snooze: the reply reaches the customer once, then the ticket is snoozed", async ({ page }) => {
    const t = await freshTicket();
    await openTicket(page, t.id);
    await sandbox.clearRequests();
    await page.keyboard.press("r");
    await page.keyboard.type("Shipped today; I will check back next week.");
    await page.getByTestId("send-and-snooze").click();
    const menu = page.getByTestId("send-snooze-menu");
    await menu.getByTestId("snooze-next-week").click();

    await expect.poll(async () => (await sandbox.outbox()).filter((e) => e.ticket_id === t.id && e.body_text?.includes("check back next week")).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => changesTo(t.id), { timeout: 15_000 }).toContainEqual(expect.objectContaining({ status: "closed", snooze_datetime: expect.any(String) }));
    const now = await ticketNow(t.id);
    expect(now.status).toBe("closed");
    expect(new Date(now.snooze_datetime!).getDay()).toBe(1);
    await page.waitForTimeout(1_000);
    expect((await sandbox.outbox()).filter((e) => e.ticket_id === t.id && e.body_text?.includes("check back next week"))).toHaveLength(1);
  });

  test("tags: create one by name and remove it, through POST and DELETE, never PUT", async ({ page }) => {
    const t = await freshTicket();
    const name = `e2e-${Date.now().toString(36)}`;
    await openTicket(page, t.id);
    await sandbox.clearRequests();
    await page.keyboard.press("t");
    const search = page.getByRole("combobox", { name: "Search or create a tag" });
    await expect(search).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    await search.pressSequentially(name);
    await page.getByRole("option", { name: `Create tag “${name}”` }).click();
    await expect(view(page).getByRole("list", { name: "Tags" }).getByText(name)).toBeVisible();
    await expect.poll(async () => (await ticketNow(t.id)).tags.map((x) => x.name)).toContain(name);

    await view(page).getByTestId("tag-picker").click();
    await page.getByRole("combobox", { name: "Search or create a tag" }).pressSequentially(name);
    await page.getByRole("option", { name: new RegExp(`^${name}`) }).click();
    await expect.poll(async () => (await ticketNow(t.id)).tags.map((x) => x.name)).not.toContain(name);
    await expect(view(page).getByText(name)).toBeHidden();

    const writes = await tagWrites(t.id);
    expect(writes.map((r) => [r.method, r.body])).toEqual([
      ["POST", { names: [name] }],
      ["DELETE", { names: [name] }],
    ]);
    const log = await sandbox.requests();
    expect(log.filter((r) => r.method === "PUT" && (r.path.endsWith("/tags") || (r.body as Record<string, unknown> | null)?.tags !== undefined))).toEqual([]);
  });

  test("priority from the header", async ({ page }) => {
    const t = await freshTicket();
    await openTicket(page, t.id);
    await sandbox.clearRequests();
    await view(page).getByTestId("priority-picker").click();
    await page.getByRole("option", { name: "Critical" }).click();
    await expect(view(page).getByTestId("ticket-priority")).toContainText("Critical");
    await expect.poll(() => changesTo(t.id)).toEqual([{ priority: "critical" }]);
    expect((await ticketNow(t.id)).priority).toBe("critical");
  });

  test("spam and not spam, trash and restore from the More menu", async ({ page }) => {
    const t = await freshTicket();
    await openTicket(page, t.id);
    await sandbox.clearRequests();
    await view(page).getByTestId("more-actions").click();
    await expect(page.getByTestId("more-menu")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId("more-menu").getByTestId("toggle-spam").click();
    await expect(view(page).getByTestId("ticket-spam")).toBeVisible();
    await expect.poll(async () => (await ticketNow(t.id)).spam).toBe(true);

    await view(page).getByTestId("more-actions").click();
    await page.getByTestId("more-menu").getByRole("button", { name: /Not spam/ }).click();
    await expect.poll(async () => (await ticketNow(t.id)).spam).toBe(false);

    await view(page).getByTestId("more-actions").click();
    await page.getByTestId("more-menu").getByTestId("toggle-trash").click();
    await expect(view(page).getByTestId("ticket-trashed")).toBeVisible();
    await expect.poll(async () => (await ticketNow(t.id)).trashed_datetime).not.toBeNull();

    await view(page).getByTestId("more-actions").click();
    await page.getByTestId("more-menu").getByRole("button", { name: /Restore/ }).click();
    await expect.poll(async () => (await ticketNow(t.id)).trashed_datetime).toBeNull();

    const puts = await changesTo(t.id);
    expect(puts.map((b) => Object.keys(b))).toEqual([["spam"], ["spam"], ["trashed_datetime"], ["trashed_datetime"]]);
    expect(puts[0]).toEqual({ spam: true });
    expect(puts[1]).toEqual({ spam: false });
    expect(typeof puts[2]!.trashed_datetime).toBe("string");
    expect(puts[3]).toEqual({ trashed_datetime: null });
  });

  test("from the list: a trashed row leaves the view with an Undo; read and unread", async ({ page }) => {
    await page.goto("/demo");
    await expect(page.getByTestId("inbox")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
    const row = page.getByTestId("ticket-row").nth(2);
    const id = Number(await row.getAttribute("data-ticket-id"));
    used.add(id);
    await sandbox.clearRequests();

    await row.hover();
    const unreadBefore = (await ticketNow(id)).is_unread;
    await row.getByTestId("row-read").click();
    await expect.poll(async () => putsTo(await sandbox.requests(), id)).toEqual([{ is_unread: !unreadBefore }]);

    await row.hover();
    await row.getByTestId("row-trash").click();
    await expect(page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`)).toHaveCount(0);
    await expect.poll(async () => (await ticketNow(id)).trashed_datetime).not.toBeNull();
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`)).toHaveCount(1);
    await expect.poll(async () => (await ticketNow(id)).trashed_datetime).toBeNull();
    const trash = (await changesTo(id)).filter((b) => "trashed_datetime" in b);
    expect(trash.map((b) => b.trashed_datetime === null)).toEqual([false, true]);
  });

  test("read and unread in the ticket", async ({ page }) => {
    const t = await freshTicket();
    await openTicket(page, t.id);
    await expect(view(page).getByTestId("mark-unread")).toBeVisible();
    // Opening it marked it read; that write is in before the agent's own.
    await expect.poll(async () => (await ticketNow(t.id)).is_unread).toBe(false);
    await page.waitForTimeout(500);
    await sandbox.clearRequests();
    await view(page).getByTestId("mark-unread").click();
    await expect(view(page).getByTestId("unread-state")).toBeVisible();
    await view(page).getByTestId("mark-read").click();
    await expect(view(page).getByTestId("mark-unread")).toBeVisible();
    await expect.poll(async () => putsTo(await sandbox.requests(), t.id)).toEqual([{ is_unread: true }, { is_unread: false }]);
  });

  test("Gorgias's keys in a ticket: c, o, b, t, !, #, i, and ←/→ through the list", async ({ page }) => {
    const t = await freshTicket();
    await openTicket(page, t.id);
    await sandbox.clearRequests();
    const status = view(page).getByTestId("ticket-status");

    await page.keyboard.press("c");
    await expect(status).toHaveText("Closed");
    await page.keyboard.press("o");
    await expect(status).toHaveText("Open");
    await expect.poll(() => changesTo(t.id)).toEqual([{ status: "closed" }, { status: "open" }]);

    await page.keyboard.press("b");
    await expect(page.getByTestId("snooze-menu")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("snooze-menu")).toBeHidden();

    await page.keyboard.press("t");
    await expect(page.getByRole("combobox", { name: "Search or create a tag" })).toBeFocused();
    await page.keyboard.press("Escape");

    await page.keyboard.press("!");
    await expect(view(page).getByTestId("ticket-spam")).toBeVisible();
    await page.keyboard.press("!");
    await expect(view(page).getByTestId("ticket-spam")).toBeHidden();
    await page.keyboard.press("#");
    await expect(view(page).getByTestId("ticket-trashed")).toBeVisible();
    await page.keyboard.press("#");
    await expect(view(page).getByTestId("ticket-trashed")).toBeHidden();
    await expect.poll(async () => (await changesTo(t.id)).slice(2)).toEqual([
      { spam: true },
      { spam: false },
      { trashed_datetime: expect.any(String) },
      { trashed_datetime: null },
    ]);

    await page.keyboard.press("i");
    await expect(page.getByTestId("composer")).toHaveAttribute("data-mode", "note");
    await expect(page.getByTestId("composer").getByRole("textbox")).toBeFocused();
    await expect(page.getByTestId("composer").getByRole("textbox")).not.toHaveValue(/^i$/);
    // Typing: the keys are text, not actions.
    await page.keyboard.type("c o # !");
    await page.waitForTimeout(500);
    expect(await changesTo(t.id)).toHaveLength(6);
    await page.keyboard.press("Escape");

    // ←/→: the previous and next ticket of the list it was opened from.
    await page.goto("/demo");
    await expect(page.getByTestId("inbox")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
    const rows = page.getByTestId("ticket-row");
    const first = Number(await rows.nth(0).getAttribute("data-ticket-id"));
    const second = Number(await rows.nth(1).getAttribute("data-ticket-id"));
    await rows.nth(0).getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/demo/tickets/${first}$`));
    await expect(view(page)).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(new RegExp(`/demo/tickets/${second}$`));
    await expect(view(page)).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(new RegExp(`/demo/tickets/${first}$`));
  });
});
