import { expect, test, type Page } from "@playwright/test";
import { gorgiasAsAdmin as gorgias, sandbox, type LoggedRequest } from "./support/sandbox-control";
import { signInAs } from "./support/session";

// Issue 13, items 2–5: read state, replies on the ticket's channel, auto-assign, ordered writes.

interface WireTicket {
  id: number;
  channel: string;
  status: string;
  spam: boolean;
  is_unread: boolean;
  assignee_user: { id: number } | null;
  customer: { id: number; email: string | null; name: string | null } | null;
}

const used = new Set<number>();
/** An open ticket no other test of this file has touched. */
async function freshTicket(test: (t: WireTicket) => boolean): Promise<WireTicket> {
  const { data } = await gorgias<{ data: WireTicket[] }>("GET", "/tickets?limit=100&order_by=updated_datetime:desc");
  const t = data.find((x) => x.status === "open" && !x.spam && !used.has(x.id) && test(x));
  if (!t) throw new Error("no matching open ticket left in the sandbox");
  used.add(t.id);
  return t;
}

const ticketNow = (id: number) => gorgias<WireTicket>("GET", `/tickets/${id}`);
const putsTo = (log: LoggedRequest[], id: number) => log.filter((r) => r.method === "PUT" && r.path === `/api/tickets/${id}`);
/** The ticket's updates other than read state (marking it read on open is a write of its own). */
const changesTo = (log: LoggedRequest[], id: number) => putsTo(log, id).filter((r) => !("is_unread" in (r.body as object)));
const readWrites = (log: LoggedRequest[], id: number, unread: boolean) =>
  putsTo(log, id).filter((r) => JSON.stringify(r.body) === JSON.stringify({ is_unread: unread }));
const composer = (page: Page) => page.getByTestId("composer");

