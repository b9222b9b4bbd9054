import { expect, test, type Page } from "@playwright/test";
import { gorgiasAsAdmin, sandbox, SANDBOX_URL } from "./support/sandbox-control";
import { seriousViolations } from "./support/axe";
import { signInAs, snapshot } from "./support/session";
import { styledEmail } from "../../bench/support/styled-email";

interface WireMessage {
  id: number;
  ticket_id: number;
  body_html: string | null;
  stripped_html: string | null;
  public: boolean;
}
interface WireTicket {
  id: number;
  subject: string | null;
  customer: { id: number } | null;
  status: string;
  channel: string;
  assignee_user: { id: number } | null;
  assignee_team: { id: number } | null;
}

async function sandboxGet<T>(path: string): Promise<T> {
  const admin = await sandbox.agentWithRole("admin");
  const res = await fetch(`${SANDBOX_URL}/demo/api${path}`, { headers: { authorization: `Basic ${Buffer.from(`${admin.email}:${admin.api_key}`).toString("base64")}` } });
  if (!res.ok) throw new Error(`sandbox GET ${path} → ${res.status}`);
  return (await res.json()) as T;
}

async function sandboxPost(path: string, body: unknown): Promise<void> {
  const admin = await sandbox.agentWithRole("admin");
  const res = await fetch(`${SANDBOX_URL}/demo/api${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`${admin.email}:${admin.api_key}`).toString("base64")}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox POST ${path} → ${res.status}: ${await res.text()}`);
}

