import { expect, test } from "@playwright/test";
import { SANDBOX_URL, sandbox } from "./support/sandbox-control";
import { signInAs, snapshot } from "./support/session";

async function gorgiasTicket(id: number): Promise<{ subject: string | null; customer: { email: string | null } | null }> {
  const admin = await sandbox.agentWithRole("admin");
  const res = await fetch(`${SANDBOX_URL}/demo/api/tickets/${id}`, {
    headers: { authorization: `Basic ${Buffer.from(`${admin.email}:${admin.api_key}`).toString("base64")}` },
  });
  return res.json();
}

test.describe("new ticket", () => {
  test.describe.configure({ timeout: 120_000 });

  test("each field says what is wrong, and nothing typed is lost", async ({ page }) => {
    await signInAs(page, "agent");
    await page.goto("/demo/tickets/new");
    const form = page.getByTestId("new-ticket-form");
    await form.getByLabel("Customer email").fill("not-an-email");
    await form.getByLabel(/First message/).fill("Kept text");
    await form.getByRole("button", { name: "Create & send email" }).click();
    await expect(form.getByLabel("Customer email")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Subject")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Add a subject.")).toBeVisible();
    await expect(form.getByLabel(/First message/)).toHaveValue("Kept text");
    await snapshot(page, "new-ticket-errors");

    // A reload keeps the form too: it lives on this device until the ticket exists.
    await page.reload();
    await expect(page.getByTestId("new-ticket-form").getByLabel(/First message/)).toHaveValue("Kept text");
  });

  test("an agent opens a ticket for a new customer by email and lands on it", async ({ page }) => {
    const email = `new.customer.${Date.now()}@example.com`;
    await signInAs(page, "agent");
    await page.goto("/demo/tickets/new");
    const form = page.getByTestId("new-ticket-form");
    await expect(form.getByRole("tab", { name: /Email to customer/ })).toHaveAttribute("aria-selected", "true");
    await form.getByLabel("Customer email").fill(email);
    await form.getByLabel("Customer name").fill("Robin Newcomer");
    await form.getByLabel("Subject").fill("Your replacement order");
    await form.getByLabel(/First message/).fill("Hi Robin, we are sending a replacement today.");
    await expect(form.getByTestId("composer-audience")).toContainText(`To: ${email} · this will be emailed`);
    await snapshot(page, "new-ticket-filled");

    // Twice, as an impatient double click: one ticket, one email.
    await form.getByRole("button", { name: "Create & send email" }).dblclick();
    await expect(page).toHaveURL(/\/demo\/tickets\/\d+$/, { timeout: 30_000 });
    const id = Number(new URL(page.url()).pathname.split("/").pop());
    const ticket = await gorgiasTicket(id);
    expect(ticket.subject).toBe("Your replacement order");
    expect(ticket.customer?.email).toBe(email);
    await sandbox.flush();
    expect((await sandbox.outbox()).filter((e) => e.to.includes(email))).toHaveLength(1);
    await snapshot(page, "new-ticket-landed");

    // The form starts blank again, with a new operation id.
    await page.goto("/demo/tickets/new");
    await expect(page.getByTestId("new-ticket-form").getByLabel("Subject")).toHaveValue("");
  });

  test("a ticket opened with an internal note: the customer is e-mailed nothing and the note stays private", async ({ page }) => {
    const email = `quiet.customer.${Date.now()}@example.com`;
    await signInAs(page, "agent");
    await page.goto("/demo/tickets/new");
    const form = page.getByTestId("new-ticket-form");
    await form.getByRole("tab", { name: /Internal note/ }).click();
    await expect(form.getByTestId("composer-audience")).toHaveText("Only agents see this");
    await form.getByLabel("Customer email").fill(email);
    await form.getByLabel("Subject").fill("Phone call follow-up");
    await form.getByLabel(/First message/).fill("Called about a missing parcel; checking with the carrier.");
    await expect(form.getByTestId("note-first")).toBeVisible();
    await snapshot(page, "new-ticket-note");
    await form.getByRole("button", { name: "Create with note" }).click();
    await expect(page).toHaveURL(/\/demo\/tickets\/\d+$/, { timeout: 30_000 });
    const id = Number(new URL(page.url()).pathname.split("/").pop());
    await expect(page.getByText("Internal note · only agents see this").first()).toBeVisible();
    const ticket = await gorgiasTicket(id);
    expect(ticket.customer?.email).toBe(email);
    type TicketPost = { customer: { email?: string }; messages: Array<{ channel: string; public: boolean }> };
    const posted = (await sandbox.requests()).filter((r) => r.method === "POST" && r.path === "/api/tickets" && (r.body as TicketPost).customer.email === email);
    expect(posted).toHaveLength(1);
    expect((posted[0]?.body as TicketPost).messages[0]).toMatchObject({ channel: "internal-note", public: false });
    await sandbox.flush();
    expect((await sandbox.outbox()).filter((e) => e.ticket_id === id || e.to.includes(email))).toHaveLength(0);
  });
});
