import http from "node:http";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { sandbox } from "./support/sandbox-control";
import { signInAs, snapshot } from "./support/session";

const SESSION_COOKIE = /authjs\.session-token/;

test.describe("agent sign-in", () => {
  test("a wrong key is refused with one generic message and no session", async ({ page, context }) => {
    const admin = await sandbox.agentWithRole("admin");
    await page.goto("/sign-in");
    await page.getByLabel("Account").fill("demo");
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("API key").fill("definitely-not-the-key");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("sign-in-error")).toContainText("Those credentials did not work");
    expect((await context.cookies()).some((c) => SESSION_COOKIE.test(c.name))).toBe(false);
    await page.goto("/demo");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a demo agent signs in with one click and sees the account's first tickets", async ({ page }) => {
    await sandbox.clearRequests();
    const agent = await signInAs(page, "agent");
    const rows = page.getByTestId("ticket-row");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(page.getByTestId("signed-in-agent")).toContainText(agent.name);
    await snapshot(page, "signed-in");
    // Gorgias saw the agent's own credentials: the sign-in check is attributed to them. (The list may
    // come from the account's shared cache, read by a colleague who sees the whole account.)
    const log = await sandbox.requests();
    expect(log.some((r) => r.path === "/api/users/0" && r.user_email === agent.email && r.status === 200)).toBe(true);
  });

  test("signing in returns the agent to the page they were sent away from, never elsewhere", async ({ page }) => {
    const agent = await sandbox.agentWithRole("agent");
    await page.goto("/demo?q=order");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByRole("button", { name: `Sign in as ${agent.name} (${agent.role}, demo)` }).click();
    await expect(page).toHaveURL(/\/demo\?q=order$/, { timeout: 30_000 });

    // A crafted link cannot send a signed-in agent off-site or into another account.
    for (const target of ["//evil.example/demo", "https://evil.example/", "/acme"]) {
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
      await expect(page).toHaveURL(/\/demo$/);
    }
  });

  test("the API key never reaches the browser: no response body, page or cookie carries it", async ({ page, context }) => {
    const agent = await sandbox.agentWithRole("admin");
    const bodies: string[] = [];
    page.on("response", async (response) => {
      try {
        bodies.push(`${response.url()}\n${JSON.stringify(response.headers())}\n${await response.text()}`);
      } catch {
        // Redirects and aborted requests have no body to read.
      }
    });
    await signInAs(page, "admin");
    await page.reload();
    await page.goto("/api/auth/session");
    await page.goto("/api/demo/tickets");
    await page.goto("/demo");
    await expect(page.getByTestId("ticket-row").first()).toBeVisible();
    bodies.push(await page.content());
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) expect(body).not.toContain(agent.api_key);
    for (const cookie of await context.cookies()) expect(cookie.value).not.toContain(agent.api_key);
    const session = await context.cookies().then((cs) => cs.find((c) => SESSION_COOKIE.test(c.name)));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(storage).not.toContain(agent.api_key);
  });

  test("a revoked session is refused by pages, route handlers and server actions", async ({ page, context, browser }) => {
    await signInAs(page, "admin");
    await expect(page.getByTestId("ticket-row").first()).toBeVisible();
    const stolen = await context.cookies();

    // Sign out from a second tab: the server revokes the session, not just the cookie.
    const other = await context.newPage();
    await other.goto("/demo");
    await other.getByRole("button", { name: "Sign out" }).click();
    await expect(other).toHaveURL(/\/sign-in/);
    await other.close();

    // Replay the old cookie, as a thief or a stale tab would.
    await context.addCookies(stolen);
    await sandbox.clearRequests();

    const api = await page.request.get("/api/demo/tickets");
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe("unauthenticated");

    // The still-open page calls a server action with the revoked cookie: refused, and the agent is
    // sent to sign in, with the way back to this page.
    await page.getByRole("button", { name: /^Close ticket|^Reopen ticket/ }).first().click();
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdemo&reason=expired$/);
    expect((await sandbox.requests()).filter((r) => r.method !== "GET")).toEqual([]);

    await page.goto("/demo");
    await expect(page).toHaveURL(/\/sign-in/);

    // A fresh browser with the old cookie fares no better.
    const fresh = await browser.newContext();
    await fresh.addCookies(stolen);
    const freshPage = await fresh.newPage();
    await freshPage.goto("/demo");
    await expect(freshPage).toHaveURL(/\/sign-in/);
    await fresh.close();
  });

  test("a session that ends while the inbox is open lands on sign-in, then back on the same search", async ({ page, context }) => {
    const agent = await signInAs(page, "agent");
    await page.goto("/demo?q=order");
    await expect(page.getByTestId("inbox")).toHaveAttribute("data-hydrated", "true");

    // Signed out elsewhere (another tab, an admin): the server session is gone, this page is not.
    const other = await context.newPage();
    await other.goto("/demo");
    await other.getByRole("button", { name: "Sign out" }).click();
    await expect(other).toHaveURL(/\/sign-in/);
    await other.close();

    // The inbox's next read (its background refresh) is refused: the agent is sent to sign-in with
    // the way back, and from there returns to the same search.
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdemo%3Fq%3Dorder&reason=expired$/, { timeout: 30_000 });
    await expect(page.getByTestId("sign-in-reason")).toContainText("Your session has ended");
    await page.getByRole("button", { name: `Sign in as ${agent.name} (${agent.role}, demo)` }).click();
    await expect(page).toHaveURL(/\/demo\?q=order$/, { timeout: 30_000 });
    await expect(page.getByLabel("Search tickets")).toHaveValue("order");
  });

  test("repeated failures lock out the email before any call to Gorgias", async ({ page }) => {
    const agent = await sandbox.agentWithRole("agent", "acme");
    const attempt = async (key: string) => {
      await page.goto("/sign-in");
      await page.getByLabel("Account").fill("acme");
      await page.getByLabel("Email").fill(agent.email);
      await page.getByLabel("API key").fill(key);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
    };
    for (let i = 0; i < 5; i++) {
      await attempt(`wrong-key-${i}-xxxxxxxx`);
      await expect(page.getByTestId("sign-in-error")).toBeVisible();
    }
    await sandbox.clearRequests();
    await attempt(agent.api_key);
    await expect(page.getByTestId("sign-in-error")).toContainText("Those credentials did not work");
    expect(await sandbox.requests("acme")).toEqual([]);
  });

  test("an address with a broken % escape is a plain 400 on pages, routes and auth, never a 500", async ({ playwright, baseURL }) => {
    const anyone = await playwright.request.newContext({ baseURL });
    for (const path of ["/demo/%E0%A4%A", "/demo/tickets/%ZZ", "/api/demo/tickets/%", "/api/auth/%zz", "/sign-in/%"]) {
      const res = await anyone.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(400);
      expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
    }
    // A well-formed escape still reaches its page.
    expect((await anyone.get("/sign-in?next=%2Fdemo", { maxRedirects: 0 })).status()).toBe(200);
    await anyone.dispose();
  });

  test("a malformed host, forwarded host or callback is a 400, an oversized body a 413, never a 500", async ({ baseURL }) => {
    const evil = "127.0.0.1:3300.evil.example";
    const status = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(path, baseURL);
        const req = http.request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: init.method ?? "GET", headers: init.headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end(init.body);
      });
    for (const path of ["/sign-in", "/demo", "/api/auth/session", "/api/demo/views"]) {
      expect(await status(path, { headers: { host: evil } }), `Host on ${path}`).toBe(400);
      expect(await status(path, { headers: { "x-forwarded-host": evil } }), `X-Forwarded-Host on ${path}`).toBe(400);
      expect(await status(`${path}?callbackUrl=${encodeURIComponent(`http://${evil}/x`)}`), `callbackUrl on ${path}`).toBe(400);
    }
    // A poisoned return-address cookie is forgotten, not a lock-out until it expires.
    for (const path of ["/api/auth/session", "/api/auth/csrf", "/sign-in"]) {
      expect(await status(path, { headers: { cookie: `authjs.callback-url=${encodeURIComponent(`http://${evil}`)}` } }), `cookie on ${path}`).toBe(200);
    }
    expect(await status("/demo", { method: "POST", headers: { "content-type": "text/plain", "next-action": "x" }, body: "a".repeat(1_100_000) })).toBe(413);
  });

  test("a fuzz run of malformed paths, queries, hosts and callbacks gets no 500", async ({ baseURL }) => {
    const url = new URL(baseURL!);
    const raw = (path: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: url.hostname, port: url.port, path, method: "GET", headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
    const junk = fc.stringMatching(/^[%A-Za-z0-9._~:@!$&'()*+,;=\/\-]{0,24}$/);
    const cases = fc.sample(
      fc.record({
        prefix: fc.constantFrom("/", "/demo/", "/demo/tickets/", "/api/demo/tickets/", "/api/auth/", "/sign-in", "/demo/customers/"),
        path: junk,
        query: fc.option(junk, { nil: undefined }),
        host: fc.option(fc.stringMatching(/^[a-z0-9.:\-]{1,30}$/), { nil: undefined }),
        callback: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
      }),
      { numRuns: 150, seed: 12 },
    );
    const failures: string[] = [];
    for (const c of cases) {
      const query = [c.query !== undefined ? `q=${c.query}` : null, c.callback !== undefined ? `callbackUrl=${encodeURIComponent(c.callback)}` : null].filter(Boolean).join("&");
      const path = `${c.prefix}${c.path.replace(/^\/+/, "")}${query ? `?${query}` : ""}`;
      const code = await raw(path, c.host !== undefined ? { host: c.host } : {});
      if (code >= 500) failures.push(`${code} ${path} host=${c.host ?? "(default)"}`);
    }
    expect(failures).toEqual([]);
  });
});