async function allMessages(): Promise<WireMessage[]> {
  const out: WireMessage[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page: { data: WireMessage[]; meta: { next_cursor: string | null } } = await sandboxGet(`/messages?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    out.push(...page.data);
    cursor = page.meta.next_cursor;
    if (!cursor) break;
  }
  return out;
}

async function openEmailTicket(except: number[] = []): Promise<WireTicket> {
  const { data } = await sandboxGet<{ data: WireTicket[] }>("/tickets?limit=100");
  const ticket = data.find((t) => t.status === "open" && t.channel === "email" && !except.includes(t.id));
  if (!ticket) throw new Error("no open email ticket in the seed");
  return ticket;
}

/** PUTs the sandbox received for one ticket, newest last. */
async function putsFor(ticketId: number): Promise<Array<Record<string, unknown>>> {
  return (await sandbox.requests()).filter((r) => r.method === "PUT" && r.path === `/api/tickets/${ticketId}`).map((r) => r.body as Record<string, unknown>);
}

async function expectPut(ticketId: number, match: Record<string, unknown>) {
  await expect.poll(async () => (await putsFor(ticketId)).some((b) => Object.entries(match).every(([k, v]) => JSON.stringify(b[k]) === JSON.stringify(v))), { timeout: 10_000 }).toBe(true);
}

function watchPage(page: Page) {
  const dialogs: string[] = [];
  const offsite: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && !["data:", "about:", "blob:"].includes(url.protocol)) offsite.push(r.url());
  });
  return { dialogs, offsite };
}

test.describe("ticket page", () => {
  test.beforeEach(async () => {
    await sandbox.clearFaults();
  });

  test("hostile, quoted and remote-image emails: nothing runs, nothing remote loads until asked", async ({ page }) => {
    // Walks the seed's messages and waits for a background refresh: longer than the default budget.
    test.setTimeout(150_000);
    const watch = watchPage(page);
    const messages = await allMessages();
    const hostile = messages.find((m) => /<script/i.test(m.body_html ?? ""))!;
    expect(hostile).toBeTruthy();
    await signInAs(page, "admin");

    await page.goto(`/demo/tickets/${hostile.ticket_id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("thread-message").first()).toBeVisible();
    const frames = page.getByTestId("email-frame");
    await expect(frames.first()).toBeVisible();
    for (const frame of await frames.all()) {
      await expect(frame).toHaveAttribute("sandbox", "allow-same-origin allow-popups allow-popups-to-escape-sandbox");
      expect(await frame.getAttribute("srcdoc")).not.toMatch(/<script/i);
    }
    // The seeded payloads alert, navigate and fetch exfil hosts: none of that may have happened.
    await page.waitForTimeout(500);
    expect(watch.dialogs).toEqual([]);
    expect(watch.offsite).toEqual([]);
    await snapshot(page, "ticket-hostile-thread");

    // Quoted history folds behind a button and expands on request.
    const quotedTicket = messages.find((m) => m.public && m.body_html?.includes("gmail_quote"))!;
    await page.goto(`/demo/tickets/${quotedTicket.ticket_id}`);
    const showQuoted = page.getByRole("button", { name: "Show quoted text" }).first();
    await expect(showQuoted).toBeVisible();
    await showQuoted.click();
    await expect(page.getByRole("button", { name: "Hide quoted text" }).first()).toHaveAttribute("aria-expanded", "true");
    await snapshot(page, "ticket-quoted-expanded");

    // A customer writes in while the ticket is open, with a photo and an attachment: the thread
    // refreshes on its own, and the photo stays blocked until asked for.
    const ticket = await openEmailTicket();
    await page.goto(`/demo/tickets/${ticket.id}`);
    await expect(page.getByTestId("thread-message").first()).toBeVisible();
    const before = await page.getByTestId("thread-message").count();
    await sandboxPost(`/tickets/${ticket.id}/messages`, {
      channel: "email",
      via: "email",
      from_agent: false,
      public: true,
      sender: { email: "photo.customer@example.com" },
      source: { type: "email", from: { address: "photo.customer@example.com", name: "Photo Customer" }, to: [{ address: "support@demo.store" }] },
      body_text: "Here is a photo of the damage.",
      body_html: '<p>Here is a photo of the damage.</p><img src="https://images.example.com/damage.jpg" width="320" height="200" alt="damage">',
      attachments: [{ url: "https://files.example.com/receipt.pdf", name: "receipt <b>.pdf", content_type: "application/pdf", size: 123_456 }],
    });
    // Generous: late in a full run the change feed's read of it can take longer than a quiet push.
    await expect(page.getByTestId("thread-message")).toHaveCount(before + 1, { timeout: 45_000 });
    await expect(page.getByRole("link", { name: /receipt <b>\.pdf/ }).first()).toHaveAttribute("rel", "noopener noreferrer");
    await expect(page.getByText("121 KB")).toBeVisible();
    const load = page.getByRole("button", { name: /^Load \d+ remote images?$/ }).first();
    await expect(load).toBeVisible();
    await page.waitForTimeout(500);
    expect(watch.offsite).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    const bodyRequest = page.waitForRequest((r) => /\/messages\/\d+\/body\?.*images=1/.test(r.url()));
    await load.click();
    await bodyRequest;
    // The re-prepared body now carries the photo and a frame policy that admits https images.
    const photoFrame = page.locator('iframe[data-testid="email-frame"][srcdoc*="img-src data: https:"]');
    await expect(photoFrame).toHaveCount(1);
    expect(await photoFrame.getAttribute("srcdoc")).toContain('src="https://images.example.com/damage.jpg"');
    await photoFrame.scrollIntoViewIfNeeded();
    await expect.poll(() => watch.offsite.some((u) => u.includes("images.example.com")), { timeout: 10_000 }).toBe(true);
    expect(watch.dialogs).toEqual([]);
    await snapshot(page, "ticket-remote-images-loaded");
  });

  test("close, reopen, reassign, assign to me, unassign and team assignment reach Gorgias", async ({ page }) => {
    const me = await signInAs(page, "admin");
    const ticket = await openEmailTicket();
    // Someone else than the ticket's assignee now (an earlier spec's reply may have assigned it).
    const other = (await sandbox.agents()).find((a) => a.role === "agent" && a.id !== me.id && a.id !== ticket.assignee_user?.id)!;
    await sandbox.clearRequests();
    await page.goto(`/demo/tickets/${ticket.id}`);
    const status = page.getByTestId("ticket-view").getByTestId("ticket-status");

    await page.getByRole("button", { name: /^Close/ }).click();
    await expect(status).toHaveText("Closed");
    await expectPut(ticket.id, { status: "closed" });
    await page.getByRole("button", { name: /^Reopen/ }).click();
    await expect(status).toHaveText("Open");
    await expectPut(ticket.id, { status: "open" });

    await page.getByTestId("assignee-picker").click();
    const search = page.getByRole("combobox", { name: "Search assignee" });
    await expect(search).toBeFocused();
    await search.fill(other.name.split(" ")[0]!);
    await page.getByRole("option", { name: new RegExp(other.name) }).click();
    await expect(page.getByTestId("assignee-picker")).toContainText(other.name);
    await expectPut(ticket.id, { assignee_user: { id: other.id } });
    await snapshot(page, "ticket-reassigned");

    await page.getByRole("button", { name: "Assign to me" }).click();
    await expect(page.getByTestId("assignee-picker")).toContainText(me.name);
    await expectPut(ticket.id, { assignee_user: { id: me.id } });

    await page.getByTestId("assignee-picker").click();
    await page.getByRole("option", { name: "Unassigned" }).click();
    await expect(page.getByTestId("assignee-picker")).toContainText("Unassigned");
    await expectPut(ticket.id, { assignee_user: null });

    await page.getByTestId("team-picker").click();
    const teamSearch = page.getByRole("combobox", { name: "Search team" });
    await teamSearch.fill("VIP");
    // Enter takes the highlighted option: wait until the teams have arrived and one matches.
    await expect(page.getByRole("option", { name: /VIP/ })).toBeVisible();
    await teamSearch.press("Enter");
    await expect(page.getByTestId("team-picker")).toContainText("VIP");
    await expect.poll(async () => (await putsFor(ticket.id)).some((b) => typeof (b.assignee_team as { id?: number } | null)?.id === "number")).toBe(true);
    await snapshot(page, "ticket-team-assigned");
  });

  test("a refused change rolls back with Gorgias's reason; observers cannot change anything", async ({ page }) => {
    await signInAs(page, "admin");
    const ticket = await openEmailTicket();
    await page.goto(`/demo/tickets/${ticket.id}`);
    await expect(page.getByTestId("ticket-view").getByTestId("ticket-status")).toHaveText("Open");
    await sandbox.fault({ method: "PUT", path: "/api/tickets/*", kind: "status", status: 500, count: 3 });
    await page.getByRole("button", { name: /^Close/ }).click();
    // The toast lands in the notifications live region, so a screen reader announces it.
    const notifications = page.getByRole("region", { name: /^Notifications/ });
    await expect(notifications).toHaveAttribute("aria-live", "polite");
    const toast = notifications.getByTestId("toast").filter({ hasText: "Couldn't close the ticket" });
    await expect(toast).toBeVisible();
    await expect(page.getByTestId("ticket-view").getByTestId("ticket-status")).toHaveText("Open");
    await snapshot(page, "ticket-rollback-toast");
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    // Colours fade between themes; contrast is read once they have.
    await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== "running"));
    expect(await seriousViolations(page)).toEqual([]);
    await snapshot(page, "ticket-rollback-toast-dark");
    await page.emulateMedia({ colorScheme: "light" });
    // Dismissable by keyboard and pointer, by name.
    await toast.getByRole("button", { name: "Dismiss" }).click();
    await expect(toast).toBeHidden();
    await sandbox.clearFaults();

    await page.context().clearCookies();
    await signInAs(page, "observer-agent");
    // Unread, so that opening it would mark it read for an agent who may change tickets.
    await gorgiasAsAdmin("PUT", `/tickets/${ticket.id}`, { is_unread: true });
    await sandbox.clearRequests();
    await page.goto(`/demo/tickets/${ticket.id}`);
    await expect(page.getByTestId("read-only-reason")).toContainText("can read tickets but not change them");
    await expect(page.getByTestId("status-toggle")).toBeDisabled();
    await expect(page.getByTestId("assignee-picker")).toBeDisabled();
    await expect(page.getByTestId("mark-unread")).toHaveCount(0);
    await page.waitForTimeout(1_000);
    expect(await putsFor(ticket.id)).toEqual([]);
    await snapshot(page, "ticket-observer");
  });

  test("keyboard: c closes and o reopens (Gorgias's keys), a opens the picker, Esc goes back to the inbox it came from", async ({ page }) => {
    await signInAs(page, "admin");
    const ticket = await openEmailTicket();
    await page.goto("/demo?q=order");
    // The agent has the search's list in front of them before opening a ticket from elsewhere.
    await expect(page.getByTestId("inbox")).toHaveAttribute("data-hydrated", "true");
    await expect(page.getByTestId("ticket-row").first()).toBeVisible();
    await page.goto(`/demo/tickets/${ticket.id}`);
    const status = page.getByTestId("ticket-view").getByTestId("ticket-status");
    await expect(status).toHaveText("Open");
    // Keys pressed before hydration reach no handler; an agent's first key comes later than that.
    await expect(page.getByTestId("ticket-view")).toHaveAttribute("data-hydrated", "true");
    await page.keyboard.press("c");
    await expect(status).toHaveText("Closed");
    await page.keyboard.press("o");
    await expect(status).toHaveText("Open");
    // The screen turns at once; wait for the reopen itself to reach Gorgias before counting writes.
    await expect.poll(async () => (await putsFor(ticket.id)).at(-1)).toMatchObject({ status: "open" });
    await page.keyboard.press("a");
    const search = page.getByRole("combobox", { name: "Search assignee" });
    await expect(search).toBeFocused();
    // Typing "c" in the picker is text, not a shortcut.
    const putsBefore = (await putsFor(ticket.id)).length;
    await search.pressSequentially("c");
    await expect(search).toHaveValue("c");
    await page.waitForTimeout(500);
    expect((await putsFor(ticket.id)).length).toBe(putsBefore);
    await expect(status).toHaveText("Open");
    await page.keyboard.press("Escape");
    await expect(search).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`/demo/tickets/${ticket.id}$`));
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/demo\?q=order$/);
  });

  test("the customer's other tickets: going from one ticket to another, each lists the one left", async ({ page }) => {
    const { data } = await sandboxGet<{ data: WireTicket[] }>("/tickets?limit=100");
    const byCustomer = new Map<number, WireTicket[]>();
    for (const t of data) if (t.customer && t.subject?.trim()) byCustomer.set(t.customer.id, [...(byCustomer.get(t.customer.id) ?? []), t]);
    // Distinct subjects, so each link's name points at one ticket.
    const [a, b] = [...byCustomer.values()].find((tickets) => new Set(tickets.map((t) => t.subject!.trim())).size >= 2)!
      .filter((t, i, all) => all.findIndex((u) => u.subject!.trim() === t.subject!.trim()) === i);
    await signInAs(page, "admin");
    await page.goto(`/demo/tickets/${a!.id}`);
    const others = page.getByTestId("customer-tickets");
    await expect(others.getByRole("link", { name: b!.subject!.trim() })).toBeVisible();
    await expect(others.getByRole("link", { name: a!.subject!.trim() })).toHaveCount(0);
    // Within the panel's cache lifetime: B's list comes from the cache A filled, and must still show A.
    await others.getByRole("link", { name: b!.subject!.trim() }).click();
    await expect(page).toHaveURL(new RegExp(`/demo/tickets/${b!.id}$`));
    await expect(others.getByRole("link", { name: a!.subject!.trim() })).toBeVisible();
    await expect(others.getByRole("link", { name: b!.subject!.trim() })).toHaveCount(0);
  });

  test("a long email shows its first part with Show all, which brings the rest", async ({ page }) => {
    // An open email ticket the other tests leave alone (they take the first of the list).
    const { data } = await sandboxGet<{ data: WireTicket[] }>("/tickets?limit=100");
    const ticket = data.filter((t) => t.status === "open" && t.channel === "email").at(-1)!;
    await sandboxPost(`/tickets/${ticket.id}/messages`, {
      channel: "email",
      via: "email",
      from_agent: false,
      public: true,
      sender: { email: "newsletter@example.com" },
      source: { type: "email", from: { address: "newsletter@example.com", name: "Newsletter" }, to: [{ address: "support@demo.store" }] },
      body_text: null,
      body_html: styledEmail(300_000, 77),
    });
    await signInAs(page, "admin");
    await page.goto(`/demo/tickets/${ticket.id}`);
    // The newest message, last in the thread.
    const message = page.getByTestId("thread-message").last();
    await expect(message.getByText(/^Long message: showing the first 98 KB of 29\d KB\.$/)).toBeVisible();
    const frame = message.getByTestId("email-frame");
    expect(await frame.getAttribute("srcdoc")).toContain("Order summary 77");
    expect(await frame.getAttribute("srcdoc")).not.toContain("End of summary 77.");

    await message.getByRole("button", { name: "Show all" }).click();
    await expect.poll(() => frame.getAttribute("srcdoc"), { timeout: 20_000 }).toContain("End of summary 77.");
    await expect(message.getByRole("button", { name: "Show all" })).toHaveCount(0);
    await expect(message.getByText(/Long message/)).toHaveCount(0);
    const content = (await frame.getAttribute("srcdoc"))!.split("<body>")[1];
    expect(content).not.toMatch(/<style|<script|<html|<head/i);
  });

  test("dark mode at 390 px: the panel stacks under the thread; unknown tickets say so", async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, "admin");
    const note = (await allMessages()).find((m) => !m.public)!;
    await page.goto(`/demo/tickets/${note.ticket_id}`);
    // Measured once the browser has rendered the thread itself: a dark reader re-reads it after the light server render.
    await expect(page.getByTestId("ticket-view")).toHaveAttribute("data-hydrated", "true");
    await expect(page.getByTestId("note-notice").first()).toHaveText("Internal note · only agents see this");
    const thread = await page.getByTestId("thread").boundingBox();
    const panel = await page.getByRole("complementary", { name: "Customer" }).boundingBox();
    expect(panel!.y).toBeGreaterThan(thread!.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snapshot(page, "ticket-dark-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await snapshot(page, "ticket-dark-1280");
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });
    await snapshot(page, "ticket-light-1280");
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto("/demo/tickets/99999999");
    await expect(page.getByText("This ticket does not exist or was deleted")).toBeVisible();
  });
});
