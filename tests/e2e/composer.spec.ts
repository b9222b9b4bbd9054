import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { gorgiasAsAdmin as gorgias, sandbox, type LoggedRequest } from "./support/sandbox-control";
import { signInAs, snapshot } from "./support/session";

interface WireTicket {
  id: number;
  channel: string;
  status: string;
  customer: { email: string | null } | null;
}

const used = new Set<number>();
/** An open email ticket with a customer address that no other test in this run has touched. */
async function freshEmailTicket(): Promise<{ id: number; email: string }> {
  const { data } = await gorgias<{ data: WireTicket[] }>("GET", "/tickets?limit=100&order_by=updated_datetime:desc");
  const t = data.find((x) => x.channel === "email" && x.status === "open" && x.customer?.email && !used.has(x.id));
  if (!t?.customer?.email) throw new Error("no open email ticket left in the sandbox");
  used.add(t.id);
  return { id: t.id, email: t.customer.email };
}

async function openTicket(page: Page, id: number) {
  await page.goto(`/demo/tickets/${id}`);
  await expect(page.getByTestId("composer").getByRole("textbox")).toBeVisible({ timeout: 30_000 });
}

const composer = (page: Page) => page.getByTestId("composer");

/** What the server holds as the draft: a new tab of the same agent, with no local copy, restores it. */
async function expectServerDraft(context: BrowserContext, ticketId: number, text: string) {
  const fresh = await context.newPage();
  await fresh.addInitScript(() => localStorage.clear());
  await openTicket(fresh, ticketId);
  await expect(fresh.getByTestId("composer").getByRole("textbox")).toHaveValue(text);
  await fresh.close();
}
const editor = (page: Page) => composer(page).getByRole("textbox");
const postsTo = (log: LoggedRequest[], ticketId: number) => log.filter((r) => r.method === "POST" && r.path === `/api/tickets/${ticketId}/messages`);

async function outboxFor(ticketId: number) {
  await sandbox.flush();
  return (await sandbox.outbox()).filter((e) => e.ticket_id === ticketId);
}

