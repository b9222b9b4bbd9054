import { expect, test, type Page } from "@playwright/test";
import { gorgiasAsAdmin, sandbox } from "./support/sandbox-control";
import { signInAs, snapshot } from "./support/session";

// Working through the list: the list beside the open ticket on a wide screen, j/k from ticket to
// ticket, Esc back to the same row at the same scroll, the next ticket after Send & Close or Close,
// and the keys that must work from the moment a ticket shows.

interface WireTicket {
  id: number;
  channel: string;
  status: string;
  customer: { email: string | null } | null;
}

const rows = (page: Page) => page.getByTestId("ticket-row");
const row = (page: Page, id: number) => page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);
const scroller = (page: Page) => page.getByTestId("ticket-scroller");
const inboxHydrated = (page: Page) => expect(page.getByTestId("inbox")).toHaveAttribute("data-hydrated", "true", { timeout: 20_000 });
const ticketHydrated = (page: Page) => expect(page.getByTestId("ticket-view")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
const ticketUrl = (id: number) => new RegExp(`/demo/tickets/${id}$`);
const scrollTop = (page: Page) => scroller(page).first().evaluate((el) => el.scrollTop);

/** The rows on screen, in list order, with their position in the whole list. */
async function shownRows(page: Page): Promise<Array<{ id: number; index: number }>> {
  const found = await rows(page).evaluateAll((els) =>
    els.map((e) => ({ id: Number(e.getAttribute("data-ticket-id")), index: Number(e.getAttribute("aria-rowindex")) })),
  );
  return found.sort((a, b) => a.index - b.index);
}

/** Rows wholly inside the list's visible box (not the overscan). */
async function visibleRowIds(page: Page): Promise<number[]> {
  return scroller(page).first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll<HTMLElement>('[data-testid="ticket-row"]')]
      .filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= box.top && b.bottom <= box.bottom;
      })
      .sort((a, b) => Number(a.getAttribute("aria-rowindex")) - Number(b.getAttribute("aria-rowindex")))
      .map((r) => Number(r.getAttribute("data-ticket-id")));
  });
}

