import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { signInAs, snapshot } from "./support/session";

/** Makes a token on the settings page and returns it as shown (once). */
async function createToken(page: Page, name: string, scopes: readonly string[]): Promise<string> {
  await page.getByLabel("Name").fill(name);
  for (const scope of ["read", "write", "send"]) {
    const box = page.getByRole("checkbox", { name: new RegExp(`^${scope} —`) });
    if (scopes.includes(scope)) await box.check();
    else await box.uncheck();
  }
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token-value");
  await expect(shown).toHaveText(/^gdk_[A-Za-z0-9_-]{43}$/);
  return (await shown.textContent()) ?? "";
}

test.describe("assistants settings", () => {
  test("a token is shown once, listed with its scopes and last use, and revocable", async ({ page }) => {
    await signInAs(page, "agent");
    await page.getByTestId("assistants-link").click();
    await expect(page.getByRole("heading", { name: "Assistants" })).toBeVisible();
    await expect(page.getByTestId("mcp-endpoint")).toHaveText(/\/api\/mcp$/);

    const token = await createToken(page, "Claude on my laptop", ["read", "write"]);
    const row = page.locator('[data-testid="assistant-token"][data-token-name="Claude on my laptop"]');
    await expect(row.getByTestId("token-scopes")).toHaveText("read, write");
    await expect(row.getByTestId("token-last-used")).toHaveText("last used never");
    expect(await seriousViolations(page)).toEqual([]);
    await snapshot(page, "assistants");

    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("new-token")).toBeHidden();
    // Shown once: after a reload the page (HTML and data) holds only its hint.
    await page.reload();
    await expect(row).toBeVisible();
    expect(await page.content()).not.toContain(token);
    expect(await page.content()).not.toContain(token.slice(8));

    await row.getByRole("button", { name: "Revoke Claude on my laptop…" }).click();
    await row.getByRole("button", { name: "Revoke Claude on my laptop", exact: true }).click();
    await expect(row).toHaveAttribute("data-revoked", "true");
    await expect(row).toContainText("revoked just now");
    await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  });

  test("an assistant connects with the token; its work is labelled in the ticket and its calls listed under it; once revoked it gets 401", async ({ page, baseURL }) => {
    const agent = await signInAs(page, "agent");
    await page.goto("/demo/assistants");
    const token = await createToken(page, "Cursor", ["read", "write"]);
    const endpoint = new URL((await page.getByTestId("mcp-endpoint").textContent()) ?? "", baseURL);
    const connect = async () => {
      const client = new Client({ name: "e2e", version: "1.0.0" });
      await client.connect(new StreamableHTTPClientTransport(endpoint, { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
      return client;
    };

    const client = await connect();
    const users = await client.callTool({ name: "list_users", arguments: { accountDomain: "demo" } });
    expect(users.isError).toBeFalsy();
    expect((users.structuredContent as { users: unknown[] }).users.length).toBeGreaterThan(0);
    const wrongAccount = await client.callTool({ name: "list_users", arguments: { accountDomain: "acme" } });
    expect(wrongAccount.isError).toBe(true);

    // In the ticket, what the assistant wrote and changed is labelled as the agent's assistant's.
    const listed = await client.callTool({ name: "list_tickets", arguments: { accountDomain: "demo", limit: 1 } });
    const ticketId = (listed.structuredContent as { tickets: Array<{ id: number }> }).tickets[0]!.id;
    const note = await client.callTool({ name: "create_ticket_message", arguments: { accountDomain: "demo", ticketId, bodyText: "Summary by the assistant: waiting on the warehouse." } });
    expect(note.isError).toBeFalsy();
    expect((await client.callTool({ name: "update_ticket", arguments: { accountDomain: "demo", ticketId, priority: "high" } })).isError).toBeFalsy();
    await page.goto(`/demo/tickets/${ticketId}`);
    const labelled = page.getByTestId("thread-message").filter({ hasText: "Summary by the assistant" });
    await expect(labelled.getByTestId("assistant-label")).toHaveText(`via ${agent.name}'s assistant`);
    await expect(page.getByTestId("assistant-label")).toHaveCount(1);
    await expect(page.getByTestId("assistant-change").first()).toContainText(`${agent.name}'s assistant changed priority`);
    await snapshot(page, "ticket-assistant");

    await page.goto("/demo/assistants");
    const row = page.locator('[data-testid="assistant-token"][data-token-name="Cursor"]');
    await expect(row.getByTestId("token-last-used")).toHaveText("last used just now");
    await row.getByText(/Recent calls/).click();
    await expect(row.getByTestId("recent-call")).toHaveCount(5);
    await expect(row.getByTestId("recent-call").last()).toContainText("list_users");
    await expect(row.getByTestId("recent-call").nth(3)).toContainText("error (other_account)");
    await expect(row.getByTestId("recent-call").first()).toContainText("update_ticket");

    await row.getByRole("button", { name: "Revoke Cursor…" }).click();
    await row.getByRole("button", { name: "Revoke Cursor", exact: true }).click();
    await expect(row).toHaveAttribute("data-revoked", "true");
    await expect(client.callTool({ name: "list_users", arguments: { accountDomain: "demo" } })).rejects.toMatchObject({ code: 401 });
    await expect(connect()).rejects.toMatchObject({ code: 401 });
  });

  test("an observer's tokens may only read", async ({ page }) => {
    await signInAs(page, "observer-agent");
    await page.goto("/demo/assistants");
    await expect(page.getByRole("checkbox", { name: /^read —/ })).toBeEnabled();
    await expect(page.getByRole("checkbox", { name: /^write —/ })).toBeDisabled();
    await expect(page.getByRole("checkbox", { name: /^send —/ })).toBeDisabled();
    await createToken(page, "Reader", ["read"]);
    await expect(page.locator('[data-testid="assistant-token"][data-token-name="Reader"]').getByTestId("token-scopes")).toHaveText("read");
  });
});
