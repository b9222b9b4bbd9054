import { mkdirSync } from "node:fs";
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startNext, type NextServer } from "../../bench/support/next-server";
import { startPostgres, type Postgres } from "../../bench/support/postgres";
import { gorgiasAsAdmin, sandbox, type SandboxAgent } from "./support/sandbox-control";
import { signInAs, snapshot } from "./support/session";

// Two agents, each in their own Chromium, each on their own `next start`; the two instances share
// one throwaway PostgreSQL and nothing else, so whatever one agent sees of the other went through
// LISTEN/NOTIFY. Playwright's own server (PGlite) is not used here.

interface WireTicket {
  id: number;
  channel: string;
  status: string;
  customer: { email: string | null } | null;
}

interface Seat {
  readonly agent: SandboxAgent;
  readonly context: BrowserContext;
  readonly page: Page;
}

let postgres: Postgres | null = null;
const desks: NextServer[] = [];
let secondBrowser: Browser | null = null;
let alex: Seat;
let sam: Seat;
let ticketId: number;

const header = (seat: Seat) => seat.page.getByTestId("ticket-presence");
const row = (seat: Seat) => seat.page.locator(`[data-testid="ticket-row"][data-ticket-id="${ticketId}"]`);
const composer = (seat: Seat) => seat.page.getByTestId("composer");

async function seat(browser: Browser, desk: NextServer, role: string): Promise<Seat> {
  const context = await browser.newContext({ baseURL: desk.url });
  const page = await context.newPage();
  const agent = await signInAs(page, role);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
  return { agent, context, page };
}

