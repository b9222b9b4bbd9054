import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { gorgiasAsAdmin as gorgias, sandbox, type LoggedRequest } from "./support/sandbox-control";
import { signInAs, snapshot } from "./support/session";

// Issue 10, items 5 and 6: the reply's integration signature (shown, appended once by the server)
// and attachments (picker → our upload route → Gorgias's POST /api/upload → the message).

interface WireTicket {
  id: number;
  channel: string;
  status: string;
  customer: { email: string | null } | null;
  messages?: { from_agent: boolean; integration_id: number | null }[];
}

const used = new Set<number>();
/** An open email ticket with a customer address that no other test of this file has touched. */
async function freshEmailTicket(): Promise<{ id: number; email: string }> {
  const { data } = await gorgias<{ data: WireTicket[] }>("GET", "/tickets?limit=100&order_by=updated_datetime:desc");
  const t = data.find((x) => x.channel === "email" && x.status === "open" && x.customer?.email && !used.has(x.id));
  if (!t?.customer?.email) throw new Error("no open email ticket left in the sandbox");
  used.add(t.id);
  return { id: t.id, email: t.customer.email };
}

const composer = (page: Page) => page.getByTestId("composer");
const editor = (page: Page) => composer(page).getByRole("textbox");
const uploadsIn = (log: LoggedRequest[]) => log.filter((r) => r.method === "POST" && r.path === "/api/upload");
const postsTo = (log: LoggedRequest[], ticketId: number) => log.filter((r) => r.method === "POST" && r.path === `/api/tickets/${ticketId}/messages`);
const occurrences = (text: string | null, needle: string) => (text ?? "").split(needle).length - 1;

async function openTicket(page: Page, id: number) {
  await page.goto(`/demo/tickets/${id}`);
  await expect(editor(page)).toBeVisible({ timeout: 30_000 });
}

async function outboxFor(ticketId: number) {
  await sandbox.flush();
  return (await sandbox.outbox()).filter((e) => e.ticket_id === ticketId);
}