async function openTicket(page: Page, id: number) {
  await page.goto(`/demo/tickets/${id}`);
  await expect(page.getByTestId("ticket-view")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
}

test.describe("triage writes", () => {
  test.describe.configure({ timeout: 120_000 });
  test.beforeEach(async () => {
    await sandbox.clearFaults();
  });

  test("opening an unread ticket marks it read in Gorgias exactly once per open; mark unread by hand", async ({ page }) => {
    const t = await freshTicket((x) => x.channel === "email");
    await gorgias("PUT", `/tickets/${t.id}`, { is_unread: true });
    await signInAs(page, "agent");
    await sandbox.clearRequests();
    await openTicket(page, t.id);
    await expect.poll(async () => readWrites(await sandbox.requests(), t.id, false).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => (await ticketNow(t.id)).is_unread).toBe(false);
    // The live feed and refreshes re-read the ticket meanwhile: still one write for this open.
    await page.waitForTimeout(3_000);
    expect(readWrites(await sandbox.requests(), t.id, false)).toHaveLength(1);

    await page.getByTestId("mark-unread").click();
    await expect(page.getByTestId("unread-state")).toBeVisible();
    await expect.poll(async () => (await ticketNow(t.id)).is_unread).toBe(true);
    await page.waitForTimeout(1_000);
    // Marked unread while open: not read again until the next open.
    expect(readWrites(await sandbox.requests(), t.id, false)).toHaveLength(1);
    expect(readWrites(await sandbox.requests(), t.id, true)).toHaveLength(1);

    await openTicket(page, t.id);
    await expect.poll(async () => readWrites(await sandbox.requests(), t.id, false).length, { timeout: 15_000 }).toBe(2);

    // An already read ticket costs no write at all.
    await sandbox.clearRequests();
    await openTicket(page, t.id);
    await page.waitForTimeout(2_000);
    expect(readWrites(await sandbox.requests(), t.id, false)).toHaveLength(0);
  });

  test("a chat ticket is answered on chat, shown plainly, never as email", async ({ page }) => {
    const t = await freshTicket((x) => x.channel === "chat");
    await signInAs(page, "agent");
    await openTicket(page, t.id);
    const audience = composer(page).getByTestId("composer-audience");
    await expect(audience).toHaveAttribute("data-channel", "chat");
    await expect(audience).toContainText("this will be sent on Chat");
    await expect(audience).not.toContainText("emailed");
    await sandbox.clearRequests();
    await sandbox.clearOutbox();
    await composer(page).getByRole("textbox").fill("Hi! Answering you right here in the chat.");
    await composer(page).getByRole("button", { name: "Send on Chat" }).click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Sent on Chat", { timeout: 30_000 });

    const posts = (await sandbox.requests()).filter((r) => r.method === "POST" && r.path === `/api/tickets/${t.id}/messages`);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ channel: "chat", from_agent: true, public: true });
    await sandbox.flush();
    const outbox = (await sandbox.outbox()).filter((e) => e.ticket_id === t.id) as Array<{ channel?: string }>;
    expect(outbox.map((e) => e.channel)).toEqual(["chat"]);
  });

  test("a phone ticket's reply is refused with the reason, and email can be chosen instead", async ({ page }) => {
    const t = await freshTicket((x) => x.channel === "phone" && !!x.customer?.email);
    await signInAs(page, "agent");
    await openTicket(page, t.id);
    await composer(page).getByRole("textbox").fill("Following up on your call.");
    await expect(composer(page).getByText(/call cannot be answered with a message/)).toBeVisible();
    await expect(composer(page).getByRole("button", { name: /^Send/ }).last()).toBeDisabled();
    await composer(page).getByTestId("reply-channel").selectOption("email");
    await expect(composer(page).getByTestId("composer-audience")).toContainText("this will be emailed");
    await expect(composer(page).getByRole("button", { name: "Send email" })).toBeEnabled();
  });

  test("replying to an unassigned ticket assigns it to the agent, in Gorgias and on screen", async ({ page }) => {
    const t = await freshTicket((x) => x.channel === "email" && x.assignee_user === null && !!x.customer?.email);
    const agent = await signInAs(page, "agent");
    await openTicket(page, t.id);
    await expect(composer(page).getByTestId("auto-assign")).toBeChecked();
    await sandbox.clearRequests();
    await composer(page).getByRole("textbox").fill("Looking into it now.");
    await composer(page).getByRole("button", { name: "Send email" }).click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });
    const puts = changesTo(await sandbox.requests(), t.id);
    expect(puts.map((r) => r.body)).toEqual([{ assignee_user: { id: agent.id } }]);
    expect((await ticketNow(t.id)).assignee_user?.id).toBe(agent.id);
    await expect(page.getByTestId("assignee-picker")).toContainText(agent.name, { timeout: 15_000 });
  });

  test("Close then Reopen within 100 ms ends Open, in Gorgias and on screen", async ({ page }) => {
    const t = await freshTicket((x) => x.channel === "email");
    await signInAs(page, "agent");
    await openTicket(page, t.id);
    await sandbox.clearRequests();
    // Gorgias answers slowly (a read mark on open may take one of the two), so the reopen surely
    // starts while the close is in flight.
    await sandbox.fault({ method: "PUT", path: `/api/tickets/${t.id}`, kind: "delay", delayMs: 2_000, count: 2 });
    const toggle = page.getByTestId("status-toggle");
    await expect(toggle).toHaveText(/Close/);
    await toggle.click();
    await expect(toggle).toHaveText(/Reopen/);
    await toggle.click({ delay: 0 });
    await expect(toggle).toHaveText(/Close/);
    await expect.poll(async () => changesTo(await sandbox.requests(), t.id).map((r) => (r.body as { status?: string }).status), { timeout: 20_000 }).toEqual(["closed", "open"]);
    // Whatever the answers and refreshes do next, the newer change stays.
    for (let i = 0; i < 6; i++) {
      await page.waitForTimeout(500);
      await expect(toggle).toHaveText(/Close/);
    }
    expect((await ticketNow(t.id)).status).toBe("open");
  });

  test("the sidebar counts unread and open tickets per view from shared data, with no Gorgias call per agent or refresh", async ({ page }) => {
    await signInAs(page, "agent");
    const { data: views } = await gorgias<{ data: Array<{ id: number; name: string; slug: string }> }>("GET", "/views?limit=100");
    const open = views.find((v) => v.slug === "open")!;
    await page.goto(`/demo?view=${open.id}`);
    await expect(page.getByTestId("ticket-row").first()).toBeVisible({ timeout: 30_000 });
    const badge = page.getByTestId("view-sidebar").getByRole("link", { name: new RegExp(open.name) }).getByTestId("view-count");
    // The figures of the view's first page as Gorgias holds it (30 tickets, as the inbox reads it).
    const first = await gorgias<{ data: Array<{ status: string; is_unread: boolean }>; meta: { next_items: string | null } }>("GET", `/views/${open.id}/items?limit=30`);
    const openRows = first.data.filter((t) => t.status === "open");
    expect(openRows.filter((t) => t.is_unread).length).toBeGreaterThan(0);
    await expect(badge).toHaveAttribute("data-open", `${openRows.length}${first.meta.next_items ? "+" : ""}`, { timeout: 15_000 });
    await expect(badge).toHaveAttribute("data-unread", String(openRows.filter((t) => t.is_unread).length));
    await sandbox.clearRequests();
    const answers = await page.evaluate(async () => {
      const out: unknown[] = [];
      for (let i = 0; i < 10; i++) out.push(await (await fetch("/api/demo/views/counts")).json());
      return out;
    });
    expect(answers).toHaveLength(10);
    expect(JSON.stringify(answers[9])).toContain(`"viewId":${open.id}`);
    // The change feed reads the event log meanwhile; the counts themselves cost nothing upstream.
    expect((await sandbox.requests()).filter((r) => r.path !== "/api/events")).toEqual([]);
  });

  test("a ticket closed in an open-only view leaves the list at once, with an undo", async ({ page }) => {
    await signInAs(page, "agent");
    const { data: views } = await gorgias<{ data: Array<{ id: number; slug: string }> }>("GET", "/views?limit=100");
    const open = views.find((v) => v.slug === "open")!;
    await page.goto(`/demo?view=${open.id}`);
    const first = page.getByTestId("ticket-row").first();
    await expect(first).toBeVisible({ timeout: 30_000 });
    const id = Number(await first.getAttribute("data-ticket-id"));
    used.add(id);
    const row = page.locator(`[data-testid="ticket-row"][data-ticket-id="${id}"]`);
    await row.hover();
    await page.getByRole("button", { name: `Close ticket ${id}` }).click();
    await expect(row).toHaveCount(0, { timeout: 1_000 });
    const toast = page.getByTestId("toast").filter({ hasText: `Closed #${id}` });
    await expect(toast).toBeVisible();
    await expect.poll(async () => (await ticketNow(id)).status, { timeout: 15_000 }).toBe("closed");
    // Background refreshes do not bring it back.
    await page.waitForTimeout(3_000);
    await expect(row).toHaveCount(0);

    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(row).toHaveCount(1);
    await expect.poll(async () => (await ticketNow(id)).status, { timeout: 15_000 }).toBe("open");
  });
});
