import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { gorgiasAsAdmin as gorgias, sandbox, type LoggedRequest } from "./support/sandbox-control";
import { signInAs } from "./support/session";

// Undo send (docs/safety.md#undo-send): the wait is the agent's setting, held by the server.

interface WireTicket {
  id: number;
  channel: string;
  status: string;
  customer: { email: string | null } | null;
}

const used = new Set<number>();
async function freshEmailTicket(): Promise<number> {
  const { data } = await gorgias<{ data: WireTicket[] }>("GET", "/tickets?limit=100&order_by=updated_datetime:desc");
  const t = data.find((x) => x.channel === "email" && x.status === "open" && x.customer?.email && !used.has(x.id));
  if (!t) throw new Error("no open email ticket left in the sandbox");
  used.add(t.id);
  return t.id;
}

const composer = (page: Page) => page.getByTestId("composer");
const editor = (page: Page) => composer(page).getByRole("textbox");
const waitingBubble = (page: Page) => page.locator('[data-testid="pending-send"][data-waiting="true"]');
/** The message POSTs Gorgias received for this text. */
const postsOf = (log: LoggedRequest[], ticketId: number, text: string) =>
  log.filter((r) => r.method === "POST" && r.path === `/api/tickets/${ticketId}/messages` && JSON.stringify(r.body).includes(text));

async function delivered(ticketId: number, text: string) {
  await sandbox.flush();
  return (await sandbox.outbox()).filter((e) => e.ticket_id === ticketId && e.body_text?.includes(text));
}

/** Signed in with a 5 s undo window, staying on the ticket after a send. */
async function openWithUndo(page: Page, ticketId: number, seconds = "5") {
  await signInAs(page, "agent");
  await page.getByTestId("undo-send-switch").selectOption(seconds);
  await page.getByTestId("after-done-switch").selectOption("stay");
  await page.goto(`/demo/tickets/${ticketId}`);
  await expect(editor(page)).toBeVisible({ timeout: 30_000 });
}

async function sendReply(page: Page, text: string, countdown: RegExp = /Sends in [1-5] s/) {
  await editor(page).fill(text);
  await composer(page).getByRole("button", { name: "Send email" }).click();
  await expect(waitingBubble(page)).toContainText(text);
  await expect(waitingBubble(page).getByTestId("waiting-send-countdown")).toHaveText(countdown);
}

test.describe("undo send", () => {
  test.describe.configure({ timeout: 90_000 });
  test.beforeEach(async () => {
    await sandbox.clearFaults();
  });

  test("Undo within the window: the customer never gets it, and the text is back in the composer", async ({ page }) => {
    const ticketId = await freshEmailTicket();
    const text = "Undo me: your refund was approved this morning.";
    await openWithUndo(page, ticketId);
    await sendReply(page, text);
    await expect(page.getByTestId("toast").filter({ hasText: /Reply sends in [1-5] s/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "docs/screenshots/undo-send.png" });

    await waitingBubble(page).getByRole("button", { name: "Undo" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "Not sent. Your reply is back in the composer." })).toBeVisible();
    await expect(waitingBubble(page)).toHaveCount(0);
    await expect(editor(page)).toHaveValue(text);
    await expect(editor(page)).toBeEditable();

    // Well past the window: nothing reached Gorgias, nobody was e-mailed.
    await page.waitForTimeout(7_000);
    expect(postsOf(await sandbox.requests(), ticketId, text)).toHaveLength(0);
    expect(await delivered(ticketId, "Undo me")).toHaveLength(0);
    await expect(editor(page)).toHaveValue(text);
  });

  test("a reload during the window: the waiting send shows again, and arrives exactly once", async ({ page }) => {
    const ticketId = await freshEmailTicket();
    const text = "Sent across a reload: your parcel is with the courier.";
    // A 20 s window: a reload on a loaded machine can take longer than 5 s, and the send would
    // rightly have gone before the page came back.
    await openWithUndo(page, ticketId, "20");
    const messages = page.getByTestId("thread-message");
    await expect(messages.first()).toBeVisible();
    const before = await messages.count();
    await sendReply(page, text, /Sends in \d+ s/);
    await page.reload();

    await expect(waitingBubble(page)).toContainText(text, { timeout: 15_000 });
    await expect(waitingBubble(page).getByRole("button", { name: "Undo" })).toBeVisible();
    // Once sent, the thread has it once (an e-mail's body shows in its frame).
    await expect(waitingBubble(page)).toHaveCount(0, { timeout: 40_000 });
    await expect(messages).toHaveCount(before + 1, { timeout: 15_000 });
    await expect(messages.last().locator("iframe").contentFrame().getByText(text)).toBeVisible();
    // Sent, so the draft is gone from the composer too.
    await expect(editor(page)).toHaveValue("", { timeout: 10_000 });
    expect(await delivered(ticketId, "Sent across a reload")).toHaveLength(1);
    await page.waitForTimeout(2_000);
    expect(await delivered(ticketId, "Sent across a reload")).toHaveLength(1);
    expect(postsOf(await sandbox.requests(), ticketId, text)).toHaveLength(1);
    await expect(messages).toHaveCount(before + 1);
  });

  test("Undo once the send went out says it was already sent", async ({ page }) => {
    const ticketId = await freshEmailTicket();
    const text = "Too late to undo: the replacement ships today.";
    await openWithUndo(page, ticketId);
    // Gorgias takes its time over the POST, so Undo comes while the dispatcher is sending it.
    await sandbox.fault({ method: "POST", path: `/api/tickets/${ticketId}/messages`, kind: "delay", delayMs: 4_000, count: 1 });
    await sendReply(page, text);
    await expect(waitingBubble(page).getByTestId("waiting-send-countdown")).toHaveText("Sending…", { timeout: 10_000 });
    await expect.poll(async () => postsOf(await sandbox.requests(), ticketId, text).length, { timeout: 10_000 }).toBe(1);
    await waitingBubble(page).getByRole("button", { name: "Undo" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "Already sent: your reply had gone out." })).toBeVisible();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });
    expect(await delivered(ticketId, "Too late to undo")).toHaveLength(1);
  });

  test("z takes back the last send (never while typing)", async ({ page }) => {
    const ticketId = await freshEmailTicket();
    const text = "Undone by key: we will call you tomorrow.";
    await openWithUndo(page, ticketId);
    await sendReply(page, text);
    // In a field, z belongs to the field (here the composer, read-only while its send waits).
    await editor(page).press("z");
    await page.waitForTimeout(300);
    await expect(waitingBubble(page)).toHaveCount(1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("z");
    await expect(page.getByTestId("toast").filter({ hasText: "Not sent. Your reply is back in the composer." })).toBeVisible();
    await expect(editor(page)).toHaveValue(text);
    await page.waitForTimeout(7_000);
    expect(await delivered(ticketId, "Undone by key")).toHaveLength(0);
    expect(postsOf(await sandbox.requests(), ticketId, text)).toHaveLength(0);
  });
});