async function openTicket(s: Seat): Promise<void> {
  await s.page.goto(`/demo/tickets/${ticketId}`);
  await expect(composer(s).getByRole("textbox")).toBeVisible({ timeout: 30_000 });
  await expect(s.page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
}

test.describe("presence across two instances", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(300_000);
    // An open email ticket (so both can reply), touched so it heads the inbox's newest-first list.
    const { data } = await gorgiasAsAdmin<{ data: WireTicket[] }>("GET", "/tickets?limit=100&order_by=updated_datetime:desc");
    const ticket = data.find((t) => t.channel === "email" && t.status === "open" && t.customer?.email);
    if (!ticket) throw new Error("no open email ticket in the sandbox");
    ticketId = ticket.id;
    await gorgiasAsAdmin("PUT", `/tickets/${ticketId}`, { subject: `Presence check ${Date.now()}` });
    postgres = await startPostgres("gorgias_desk_e2e_presence");
    const env = { NODE_ENV: "production" as const, ...(testInfo.config.metadata.deskEnv as Record<string, string>), DATABASE_URL: postgres.url, PGLITE_DIR: "" };
    const logs = testInfo.outputPath("desks");
    mkdirSync(logs, { recursive: true });
    // One after the other: the first migrates the database, and a 2-core machine starts one faster.
    for (const name of ["a", "b"]) desks.push(await startNext({ env, logFile: `${logs}/desk-${name}.log` }));
    secondBrowser = await chromium.launch(testInfo.project.use.launchOptions);
    alex = await seat(browser, desks[0]!, "admin");
    sam = await seat(secondBrowser, desks[1]!, "agent");
  });

  test.afterAll(async () => {
    await Promise.all([alex?.context.close(), secondBrowser?.close()]);
    await Promise.all(desks.map((d) => d.stop()));
    await postgres?.stop();
  });

  test("each agent sees the other viewing, then typing a note, then gone after leaving — never themselves", async () => {
    // Sam opens the ticket on instance B: Alex's inbox on instance A shows him on its row.
    await openTicket(sam);
    await expect(row(alex).getByTestId("row-presence")).toHaveAttribute("aria-label", `${sam.agent.name} is viewing`, { timeout: 15_000 });
    await snapshot(alex.page, "presence-inbox-row");

    await openTicket(alex);
    await expect(header(alex)).toContainText(`${sam.agent.name} is viewing`, { timeout: 15_000 });
    await expect(header(sam)).toContainText(`${alex.agent.name} is viewing`, { timeout: 15_000 });

    // Typing costs Gorgias nothing: beyond the change feed's own event-log reads, no call at all.
    await sandbox.clearRequests();
    await composer(alex).getByRole("tab", { name: /Internal note/ }).click();
    const typing = composer(alex).getByRole("textbox").pressSequentially("Checking with the warehouse before anyone replies.", { delay: 60 });
    await expect(header(sam)).toContainText(`${alex.agent.name} is typing an internal note…`, { timeout: 10_000 });
    await snapshot(sam.page, "presence-ticket-typing");
    await typing;
    await expect(header(alex)).toContainText(`${sam.agent.name} is viewing`);
    await expect(header(alex)).not.toContainText(alex.agent.name);
    // A pause in typing is viewing again.
    await expect(header(sam)).toContainText(`${alex.agent.name} is viewing`, { timeout: 15_000 });
    // The account's integrations are reference data this instance reads once (for the From line and
    // the signature, kept 10 minutes); that first read may land here, after the page settled.
    const upstream = (await sandbox.requests()).filter((r) => !r.path.startsWith("/api/events") && r.path !== "/api/integrations");
    expect(upstream.map((r) => `${r.method} ${r.path}`)).toEqual([]);

    await composer(sam).getByRole("tab", { name: /Internal note/ }).click();
    const samTyping = composer(sam).getByRole("textbox").pressSequentially("I can take this one.", { delay: 60 });
    await expect(header(alex)).toContainText(`${sam.agent.name} is typing an internal note…`, { timeout: 10_000 });
    await samTyping;
    await expect(header(sam)).not.toContainText(sam.agent.name);

    // Alex goes back to the inbox (the page unmounts); well before a heartbeat could expire, Sam sees him gone.
    await alex.page.getByRole("button", { name: "Inbox" }).click();
    await expect(header(sam)).toHaveText("", { timeout: 8_000 });
    await expect(row(alex).getByTestId("row-presence")).toHaveAttribute("aria-label", `${sam.agent.name} is viewing`, { timeout: 15_000 });
    await expect(alex.page.locator(`[data-testid="row-presence"][aria-label*="${alex.agent.name}"]`)).toHaveCount(0);

    // Sam's page goes away altogether (pagehide → beacon): his avatar leaves Alex's row.
    await sam.page.goto("about:blank");
    await expect(row(alex).getByTestId("row-presence")).toHaveCount(0, { timeout: 8_000 });
  });

  test("a colleague's reply reaches the other instance's open thread and warns the agent writing a reply there", async () => {
    await openTicket(sam);
    await openTicket(alex);
    await composer(sam).getByRole("tab", { name: /Reply to customer/ }).click();
    await composer(sam).getByRole("textbox").fill("Hello! I am looking into your order now.");
    const before = await sam.page.getByTestId("thread-message").count();

    await composer(alex).getByRole("tab", { name: /Reply to customer/ }).click();
    await composer(alex).getByRole("textbox").fill("Your order left the warehouse this morning.");
    await composer(alex).getByRole("button", { name: "Send email" }).click();
    await expect(composer(alex).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });
    await expect(composer(alex).getByTestId("newer-messages")).toHaveCount(0);

    const notice = composer(sam).getByTestId("newer-messages");
    await expect(notice).toContainText("A new message arrived while you were writing", { timeout: 10_000 });
    await expect(sam.page.getByTestId("thread-message")).toHaveCount(before + 1);
    await notice.getByRole("button", { name: "Review" }).click();
    await expect(notice).toHaveCount(0);
    // Reviewed, so the send goes without asking again.
    await composer(sam).getByRole("button", { name: "Send email" }).click();
    await expect(composer(sam).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });
    await expect(composer(sam).getByTestId("send-problem")).toHaveCount(0);
  });
});

test("the presence route refuses anonymous callers, other accounts, other sites and reports that name their sender", async ({ page, playwright, baseURL }) => {
  const report = { tab: "e2e-tab-0001", ticketId: 1, state: "viewing", seq: 1 };
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.post("/api/demo/presence", { data: report })).status()).toBe(401);
  await anonymous.dispose();

  await signInAs(page, "agent");
  expect((await page.request.post("/api/acme/presence", { data: report })).status()).toBe(404);
  expect((await page.request.post("/api/demo/presence", { data: report, headers: { "sec-fetch-site": "cross-site" } })).status()).toBe(403);
  // Who is present comes from the session only.
  expect((await page.request.post("/api/demo/presence", { data: { ...report, userId: 1, name: "Someone else" } })).status()).toBe(400);
  expect((await page.request.post("/api/demo/presence", { data: { ...report, state: "sleeping" } })).status()).toBe(400);
  expect((await page.request.post("/api/demo/presence", { data: report })).status()).toBe(204);
});
