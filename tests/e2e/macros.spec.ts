import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { gorgiasAsAdmin as gorgias, sandbox, type LoggedRequest } from "./support/sandbox-control";
import { signInAs, snapshot } from "./support/session";

/**
 * Macros that act (issue 10, item 4; docs/safety.md#macros): a macro is previewed, then applied as
 * one step — its reply text in the composer, its actions with the send — or refused whole with its
 * reason and nothing applied. What Gorgias received is read from the sandbox's request log, what
 * the customer got from its outbox.
 */

interface WireTicket {
  id: number;
  channel: string;
  status: string;
  customer: { email: string | null } | null;
  tags: { name: string }[];
}

interface WireMacro {
  id: number;
  name: string;
}

const used = new Set<number>();
/**
 * An open e-mail ticket no other test here touched; `tag` picks one that carries it. The oldest
 * first: other suites take the newest, and the sandbox is shared by the whole run.
 */
async function freshEmailTicket(tag?: string, withOrder = false): Promise<WireTicket> {
  const { data } = await gorgias<{ data: WireTicket[] }>("GET", "/tickets?limit=100&order_by=updated_datetime:asc");
  for (const t of data) {
    if (t.channel !== "email" || t.status !== "open" || !t.customer?.email || used.has(t.id) || (tag && !t.tags.some((g) => g.name === tag))) continue;
    // A macro's order number comes from the customer's store data.
    if (withOrder && !(await hasOrder(t.id))) continue;
    used.add(t.id);
    return t;
  }
  throw new Error(`no open e-mail ticket${tag ? ` tagged ${tag}` : ""} left in the sandbox`);
}

async function hasOrder(ticketId: number): Promise<boolean> {
  const detail = await gorgias<{ customer: { integrations?: Record<string, { orders?: unknown[] }> } | null }>("GET", `/tickets/${ticketId}`);
  return Object.values(detail.customer?.integrations ?? {}).some((i) => (i.orders?.length ?? 0) > 0);
}

async function macroNamed(name: string): Promise<WireMacro> {
  const { data } = await gorgias<{ data: WireMacro[] }>("GET", `/macros?search=${encodeURIComponent(name)}&limit=10`);
  const m = data.find((x) => x.name === name);
  if (!m) throw new Error(`no macro ${name} in the sandbox seed`);
  return m;
}

const composer = (page: Page) => page.getByTestId("composer");
const editor = (page: Page) => composer(page).getByRole("textbox");
const preview = (page: Page) => page.getByTestId("macro-preview");
const picker = (page: Page) => page.getByRole("dialog", { name: "Insert a macro" });

/** Opens the ticket on an empty reply, whatever draft another suite may have left on it. */
async function openTicket(page: Page, id: number) {
  await page.goto(`/demo/tickets/${id}`);
  await expect(editor(page)).toBeVisible({ timeout: 30_000 });
  await composer(page).getByRole("tab", { name: /Reply to customer/ }).click();
  await editor(page).fill("");
}

async function pickMacro(page: Page, name: string) {
  await composer(page).getByRole("button", { name: "Macros" }).click();
  await page.getByRole("combobox", { name: "Search macros" }).fill(name);
  await picker(page).getByRole("option", { name: new RegExp(name.replace(/[()]/g, "\\$&")) }).click();
  await expect(preview(page)).toBeVisible();
}

/**
 * The changes the sandbox received (GETs are reads), leaving out the read mark the Desk sets by
 * itself when a ticket is opened (`is_unread: false`), which can land at any moment of a test.
 */
const changes = (log: LoggedRequest[]) => log.filter((r) => r.method !== "GET" && !(r.method === "PUT" && JSON.stringify(r.body) === '{"is_unread":false}'));
const writesTo = (log: LoggedRequest[], ticketId: number) => changes(log).filter((r) => r.path.startsWith(`/api/tickets/${ticketId}`));

