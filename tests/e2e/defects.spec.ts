import { expect, test, type Page } from "@playwright/test";
import { gorgiasAsAdmin } from "./support/sandbox-control";
import { signInAs } from "./support/session";

test.describe("addresses that lead nowhere", () => {
  test("a missing ticket answers 404 at once, with a way back to the inbox", async ({ page }) => {
    await signInAs(page, "admin");
    // "At once" is the status: a page that streamed its skeleton first could only answer 200.
    const response = await page.goto("/demo/tickets/987654321");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This ticket does not exist or was deleted" })).toBeVisible();
    await expect(page.getByTestId("ticket-skeleton")).toHaveCount(0);
    await page.getByRole("link", { name: "Back to the inbox" }).click();
    await expect(page).toHaveURL(/\/demo(\?|$)/);
  });

  test("another account's address says so and links to the agent's own account", async ({ page }) => {
    await signInAs(page, "admin");
    const response = await page.goto("/otherstore/tickets/1");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This address belongs to another Gorgias account" })).toBeVisible();
    await expect(page.getByText("You are signed in to demo.")).toBeVisible();
    await page.getByRole("link", { name: "Go to your inbox on demo" }).click();
    await expect(page).toHaveURL(/\/demo(\?|$)/);
  });
});

test("the app has a favicon, and nothing asks for a missing one", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && /favicon|icon/.test(response.url())) missing.push(response.url());
  });
  await signInAs(page, "admin");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon/);
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect((await page.request.get(href!)).status()).toBe(200);
  const ico = await page.request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image/);
  await page.waitForTimeout(500);
  expect(missing).toEqual([]);
});

test("new-ticket errors clear as the agent fixes each field, and return if it breaks again", async ({ page }) => {
  await signInAs(page, "agent");
  await page.goto("/demo/tickets/new");
  const form = page.getByTestId("new-ticket-form");
  const email = form.getByLabel("Customer email");
  const subject = form.getByLabel("Subject");
  await email.fill("ann@");
  await form.getByLabel(/First message/).fill("Hello");
  await form.getByRole("button", { name: "Create & send email" }).click();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Enter the customer's e-mail address")).toBeVisible();
  await expect(form.getByText("Add a subject.")).toBeVisible();

  // Fixed, without pressing Create again: each field's error goes as it becomes valid.
  await email.fill("ann@example.com");
  await expect(email).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Enter the customer's e-mail address")).toHaveCount(0);
  await expect(form.getByText("Add a subject.")).toBeVisible();
  await subject.fill("Where is my order?");
  await expect(subject).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Add a subject.")).toHaveCount(0);

  // Broken again: it says so at once.
  await email.fill("ann@example");
  await expect(email).toHaveAttribute("aria-invalid", "true");
});

test("the assignee picker shows every name whole", async ({ page }) => {
  // Names as long as real teams have them: a double-barrelled name and a long work address.
  const longName = "Maximiliane Alexandra von Hohenberg-Castellanos";
  const longEmail = "maximiliane.alexandra.vonhohenberg-castellanos@support.demo-store.example";
  await page.route("**/api/demo/users", async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as { items: Array<{ name: string | null; email: string | null }> };
    json.items[json.items.length - 1] = { ...json.items[json.items.length - 1]!, name: longName, email: longEmail };
    await route.fulfill({ response, json });
  });
  await signInAs(page, "admin");
  const { data } = await gorgiasAsAdmin<{ data: Array<{ id: number; status: string; channel: string }> }>("GET", "/tickets?limit=30");
  const ticket = data.find((t) => t.status === "open")!;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/demo/tickets/${ticket.id}`);
    const trigger = page.getByTestId("assignee-picker");
    await trigger.click();
    const options = page.getByRole("listbox", { name: "Agents" }).getByRole("option");
    await expect(options.first()).toBeVisible();
    expect(await options.count()).toBeGreaterThan(2);
    // No text box inside an option is narrower than its text: nothing is cut with an ellipsis.
    const clipped = await options.evaluateAll((items) =>
      items.flatMap((item) => [...item.querySelectorAll("span:not(.sr-only)")].filter((span) => span.scrollWidth > span.clientWidth + 1).map((span) => span.textContent)),
    );
    expect(clipped).toEqual([]);
    await expect(page.getByRole("listbox", { name: "Agents" }).getByText(longName)).toBeVisible();
    await page.keyboard.press("Escape");
    // The trigger may cut a long name to fit; its title then carries the name whole.
    const value = trigger.locator("span[title]");
    await expect(value).toHaveAttribute("title", (await value.textContent())!.trim());
  }
});

test.describe("message times", () => {
  test.use({ timezoneId: "Asia/Tokyo", locale: "en-US" });

  /** A ticket with public messages, and each message's time as an agent in Tokyo reads it. */
  async function ticketWithMessages(): Promise<{ id: number; times: string[] }> {
    const { data } = await gorgiasAsAdmin<{ data: Array<{ ticket_id: number; public: boolean }> }>("GET", "/messages?limit=30");
    const id = data.find((m) => m.public)!.ticket_id;
    const thread = await gorgiasAsAdmin<{ data: Array<{ created_datetime: string }> }>("GET", `/messages?ticket_id=${id}&limit=100`);
    const format = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tokyo" });
    return { id, times: thread.data.map((m) => format.format(new Date(m.created_datetime))) };
  }

  function watchHydration(page: Page): string[] {
    const problems: string[] = [];
    // A production build reports a mismatch as a minified React error (#418, #423, #425), often as
    // an uncaught page error rather than a console line.
    const mismatch = /hydrat|did not match|didn't match|#41[89]\b|#42[35]\b/i;
    page.on("console", (message) => {
      if (mismatch.test(message.text())) problems.push(message.text());
    });
    page.on("pageerror", (error) => {
      if (mismatch.test(error.message)) problems.push(error.message);
    });
    return problems;
  }

  test("render in the agent's time zone from the first paint, with no UTC first and no hydration mismatch", async ({ page }) => {
    const hydration = watchHydration(page);
    await signInAs(page, "admin");
    const { id, times } = await ticketWithMessages();
    const shown = page.getByTestId("thread-message").locator("time").first();

    // A first visit: the server cannot know the zone yet, so it shows no time rather than UTC.
    const first = await page.goto(`/demo/tickets/${id}`);
    expect(await first!.text()).not.toMatch(/\d{2}:\d{2} UTC/);
    await expect.poll(async () => times.includes((await shown.textContent()) ?? "")).toBe(true);

    // From then on the server renders the agent's local time itself.
    const again = await page.goto(`/demo/tickets/${id}`);
    const html = await again!.text();
    expect(html).not.toMatch(/\d{2}:\d{2} UTC/);
    expect(times.some((time) => html.includes(`>${time}</time>`))).toBe(true);
    await page.waitForTimeout(500);
    expect(hydration).toEqual([]);
  });
});