test.describe("triage at speed", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("the list stays beside the ticket, j/k move through it, and Esc returns to the same row at the same scroll", async ({ page }) => {
    await signInAs(page, "admin");
    await inboxHydrated(page);
    // Scrolled well into the list, so "the same scroll" means something.
    await scroller(page).evaluate((el) => el.scrollTo(0, 700));
    await expect.poll(() => scrollTop(page)).toBe(700);
    const visible = await visibleRowIds(page);
    const picked = visible[Math.floor(visible.length / 2)];
    if (picked === undefined) throw new Error("no row on screen");
    const order = (await shownRows(page)).map((r) => r.id);
    const next = order[order.indexOf(picked) + 1];
    if (next === undefined) throw new Error("the picked row has no next row");

    await row(page, picked).getByRole("link").first().click();
    await expect(page).toHaveURL(ticketUrl(picked));
    await ticketHydrated(page);
    const pane = page.getByTestId("list-pane");
    await expect(pane).toBeVisible();
    await expect(row(page, picked)).toHaveAttribute("aria-selected", "true");
    await snapshot(page, "triage-wide");

    // j opens the next ticket of the list; the list beside it follows, and stays mounted (a mark
    // on its scroller's element would be lost if it were rendered anew).
    await pane.getByTestId("ticket-scroller").evaluate((el) => (el.dataset.marker = "kept"));
    await page.keyboard.press("j");
    await expect(page).toHaveURL(ticketUrl(next));
    await expect(row(page, next)).toHaveAttribute("aria-selected", "true");
    await ticketHydrated(page);
    await page.keyboard.press("k");
    await expect(page).toHaveURL(ticketUrl(picked));
    await ticketHydrated(page);
    await expect(pane.getByTestId("ticket-scroller")).toHaveAttribute("data-marker", "kept");

    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/demo$/);
    await expect(page.getByTestId("list-pane")).toHaveCount(0);
    await expect(row(page, picked)).toHaveAttribute("aria-selected", "true");
    await expect.poll(() => scrollTop(page)).toBe(700);
  });

  test("after a full page load, Esc goes to the list, not to the ticket before", async ({ page }) => {
    await signInAs(page, "admin");
    await inboxHydrated(page);
    const [first, second] = (await shownRows(page)).map((r) => r.id);
    if (first === undefined || second === undefined) throw new Error("fewer than two rows");
    await row(page, first).getByRole("link").first().click();
    await ticketHydrated(page);
    await page.keyboard.press("j");
    await expect(page).toHaveURL(ticketUrl(second));
    await page.reload();
    await ticketHydrated(page);
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/demo$/);
    await expect(row(page, second)).toHaveAttribute("aria-selected", "true");
  });

  test("Send & Close opens the next ticket of the list, and the reply reaches the customer once", async ({ page }) => {
    await signInAs(page, "admin");
    await inboxHydrated(page);
    const shown = (await shownRows(page)).map((r) => r.id);
    const { data } = await gorgiasAsAdmin<{ data: WireTicket[] }>("GET", `/tickets?limit=100&order_by=updated_datetime:desc`);
    const candidate = shown.slice(0, -1).find((id) => data.some((t) => t.id === id && t.channel === "email" && t.status === "open" && t.customer?.email));
    if (candidate === undefined) throw new Error("no open e-mail ticket with a next row on screen");
    const next = shown[shown.indexOf(candidate) + 1];
    await sandbox.clearOutbox();

    await row(page, candidate).getByRole("link").first().click();
    await ticketHydrated(page);
    const composer = page.getByTestId("composer");
    await composer.getByRole("textbox").fill("All sorted — thanks for your patience.");
    await composer.getByRole("button", { name: "Send & close" }).click();
    await expect(page).toHaveURL(ticketUrl(next!), { timeout: 15_000 });
    await ticketHydrated(page);
    await expect(row(page, next!)).toHaveAttribute("aria-selected", "true");
    await sandbox.flush();
    const sent = (await sandbox.outbox()).filter((m) => m.ticket_id === candidate);
    expect(sent).toHaveLength(1);
    expect((await gorgiasAsAdmin<WireTicket>("GET", `/tickets/${candidate}`)).status).toBe("closed");
  });

  test("with “Stay on ticket”, Close stays; with “Back to list”, it returns to the list", async ({ page }) => {
    await signInAs(page, "admin");
    await inboxHydrated(page);
    await page.getByTestId("after-done-switch").selectOption("stay");
    const open = rows(page).filter({ has: page.getByTestId("ticket-status").getByText("open", { exact: true }) });
    const [a, b] = await open.evaluateAll((els) => els.slice(0, 2).map((e) => Number(e.getAttribute("data-ticket-id"))));
    if (a === undefined || b === undefined) throw new Error("fewer than two open rows");

    await row(page, a).getByRole("link").first().click();
    await ticketHydrated(page);
    await page.getByTestId("status-toggle").click();
    await expect(page.getByTestId("status-toggle")).toHaveText(/Reopen/);
    await expect.poll(async () => (await gorgiasAsAdmin<WireTicket>("GET", `/tickets/${a}`)).status).toBe("closed");
    // Gorgias has answered; a move on would have happened by now.
    await page.waitForTimeout(1_000);
    await expect(page).toHaveURL(ticketUrl(a));
    await expect(row(page, a)).toHaveAttribute("aria-selected", "true");

    await page.getByTestId("after-done-switch").selectOption("list");
    await page.keyboard.press("Escape");
    await inboxHydrated(page);
    await row(page, b).getByRole("link").first().click();
    await ticketHydrated(page);
    await page.getByTestId("status-toggle").click();
    await expect(page).toHaveURL(/\/demo$/);
    await expect.poll(async () => (await gorgiasAsAdmin<WireTicket>("GET", `/tickets/${b}`)).status).toBe("closed");
    // The preference is the agent's on this device: it holds after a reload.
    await page.reload();
    await expect(page.getByTestId("after-done-switch")).toHaveValue("list");
  });

  test("r works as the ticket shows, Esc leaves the composer then goes back, and Esc closes the ? help", async ({ page }) => {
    await signInAs(page, "admin");
    await inboxHydrated(page);
    const [first] = (await shownRows(page)).map((r) => r.id);
    // The agent's drafts take a moment to arrive, as on a slow connection: the editor is not up yet.
    let releaseDrafts = () => {};
    const draftsHeld = new Promise<void>((resolve) => (releaseDrafts = resolve));
    await page.route("**/api/demo/tickets/*/drafts**", async (route) => {
      await draftsHeld;
      await route.continue();
    });
    await row(page, first!).getByRole("link").first().click();
    await expect(page).toHaveURL(ticketUrl(first!));
    await ticketHydrated(page);
    await expect(page.getByTestId("composer-loading")).toBeVisible();
    // The key and the text typed right after it both land, though the editor was still loading.
    await page.keyboard.press("r");
    await page.keyboard.type("Hello there");
    releaseDrafts();
    const composer = page.getByTestId("composer");
    await expect(composer.getByRole("textbox")).toHaveValue(/Hello there$/);
    await expect(composer.getByRole("textbox")).toBeFocused();
    await page.unroute("**/api/demo/tickets/*/drafts**");

    // Esc leaves the field (the draft stays); i then switches to a note instead of typing "i".
    await page.keyboard.press("Escape");
    await expect(composer.getByRole("textbox")).not.toBeFocused();
    await expect(page).toHaveURL(ticketUrl(first!));
    await page.keyboard.press("i");
    await expect(composer).toHaveAttribute("data-mode", "note");
    await expect(composer.getByRole("textbox")).toBeFocused();
    await expect(composer.getByRole("textbox")).not.toHaveValue(/^i$/);
    await page.keyboard.press("Escape");

    // The help closes with Esc and the ticket stays.
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help.locator("kbd").first()).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
    await expect(page).toHaveURL(ticketUrl(first!));

    // A second Esc, outside any field, goes back to the list.
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/demo$/);
    // Leave no draft behind for other specs.
    await row(page, first!).getByRole("link").first().click();
    await ticketHydrated(page);
    for (const mode of ["Reply to customer", "Internal note"]) {
      await composer.getByRole("tab", { name: new RegExp(mode) }).click();
      await composer.getByRole("textbox").fill("");
    }
  });

  test("on a phone the ticket has the whole screen, and Esc still returns to the list's row", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await signInAs(page, "admin");
    await inboxHydrated(page);
    const [, second] = (await shownRows(page)).map((r) => r.id);
    await row(page, second!).getByRole("link").first().click();
    await ticketHydrated(page);
    await expect(page.getByTestId("list-pane")).toBeHidden();
    await expect(page.getByTestId("ticket-row")).toHaveCount(0);
    await snapshot(page, "triage-phone");
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/demo$/);
    await expect(row(page, second!)).toHaveAttribute("aria-selected", "true");
  });

  test("the page never scrolls as a whole: a ticket fits the window, and focusing the composer keeps the top bar", async ({ page }) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      if (width === 1280) await signInAs(page, "admin");
      else await page.goto("/demo");
      await inboxHydrated(page);
      const [id] = (await shownRows(page)).map((r) => r.id);
      await row(page, id!).getByRole("link").first().click();
      await ticketHydrated(page);
      const doc = () => page.evaluate(() => ({ height: document.scrollingElement!.scrollHeight, scrollY: window.scrollY }));
      expect((await doc()).height, `document height at ${width} px`).toBeLessThanOrEqual(800);
      await page.getByTestId("composer").getByRole("textbox").focus();
      expect((await doc()).scrollY).toBe(0);
      await expect(page.getByRole("link", { name: "Gorgias Desk" })).toBeInViewport();
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
      await expect(page).toHaveURL(/\/demo$/);
    }
  });

  test("list rows line up: open, closed and snoozed rows share their columns, and no row keeps an empty band", async ({ page }) => {
    await signInAs(page, "admin");
    await inboxHydrated(page);
    const geometry = await page.getByTestId("ticket-row").evaluateAll((els) =>
      els.map((r) => {
        const time = r.querySelector("time")!.getBoundingClientRect();
        const status = r.querySelector('[data-testid="ticket-status"]')!;
        const link = r.querySelector("a")!.getBoundingClientRect();
        return { status: status.textContent, statusLeft: status.getBoundingClientRect().left, timeRight: time.right, linkRight: link.right, rowRight: r.getBoundingClientRect().right };
      }),
    );
    expect(new Set(geometry.map((g) => g.status)).size).toBeGreaterThan(1);
    expect(new Set(geometry.map((g) => Math.round(g.statusLeft))).size).toBe(1);
    expect(new Set(geometry.map((g) => Math.round(g.timeRight))).size).toBe(1);
    // The row's link (its text) runs to the row's end: the close/reopen action lies over it on hover.
    for (const g of geometry) expect(g.rowRight - g.linkRight).toBeLessThanOrEqual(1);
  });
});
