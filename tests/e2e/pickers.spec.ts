import { expect, test, type Locator, type Page } from "@playwright/test";
import { gorgiasAsAdmin as gorgias, sandbox } from "./support/sandbox-control";
import { seriousViolations } from "./support/axe";
import { signInAs, snapshot } from "./support/session";

// Every floating picker keeps one keyboard model: arrows move, Enter picks, Escape closes and
// gives focus back to where the agent was, a click elsewhere closes, and everything is named.

interface WireCustomer {
  id: number;
  email: string | null;
  name: string | null;
}

/**
 * A ticket of this spec's own, closed so that no other spec (they take open tickets) meets the
 * assignee, team or draft these tests leave on it.
 */
async function ownTicket(): Promise<number> {
  const email = `pickers.${Date.now()}@example.com`;
  const { id } = await gorgias<{ id: number }>("POST", "/tickets", {
    channel: "email",
    via: "api",
    from_agent: false,
    subject: "Picker keyboard check",
    customer: { email, name: "Pia Picker" },
    messages: [{ channel: "email", via: "api", from_agent: false, sender: { email }, subject: "Picker keyboard check", body_text: "Hello" }],
  });
  await gorgias("PUT", `/tickets/${id}`, { status: "closed" });
  return id;
}

/** The e-mail domain most customers share: a search text with several matches. */
async function commonEmailDomain(): Promise<string> {
  const { data } = await gorgias<{ data: Array<{ customer: WireCustomer | null }> }>("GET", "/tickets?limit=100&trashed=false");
  const counts = new Map<string, number>();
  for (const t of data) {
    const domain = t.customer?.email?.split("@")[1];
    if (domain) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  const [domain] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!domain) throw new Error("no customer e-mail in the seed");
  return domain;
}

const highlighted = (list: Locator) => list.getByRole("option", { selected: true });
/** An option's second line or column (an e-mail), apart from its label. */
const detailOf = async (option: Locator) => (await option.locator(":scope > span").last().textContent())?.trim() ?? "";

/** axe finds nothing serious with the picker open, in light and in dark. */
async function axeClean(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  await colorsSettled(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });
  await colorsSettled(page);
}

/** Buttons fade between themes: contrast is read once the transitions are over. */
const colorsSettled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== "running"));

/** Opens with a click; checks the names and the ARIA that tie trigger, popup, search and list together. */
async function openPicker(page: Page, trigger: Locator, names: { popup: string; search: string; list: string }) {
  await expect(trigger).toHaveAttribute("aria-haspopup", "dialog");
  await expect(trigger).toHaveAttribute("aria-expanded", "false");
  await trigger.click();
  const popup = page.getByRole("dialog", { name: names.popup });
  await expect(popup).toBeVisible();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  await expect(trigger).toHaveAttribute("aria-controls", (await popup.getAttribute("id"))!);
  const search = popup.getByRole("combobox", { name: names.search });
  await expect(search).toBeFocused();
  const list = popup.getByRole("listbox", { name: names.list });
  await expect(list).toBeVisible();
  await expect(search).toHaveAttribute("aria-controls", (await list.getAttribute("id"))!);
  return { popup, search, list };
}

/** Escape closes and returns focus to the trigger; a click elsewhere closes without taking it back. */
async function checkDismissal(page: Page, trigger: Locator, names: { popup: string; search: string; list: string }) {
  let { popup } = await openPicker(page, trigger, names);
  await page.keyboard.press("Escape");
  await expect(popup).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(trigger).toHaveAttribute("aria-expanded", "false");

  ({ popup } = await openPicker(page, trigger, names));
  await page.getByRole("heading", { level: 1 }).click();
  await expect(popup).toBeHidden();
  await expect(trigger).toHaveAttribute("aria-expanded", "false");
}

/** Arrows move the highlight one option at a time, and back. */
async function checkArrows(page: Page, list: Locator) {
  const first = await highlighted(list).textContent();
  await page.keyboard.press("ArrowDown");
  await expect(highlighted(list)).not.toHaveText(first!);
  const second = await highlighted(list).textContent();
  await page.keyboard.press("ArrowUp");
  await expect(highlighted(list)).toHaveText(first!);
  return { first: first!, second: second! };
}