async function axeClean(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

test.describe("macros", () => {
  test.describe.configure({ timeout: 120_000 });
  test.beforeEach(async () => {
    await sandbox.clearFaults();
  });

  test("a macro with text, status, tags and assignee: previewed, applied, sent once with its actions", async ({ page }) => {
    const ticket = await freshEmailTicket(undefined, true);
    const macro = await macroNamed("Replacement on its way");
    const agents = await sandbox.agents();
    const priya = agents.find((a) => a.name === "Priya Shah")!;
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);

    await pickMacro(page, "Replacement on its way");
    const p = preview(page);
    await expect(p.getByRole("heading", { name: "Macro: Replacement on its way" })).toBeFocused();
    await expect(p.getByTestId("macro-preview-text")).toContainText(/A replacement for #\d+ ships today/);
    await expect(p.getByTestId("macro-preview-actions").getByRole("listitem")).toHaveText(["Add tags: damaged, vip", "Close the ticket", "Assign to Priya Shah"]);
    await axeClean(page);
    // Above the ticket's sticky header, which a short window lays over the composer, for the picture.
    await p.evaluate((el) => Object.assign(el.style, { position: "relative", zIndex: "60" }));
    await p.screenshot({ path: "docs/screenshots/macros.png" });
    await snapshot(page, "macro-preview");

    await p.getByRole("button", { name: "Apply" }).click();
    await expect(preview(page)).toBeHidden();
    await expect(editor(page)).toHaveValue(/A replacement for #\d+ ships today/);
    await expect(editor(page)).toBeFocused();
    await expect(composer(page).getByTestId("macro-armed")).toContainText("Close the ticket");
    const text = await editor(page).inputValue();

    await sandbox.clearRequests();
    await composer(page).getByRole("button", { name: "Send email" }).click();
    // Done, the Desk moves on to the next ticket (the agent's preference): Gorgias's log tells.
    await expect.poll(async () => writesTo(await sandbox.requests(), ticket.id).length, { timeout: 30_000 }).toBe(3);

    const writes = writesTo(await sandbox.requests(), ticket.id);
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /api/tickets/${ticket.id}/messages`, `PUT /api/tickets/${ticket.id}`, `POST /api/tickets/${ticket.id}/tags`]);
    // The text as applied, then the integration's signature (docs/safety.md#signature).
    expect(writes[0]!.body).toMatchObject({ macros: [{ id: macro.id }], body_text: expect.stringContaining(text) });
    expect(writes[1]!.body).toEqual({ status: "closed", assignee_user: { id: priya.id } });
    expect(writes[2]!.body).toEqual({ names: ["damaged", "vip"] });

    await sandbox.flush();
    const emails = (await sandbox.outbox()).filter((e) => e.ticket_id === ticket.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.body_text).toContain(text.split("\n")[0]!);
    expect(emails[0]!.body_text).not.toContain("{{");
    const after = await gorgias<WireTicket & { assignee_user: { id: number } | null }>("GET", `/tickets/${ticket.id}`);
    expect(after.status).toBe("closed");
    expect(after.assignee_user?.id).toBe(priya.id);
    expect(after.tags.map((t) => t.name)).toEqual(expect.arrayContaining(["damaged", "vip"]));
  });

  test("actions that fail after the message went out are said so, and applied again without sending the message twice", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await pickMacro(page, "Escalate to VIP team");
    await expect(preview(page).getByTestId("macro-preview-actions")).toContainText("Internal note: Escalated to VIP & Escalations:");
    await preview(page).getByRole("button", { name: "Apply" }).click();
    await expect(editor(page)).toHaveValue(/passed your message to our VIP team/);

    await sandbox.clearRequests();
    await sandbox.fault({ method: "POST", path: `/api/tickets/${ticket.id}/tags`, kind: "status", status: 500, count: 1 });
    await composer(page).getByRole("button", { name: "Send email" }).click();
    const notice = composer(page).getByTestId("macro-result");
    await expect(notice).toContainText("Your message was sent, but the actions of the macro “Escalate to VIP team” were not all applied. Tags were not added", { timeout: 30_000 });
    await expect(notice).toContainText("Applying them again never sends the message twice.");
    await axeClean(page);

    await notice.getByRole("button", { name: "Apply the actions again" }).click();
    await expect(notice).toHaveText(/Macro “Escalate to VIP team” applied\./, { timeout: 30_000 });

    const writes = writesTo(await sandbox.requests(), ticket.id);
    const posts = writes.filter((r) => r.method === "POST" && r.path.endsWith("/messages"));
    // The reply once, the macro's note once: the retry never posts the reply.
    expect(posts.map((r) => (r.body as { channel: string }).channel)).toEqual(["email", "internal-note"]);
    expect(writes.filter((r) => r.method === "PUT")).toHaveLength(2);
    expect(writes.filter((r) => r.method === "POST" && r.path.endsWith("/tags"))).toHaveLength(2);
    await sandbox.flush();
    expect((await sandbox.outbox()).filter((e) => e.ticket_id === ticket.id)).toHaveLength(1);
    const after = await gorgias<WireTicket & { priority: string }>("GET", `/tickets/${ticket.id}`);
    expect(after.priority).toBe("high");
    expect(after.tags.map((t) => t.name)).toEqual(expect.arrayContaining(["vip", "urgent"]));
  });

  test("a macro with an HTTP action is refused visibly, and nothing is applied", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await sandbox.clearRequests();

    await pickMacro(page, "Notify the warehouse");
    const refused = preview(page).getByTestId("macro-refused");
    await expect(refused).toContainText("The Desk cannot apply this macro, so nothing will be changed.");
    await expect(refused).toContainText("HTTP hook: It calls an outside service");
    await expect(preview(page).getByRole("button", { name: /Apply/ })).toHaveCount(0);
    await axeClean(page);
    await snapshot(page, "macro-refused");
    await preview(page).getByRole("button", { name: "Close" }).click();
    await expect(preview(page)).toBeHidden();
    await expect(editor(page)).toHaveValue("");
    await expect(composer(page).getByTestId("macro-armed")).toHaveCount(0);

    // A Shopify order action is refused the same way.
    await pickMacro(page, "Refund last order (Shopify)");
    await expect(preview(page).getByTestId("macro-refused")).toContainText("Full refund last order: It acts on the customer's store order");
    await preview(page).getByRole("button", { name: "Close" }).click();

    expect(writesTo(await sandbox.requests(), ticket.id)).toEqual([]);
    expect(changes(await sandbox.requests())).toEqual([]);
  });

  test("suggested macros for the ticket come first, from one read per ticket; the picker is axe clean", async ({ page }) => {
    const ticket = await freshEmailTicket("damaged");
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await sandbox.clearRequests();

    const trigger = composer(page).getByRole("button", { name: "Macros" });
    await trigger.click();
    const suggested = picker(page).getByRole("group", { name: "Suggested for this ticket" });
    await expect(suggested.getByRole("option")).not.toHaveCount(0);
    await expect(suggested.getByRole("option").first()).toContainText(/Damaged item|Replacement on its way/);
    await expect(picker(page).getByRole("group", { name: "All macros" }).getByRole("option").first()).toBeVisible();
    await axeClean(page);
    await snapshot(page, "macro-suggested");
    await page.keyboard.press("Escape");
    await trigger.click();
    await expect(suggested.getByRole("option").first()).toBeVisible();
    await page.keyboard.press("Escape");

    const asked = (await sandbox.requests()).filter((r) => r.method === "GET" && r.path === "/api/macros" && r.query.ticket_id !== undefined);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.query).toMatchObject({ ticket_id: String(ticket.id), order_by: "relevance:desc" });
  });

  test("a macro without reply text applies its actions on confirm, with no message to the customer", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);

    await pickMacro(page, "Triage: not urgent");
    await expect(preview(page)).toContainText("None: its actions are applied as soon as you confirm.");
    await expect(preview(page).getByTestId("macro-preview-actions").getByRole("listitem")).toHaveText([
      "Remove tags: urgent",
      "Set priority: low",
      "Internal note: Triaged: not urgent, no reply needed yet.",
    ]);
    await sandbox.clearRequests();
    await preview(page).getByRole("button", { name: "Apply now" }).click();
    await expect(composer(page).getByTestId("macro-result")).toHaveText(/Macro “Triage: not urgent” applied\./, { timeout: 30_000 });

    const writes = writesTo(await sandbox.requests(), ticket.id);
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /api/tickets/${ticket.id}`, `DELETE /api/tickets/${ticket.id}/tags`, `POST /api/tickets/${ticket.id}/messages`]);
    expect(writes[0]!.body).toEqual({ priority: "low" });
    expect(writes[2]!.body).toMatchObject({ channel: "internal-note", public: false, body_text: "Triaged: not urgent, no reply needed yet." });
    await sandbox.flush();
    expect((await sandbox.outbox()).filter((e) => e.ticket_id === ticket.id)).toEqual([]);
  });
});