test.describe("composer extras: signatures and attachments", () => {
  test.describe.configure({ timeout: 120_000 });
  test.beforeEach(async () => {
    await sandbox.clearFaults();
  });

  test("a reply shows its integration's signature, and the email carries it exactly once; a note shows none", async ({ page }) => {
    const ticket = await freshEmailTicket();
    const agent = await signInAs(page, "agent");
    const firstName = agent.name.split(" ")[0]!;
    await openTicket(page, ticket.id);
    const preview = composer(page).getByTestId("signature-preview");
    await expect(preview).toContainText("added when the email is sent");
    await expect(preview).toContainText(firstName);

    await editor(page).fill("Your replacement jacket ships tomorrow.");
    await composer(page).getByRole("button", { name: "Send email" }).click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });

    const [mail, ...more] = await outboxFor(ticket.id);
    expect(more).toHaveLength(0);
    const shown = (await preview.locator("p").innerText()).trim();
    expect(mail!.body_text).toBe(`Your replacement jacket ships tomorrow.\n\n${shown}`);
    // The integration the customer wrote to signs it (Northpeak Support or Returns), for this agent.
    expect(shown.startsWith(firstName)).toBe(true);
    expect(shown).toContain("Northpeak");
    expect(occurrences(mail!.body_text, shown.split("\n").at(-1)!)).toBe(1);
    expect(occurrences(mail!.body_html, shown.split("\n").at(-1)!)).toBe(1);

    // Notes are for the team: no signature there.
    await composer(page).getByRole("tab", { name: /Internal note/ }).click();
    await expect(composer(page).getByTestId("signature-preview")).toHaveCount(0);
  });

  test("a file attached with the picker is uploaded once and reaches the outbox once; axe clean; screenshot", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await sandbox.clearRequests();

    await editor(page).fill("Here is your prepaid return label.");
    await composer(page).getByTestId("attach-input").setInputFiles({ name: "return-label.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 prepaid return label") });
    const chip = composer(page).getByTestId("attachment-chip");
    await expect(chip).toContainText("return-label.pdf");
    await expect(chip).toContainText("29 bytes");
    await expect(composer(page).getByRole("button", { name: "Remove return-label.pdf" })).toBeVisible();
    await expect(composer(page).getByTestId("signature-preview")).toBeVisible();
    await expect(composer(page).getByRole("button", { name: "Send email" })).toBeEnabled();

    expect(await seriousViolations(page)).toEqual([]);
    await composer(page).screenshot({ path: "docs/screenshots/composer-attachments.png" });
    await snapshot(page, "compose-extras-attachment");

    await composer(page).getByRole("button", { name: "Send email" }).click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });
    await expect(composer(page).getByTestId("attachment-chip")).toHaveCount(0);

    const log = await sandbox.requests();
    expect(uploadsIn(log).filter((r) => r.status === 201)).toHaveLength(1);
    const posts = postsTo(log, ticket.id);
    expect(posts).toHaveLength(1);
    const mails = await outboxFor(ticket.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.attachments).toEqual([{ url: expect.stringContaining("/demo/files/uploads/"), name: "return-label.pdf", content_type: "application/pdf", size: 29 }]);
    // The thread shows the sent file.
    await expect(page.getByRole("list", { name: "Attachments" }).getByText("return-label.pdf")).toBeVisible({ timeout: 30_000 });
  });

  test("an oversize file and a program are refused with a clear message, and nothing is uploaded or sent", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await sandbox.clearRequests();

    await editor(page).fill("Video of the issue attached.");
    await composer(page).getByTestId("attach-input").setInputFiles([
      { name: "unboxing.mov", mimeType: "video/quicktime", buffer: Buffer.alloc(11_000_000) },
      { name: "fix.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") },
    ]);
    const refused = composer(page).getByTestId("attachments-refused");
    await expect(refused).toContainText("These files were not attached:");
    await expect(refused).toContainText("unboxing.mov is 11 MB: files can be at most 10 MB each.");
    await expect(refused).toContainText("fix.exe: programs and scripts (.exe) cannot be attached.");
    await expect(composer(page).getByTestId("attachment-chip")).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);

    // The refusal stopped nothing else: the text alone may still be sent, and goes without a file.
    await composer(page).getByRole("button", { name: "Send email" }).click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });
    const log = await sandbox.requests();
    expect(uploadsIn(log)).toHaveLength(0);
    const mails = await outboxFor(ticket.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.attachments).toEqual([]);
  });

  test("Send waits while a file uploads, and a failed upload holds the send back until removed", async ({ page }) => {
    const ticket = await freshEmailTicket();
    await signInAs(page, "agent");
    await openTicket(page, ticket.id);
    await sandbox.clearRequests();
    await sandbox.fault({ method: "POST", path: "/api/upload", kind: "status", status: 503, count: 1 });

    await editor(page).fill("Photo attached.");
    await composer(page).getByTestId("attach-input").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("png") });
    await expect(composer(page).getByTestId("attachment-failed")).toContainText("photo.png");
    const send = composer(page).getByRole("button", { name: "Send email" });
    await expect(send).toBeDisabled();
    await expect(composer(page)).toContainText("photo.png did not upload: try it again or remove it.");

    await composer(page).getByRole("button", { name: "Try uploading photo.png again" }).click();
    await expect(composer(page).getByTestId("attachment-chip")).toContainText("photo.png");
    await expect(send).toBeEnabled();
    await send.click();
    await expect(composer(page).getByTestId("composer-status")).toHaveText("Email sent", { timeout: 30_000 });
    const mails = await outboxFor(ticket.id);
    expect(mails.map((m) => m.attachments.map((a) => a.name))).toEqual([["photo.png"]]);
    expect(uploadsIn(await sandbox.requests()).filter((r) => r.status === 201)).toHaveLength(1);
  });
});