test.describe("composer", () => {
  // Sends wait on Gorgias (the sandbox) and a thread refresh; a shared CI box can be slow.
  test.describe.configure({ timeout: 120_000 });
  test.beforeEach(async () => {
    await sandbox.clearFaults();
  });

  test("a reply is emailed exactly once, even after a double click and a double Ctrl+Enter", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await expect(composer(page).getByTestId("composer-audience")).toContainText(`To: ${ticket.email} · this will be emailed`);
    await expect(composer(page).getByRole("tab", { name: /Reply to customer/ })).toHaveAttribute("aria-selected", "true");

    await editor(page).fill("Thanks for your patience, your parcel left our warehouse today.");
    await snapshot(page, "composer-reply");
    await composer(page).getByRole("button", { name: "Send email" }).dblclick();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });
    await expect(editor(page)).toHaveValue("");

    await editor(page).fill("One more thing: the tracking link updates overnight.");
    await editor(page).press("Control+Enter");
    await editor(page).press("Control+Enter");
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });

    const sent = await outboxFor(ticket.id);
    expect(sent.filter((e) => e.body_text?.includes("left our warehouse"))).toHaveLength(1);
    expect(sent.filter((e) => e.body_text?.includes("tracking link updates"))).toHaveLength(1);
    expect(sent.every((e) => e.to.includes(ticket.email))).toBe(true);
    // Other spec files may have written to this ticket before: only this test's two texts count.
    const mine = postsTo(await sandbox.requests(), ticket.id).filter((r) => r.status < 300 && /left our warehouse|tracking link updates/.test(JSON.stringify(r.body)));
    expect(mine).toHaveLength(2);
    await snapshot(page, "composer-reply-sent");
  });

  test("an internal note is never emailed and reaches Gorgias as public: false", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await page.locator("body").press("i");
    await expect(composer(page)).toHaveAttribute("data-mode", "note");
    await expect(editor(page)).toBeFocused();
    await expect(composer(page).getByTestId("composer-audience")).toHaveText("Only agents see this");
    await page.keyboard.type("Customer is a VIP, offer free shipping on the replacement.");
    await snapshot(page, "composer-note");
    await composer(page).getByRole("button", { name: "Add note", exact: true }).click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Note added", { timeout: 30_000 });

    expect((await outboxFor(ticket.id)).some((e) => e.body_text?.includes("VIP"))).toBe(false);
    const posts = postsTo(await sandbox.requests(), ticket.id).filter((r) => JSON.stringify(r.body).includes("VIP"));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ public: false, channel: "internal-note" });
  });

  test("Send & close sends the reply and closes the ticket", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await editor(page).fill("All sorted, closing this one. Reply any time if anything else comes up.");
    await composer(page).getByRole("button", { name: "Send & close" }).click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent · ticket closed", { timeout: 30_000 });
    expect((await gorgias<WireTicket>("GET", `/tickets/${ticket.id}`)).status).toBe("closed");
    expect((await outboxFor(ticket.id)).filter((e) => e.body_text?.includes("All sorted"))).toHaveLength(1);
  });

  test("a draft survives a reload, and sign-out and sign-in on a device with no local copy", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await editor(page).fill("Half-written reply that must not be lost");
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Draft saved", { timeout: 30_000 });
    await page.reload();
    await expect(editor(page)).toHaveValue("Half-written reply that must not be lost");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.evaluate(() => localStorage.clear());
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await expect(editor(page)).toHaveValue("Half-written reply that must not be lost");
    await snapshot(page, "composer-draft-restored");
  });

  test("a macro fills the customer's order from their store integration", async ({ page }) => {
    const ticket = await freshEmailTicket();
    const detail = await gorgias<{ customer: { integrations: Record<string, { orders?: Array<{ name: string }> }> } }>("GET", `/tickets/${ticket.id}`);
    const orderName = Object.values(detail.customer.integrations).find((i) => i.orders?.length)?.orders?.[0]?.name;
    expect(orderName).toMatch(/^#\d+$/);
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await composer(page).getByRole("button", { name: "Macros" }).click();
    await page.getByRole("combobox", { name: "Search macros" }).fill("Order status");
    await page.getByRole("dialog", { name: "Insert a macro" }).getByRole("option", { name: /Order status: in transit/ }).click();
    await page.getByTestId("macro-preview").getByRole("button", { name: "Apply" }).click();
    await expect(editor(page)).toHaveValue(new RegExp(`Your order ${orderName} is on its way`));
    await expect(composer(page).getByTestId("unfilled-variables").getByText("Order number")).toHaveCount(0);
  });

  test("a macro variable without a value blocks sending until the agent fills or removes it", async ({ page }) => {
    // A brand-new customer: no store integration, so the order variables have nothing to fill them.
    const customerEmail = `new.${Date.now()}@example.com`;
    const created = await gorgias<{ id: number }>("POST", "/tickets", {
      channel: "email",
      via: "api",
      from_agent: false,
      subject: "Where is my parcel?",
      customer: { email: customerEmail, name: "Nina New" },
      messages: [{ channel: "email", via: "api", from_agent: false, sender: { email: customerEmail }, subject: "Where is my parcel?", body_text: "Hello, any news on my order?" }],
    });
    const ticket = { id: created.id, email: customerEmail };
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await composer(page).getByRole("button", { name: "Macros" }).click();
    await page.getByRole("combobox", { name: "Search macros" }).fill("Order status");
    await page.getByRole("dialog", { name: "Insert a macro" }).getByRole("option", { name: /Order status: in transit/ }).click();
    await page.getByTestId("macro-preview").getByRole("button", { name: "Apply" }).click();
    await expect(editor(page)).toHaveValue(/^Hi \S+,/);

    const chips = composer(page).getByTestId("unfilled-variables");
    await expect(chips).toContainText("Order number");
    await expect(composer(page).getByRole("button", { name: "Send email" })).toBeDisabled();
    await snapshot(page, "composer-macro-unfilled");

    await chips.getByRole("button", { name: "Order number", exact: true }).click();
    await page.keyboard.type("#1234");
    await chips.getByRole("button", { name: "Remove Tracking link" }).click();
    await expect(chips).toHaveCount(0);
    await composer(page).getByRole("button", { name: "Send email" }).click();
    // The macro's own action (its tag) followed the message.
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent · macro “Order status: in transit” applied", { timeout: 30_000 });
    const [email] = (await outboxFor(ticket.id)).filter((e) => e.body_text?.includes("#1234"));
    expect(email?.body_text).not.toContain("{{");
  });

  test("the customer wrote again since the ticket was opened: the agent confirms before it is sent", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await editor(page).fill("Here is the update you asked for.");
    await gorgias("POST", `/tickets/${ticket.id}/messages`, { channel: "email", via: "email", from_agent: false, body_text: "Any news? I am still waiting." });

    await composer(page).getByRole("button", { name: "Send email" }).click();
    const warning = composer(page).getByTestId("send-problem");
    await expect(warning).toContainText("The customer wrote again since you opened this ticket");
    await snapshot(page, "composer-stale-thread");
    expect((await outboxFor(ticket.id)).filter((e) => e.body_text?.includes("update you asked for"))).toHaveLength(0);

    await warning.getByRole("button", { name: "Send anyway" }).click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });
    expect((await outboxFor(ticket.id)).filter((e) => e.body_text?.includes("update you asked for"))).toHaveLength(1);
  });

  test("a message arriving while the agent writes a reply shows at once; reviewed, the reply goes without asking", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
    await editor(page).fill("Your replacement is on its way.");
    const before = await page.getByTestId("thread-message").count();
    await gorgias("POST", `/tickets/${ticket.id}/messages`, { channel: "email", via: "email", from_agent: false, body_text: "Actually, could you refund me instead?" });

    // The live feed re-reads the thread; the composer warns before the agent presses send.
    const notice = composer(page).getByTestId("newer-messages");
    await expect(notice).toHaveText(/A new message arrived while you were writing/, { timeout: 8_000 });
    await expect(page.getByTestId("thread-message")).toHaveCount(before + 1);
    await notice.getByRole("button", { name: "Review" }).click();
    await expect(notice).toHaveCount(0);
    await composer(page).getByRole("button", { name: "Send email" }).click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });
    await expect(composer(page).getByTestId("send-problem")).toHaveCount(0);
    expect((await outboxFor(ticket.id)).filter((e) => e.body_text?.includes("replacement is on its way"))).toHaveLength(1);
  });

  test("a stale second tab never wipes or silently replaces the newer draft of another tab", async ({ page, context }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    const stale = await context.newPage();
    await openTicket(stale, ticket.id);
    await openTicket(page, ticket.id);

    await editor(page).fill("Tab A's newer reply");
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Draft saved", { timeout: 30_000 });

    // The stale tab types, then deletes what it typed: neither may touch tab A's draft.
    await editor(stale).fill("x");
    await expect(composer(stale).getByTestId("draft-conflict")).toContainText("Tab A's newer reply", { timeout: 30_000 });
    await editor(stale).fill("");
    await expect(composer(stale).getByTestId("composer-status")).toHaveText("Draft not saved: changed in another tab", { timeout: 30_000 });

    await expectServerDraft(context, ticket.id, "Tab A's newer reply");

    await composer(stale).getByRole("button", { name: "Use that draft" }).click();
    await expect(editor(stale)).toHaveValue("Tab A's newer reply");
    await expect(composer(stale).getByTestId("draft-conflict")).toHaveCount(0);
    await stale.close();
  });

  test("text typed offline is saved to the server when the connection returns", async ({ page, context }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await context.setOffline(true);
    await editor(page).fill("Written on a train");
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Draft saved on this device only", { timeout: 30_000 });
    await context.setOffline(false);
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Draft saved", { timeout: 30_000 });

    await expectServerDraft(context, ticket.id, "Written on a train");
  });

  test("a reload in the middle of a send tells the agent, within seconds, that the reply went out", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await sandbox.fault({ method: "POST", path: `/api/tickets/${ticket.id}/messages`, kind: "delay", delayMs: 4_000, count: 1 });
    await editor(page).fill("Sent while the page reloads.");
    await composer(page).getByRole("button", { name: "Send email" }).click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Sending email…");
    await page.reload();

    const notice = composer(page).getByTestId("earlier-send");
    await expect(notice).toContainText("was still being sent when the page reloaded", { timeout: 30_000 });
    await expect(notice).toContainText("was sent before the page reloaded", { timeout: 30_000 });
    await expect(editor(page)).toHaveValue("");
    const sent = (await outboxFor(ticket.id)).filter((e) => e.body_text?.includes("Sent while the page reloads."));
    expect(sent).toHaveLength(1);
  });

  test("a lost connection keeps the text and the failure visible; the retry reuses the operation and emails once", async ({ page }) => {
    test.setTimeout(240_000);
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await sandbox.fault({ method: "POST", path: `/api/tickets/${ticket.id}/messages`, kind: "drop", count: 1 });
    await editor(page).fill("Replying through a flaky connection.");
    await composer(page).getByRole("button", { name: "Send email" }).click();

    const problem = composer(page).getByTestId("send-problem");
    await expect(problem).toBeVisible({ timeout: 30_000 });
    await expect(editor(page)).toHaveValue("Replying through a flaky connection.");
    await snapshot(page, "composer-send-failed");
    // The server only calls the message absent once Gorgias had time to finish it (about a
    // minute); until then "Check again" waits, and pressing it finds the same unknown.
    const checkAgain = problem.getByRole("button", { name: "Check again" });
    await expect(async () => {
      if (await checkAgain.isEnabled().catch(() => false)) await checkAgain.click();
      await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 5_000 });
    }).toPass({ timeout: 150_000, intervals: [2_000] });

    const sent = (await outboxFor(ticket.id)).filter((e) => e.body_text?.includes("flaky connection"));
    expect(sent).toHaveLength(1);
    const ids = postsTo(await sandbox.requests(), ticket.id).map((r) => (r.body as { external_id?: string }).external_id);
    // Every attempt carried the same operation id.
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => typeof id === "string" && id === ids[0])).toBe(true);
  });

  test("a text over the length limit says so before sending and stays on the device; shortened, it goes", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await editor(page).fill(`Long reply. ${"x".repeat(100_100)}`);
    await expect(composer(page).getByText(/Too long to send: 100,112 characters, 112 over the limit of 100,000\./)).toBeVisible();
    await expect(composer(page).getByRole("button", { name: "Send email" })).toBeDisabled();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Draft saved on this device only", { timeout: 30_000 });
    await editor(page).fill("Long reply, shortened.");
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Draft saved", { timeout: 30_000 });
    await composer(page).getByRole("button", { name: "Send email" }).click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });
  });

  test("at 390 px the composer stays usable and both modes are distinct", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await composer(page).getByRole("tab", { name: /Internal note/ }).click();
    await editor(page).fill("Narrow screen note");
    await expect(composer(page).getByRole("button", { name: "Add note", exact: true })).toBeInViewport();
    await snapshot(page, "composer-note-390");
    await page.emulateMedia({ colorScheme: "dark" });
    await snapshot(page, "composer-note-390-dark");
    await editor(page).blur();
    await page.keyboard.press("r");
    await expect(composer(page)).toHaveAttribute("data-mode", "reply");
    await expect(editor(page)).toBeFocused();
    await snapshot(page, "composer-reply-390-dark");
  });
});