test.describe("pickers", () => {
  test.describe.configure({ timeout: 120_000 });

  test("assignee picker: keyboard, filter, names, axe", async ({ page }) => {
    await signInAs(page, "admin");
    const ticketId = await ownTicket();
    await page.goto(`/demo/tickets/${ticketId}`);
    const trigger = page.getByRole("button", { name: /^Assignee/ });
    await expect(trigger).toHaveAttribute("data-testid", "assignee-picker");
    const names = { popup: "Assignee", search: "Search assignee", list: "Agents" };
    await checkDismissal(page, trigger, names);

    const { popup, search, list } = await openPicker(page, trigger, names);
    // Opens on the value in effect, marked as such.
    await expect(highlighted(list)).toContainText("Unassigned");
    await expect(highlighted(list)).toContainText("(current)");
    await snapshot(page, "picker-assignee");
    await axeClean(page);

    const { second } = await checkArrows(page, list);
    await page.keyboard.press("ArrowDown");
    await expect(highlighted(list)).toHaveText(second);
    const agent = (await highlighted(list).getByTestId("option-label").textContent())!;

    // Typing filters by name; "Unassigned" does not match the agent's name.
    await search.pressSequentially(agent);
    await expect(list.getByRole("option", { name: "Unassigned" })).toHaveCount(0);
    await expect(highlighted(list)).toContainText(agent);

    await sandbox.clearRequests();
    await page.keyboard.press("Enter");
    await expect(popup).toBeHidden();
    await expect(trigger).toBeFocused();
    await expect(trigger).toContainText(agent);
    await expect.poll(async () => (await sandbox.requests()).some((r) => r.method === "PUT" && r.path === `/api/tickets/${ticketId}`)).toBe(true);
  });

  test("team picker: keyboard, filter, names, axe", async ({ page }) => {
    await signInAs(page, "admin");
    const ticketId = await ownTicket();
    await page.goto(`/demo/tickets/${ticketId}`);
    const trigger = page.getByTestId("team-picker");
    await expect(trigger).toHaveAccessibleName(/^Team/);
    const names = { popup: "Team", search: "Search team", list: "Teams" };
    await checkDismissal(page, trigger, names);

    const { popup, search, list } = await openPicker(page, trigger, names);
    await expect(list.getByRole("option", { name: /VIP/ })).toBeVisible();
    await axeClean(page);
    await checkArrows(page, list);

    await search.pressSequentially("VIP");
    await expect(list.getByRole("option")).toHaveCount(1);
    await expect(highlighted(list)).toContainText("VIP");
    await page.keyboard.press("Enter");
    await expect(popup).toBeHidden();
    await expect(trigger).toBeFocused();
    await expect(trigger).toContainText("VIP");
  });

  test("macro picker: keyboard, search, names, axe", async ({ page }) => {
    await signInAs(page, "agent");
    const ticketId = await ownTicket();
    await page.goto(`/demo/tickets/${ticketId}`);
    const editor = page.getByTestId("composer").getByRole("textbox");
    await expect(editor).toBeVisible({ timeout: 30_000 });
    const trigger = page.getByTestId("composer").getByRole("button", { name: "Macros" });
    const names = { popup: "Insert a macro", search: "Search macros", list: "Macros" };
    await checkDismissal(page, trigger, names);

    const { popup, search, list } = await openPicker(page, trigger, names);
    await expect(list.getByRole("option", { name: /Order status: in transit/ })).toBeVisible();
    const all = await list.getByRole("option").count();
    // The search goes to Gorgias (after a pause in typing); its answer is listed as it is.
    await search.pressSequentially("Order");
    await expect.poll(() => list.getByRole("option").count()).toBeLessThan(all);
    await expect(list.getByRole("option", { name: /Order status: in transit/ })).toBeVisible();
    await expect(list.getByRole("option")).not.toHaveCount(1);
    await snapshot(page, "picker-macro");
    await axeClean(page);

    await checkArrows(page, list);
    for (let i = 0; i < all && !((await highlighted(list).textContent()) ?? "").includes("Order status: in transit"); i++) await page.keyboard.press("ArrowDown");
    await expect(highlighted(list)).toContainText("Order status: in transit");
    await page.keyboard.press("Enter");
    await expect(popup).toBeHidden();
    // Picking previews the macro first (docs/safety.md#macros); Apply puts its text in.
    const preview = page.getByTestId("macro-preview");
    await expect(preview.getByRole("heading", { name: /Order status: in transit/ })).toBeFocused();
    await preview.getByRole("button", { name: "Apply" }).click();
    await expect(editor).toHaveValue(/is on its way/);
    // The composer takes focus to write on; Escape in it must not bring the picker back.
    await expect(editor).toBeFocused();
  });

  test("inbox customer filter: keyboard, search, names, axe", async ({ page }) => {
    await signInAs(page, "admin");
    await expect(page.getByTestId("inbox")).toHaveAttribute("data-hydrated", "true", { timeout: 20_000 });
    const domain = await commonEmailDomain();
    const trigger = page.getByRole("button", { name: "Customer", exact: true });
    const names = { popup: "Find a customer", search: "Find a customer by e-mail or name", list: "Matching customers" };
    await checkDismissal(page, trigger, names);

    const { popup, search, list } = await openPicker(page, trigger, names);
    await search.pressSequentially(domain);
    await expect(list.getByRole("option").first()).toContainText(domain);
    await expect(list.getByRole("option")).not.toHaveCount(1);
    await snapshot(page, "picker-customer-filter");
    await axeClean(page);

    await checkArrows(page, list);
    await page.keyboard.press("ArrowDown");
    const email = await detailOf(highlighted(list));
    expect(email).toContain("@");
    await page.keyboard.press("Enter");
    await expect(popup).toBeHidden();
    await expect(page).toHaveURL(/[?&]customer=\d+/);
    const customerId = Number(new URL(page.url()).searchParams.get("customer"));
    const customer = await gorgias<WireCustomer>("GET", `/customers/${customerId}`);
    expect(customer.email).toBe(email);
    await expect(page.getByTestId("customer-chip")).toBeVisible();
  });

  test("new-ticket customer field: suggestions by keyboard, names, axe", async ({ page }) => {
    await signInAs(page, "agent");
    const domain = await commonEmailDomain();
    await page.goto("/demo/tickets/new");
    const form = page.getByTestId("new-ticket-form");
    const field = form.getByRole("combobox", { name: "Customer email" });
    await expect(field).toHaveAttribute("aria-expanded", "false");
    const list = page.getByRole("listbox", { name: "Matching customers" });

    // Typed text stays the value until a suggestion is chosen: nothing is highlighted at first.
    await field.fill(domain);
    await expect(list.getByRole("option").first()).toBeVisible();
    await expect(list.getByRole("option")).not.toHaveCount(1);
    await expect(field).toHaveAttribute("aria-expanded", "true");
    await expect(field).toHaveAttribute("aria-controls", (await list.getAttribute("id"))!);
    await expect(highlighted(list)).toHaveCount(0);
    await expect(field).not.toHaveAttribute("aria-activedescendant");
    await snapshot(page, "picker-new-ticket-customer");
    await axeClean(page);

    // Escape hides the suggestions; focus never left the field.
    await page.keyboard.press("Escape");
    await expect(list).toBeHidden();
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(domain);
    await expect(field).toHaveAttribute("aria-expanded", "false");

    // A click elsewhere hides them too.
    await page.keyboard.press("ArrowDown");
    await expect(list).toBeVisible();
    await page.getByRole("heading", { level: 1 }).click();
    await expect(list).toBeHidden();

    // Arrows move the highlight (announced through aria-activedescendant), Enter takes it.
    await field.click();
    await expect(list).toBeVisible();
    await page.keyboard.press("ArrowDown");
    const first = highlighted(list);
    await expect(first).toHaveCount(1);
    await expect(field).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await checkArrows(page, list);
    await page.keyboard.press("ArrowDown");
    await expect(field).toHaveAttribute("aria-activedescendant", (await highlighted(list).getAttribute("id"))!);
    const email = await detailOf(highlighted(list));
    expect(email).toContain("@");
    await page.keyboard.press("Enter");
    await expect(list).toBeHidden();
    await expect(field).toHaveValue(email);
    await expect(field).toBeFocused();
    // Enter took the suggestion; it did not also submit the form.
    await expect(page).toHaveURL(/\/demo\/tickets\/new$/);
    await expect(form.getByText("Add a subject.")).toHaveCount(0);
  });
});
