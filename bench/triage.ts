import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { startSandbox } from "../sandbox/server";
import { benchDeskEnv, requireProductionBuild, startNext, type NextServer } from "./support/next-server";
import { fmt, percentile } from "./team/stats";

// How fast an agent works through the list in a production build, in one Chromium at 1280×800:
// - open: click on a list row → that ticket's thread on screen (its first message visible);
// - close: Close on an open ticket → the list's next ticket's thread on screen;
// - key: j on a ticket → the list's next ticket's thread on screen.
// Each round closes one open ticket of the default list.
// The sandbox answers with its default latency off and no rate limit, so the figures are the Desk's.
// Usage: npm run build && npm run bench:triage [-- --rounds 12]

const rounds = Number(process.argv[process.argv.indexOf("--rounds") + 1]) || 12;

async function threadShown(page: Page, id: number): Promise<void> {
  await page.waitForURL(new RegExp(`/demo/tickets/${id}$`));
  await page.locator('[data-testid="ticket-view"] [data-message-id]').first().waitFor({ state: "visible" });
}

const rowIds = (page: Page) =>
  page.getByTestId("ticket-row").evaluateAll((rows) =>
    rows
      .map((r) => ({ id: Number(r.getAttribute("data-ticket-id")), index: Number(r.getAttribute("aria-rowindex")), open: r.querySelector('[data-testid="ticket-status"]')?.textContent === "open" }))
      .sort((a, b) => a.index - b.index),
  );

async function main(): Promise<void> {
  requireProductionBuild();
  const stateDir = mkdtempSync(path.join(tmpdir(), "desk-bench-triage-"));
  const sandbox = await startSandbox({ port: 0, dataDir: null, quiet: true, rateLimit: false });
  let next: NextServer | null = null;
  const browser = await chromium.launch({ executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined, args: ["--disable-gpu"] });
  try {
    next = await startNext({ env: benchDeskEnv(sandbox.url, { DATABASE_URL: "", PGLITE_DIR: path.join(stateDir, "pglite") }), logFile: path.join(stateDir, "next.log") });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${next.url}/sign-in`);
    await page.getByRole("button", { name: /^Sign in as .*\(admin, demo\)$/ }).first().click();
    await page.waitForURL(/\/demo(\?|$)/, { timeout: 60_000 });
    await page.locator('[data-testid="inbox"][data-hydrated="true"]').waitFor();

    const open: number[] = [];
    const close: number[] = [];
    const key: number[] = [];
    for (let i = 0; i < rounds; i++) {
      // Click → thread, from the inbox.
      const shown = await rowIds(page);
      const target = shown.find((r) => r.open && shown.some((s) => s.index === r.index + 1));
      if (!target) throw new Error("no open ticket with a next row on screen");
      let t = performance.now();
      await page.locator(`[data-testid="ticket-row"][data-ticket-id="${target.id}"] a`).first().click();
      await threadShown(page, target.id);
      open.push(performance.now() - t);
      await page.locator('[data-testid="ticket-view"][data-hydrated="true"]').waitFor();

      // Close → the list's next ticket's thread (the row after the closed one in the list beside it,
      // which a refresh may have reordered since the inbox was read).
      const beside = await rowIds(page);
      const after = beside[beside.findIndex((r) => r.id === target.id) + 1];
      if (!after) throw new Error("the opened ticket has no next row in the list beside it");
      t = performance.now();
      await page.getByTestId("status-toggle").click();
      await threadShown(page, after.id);
      close.push(performance.now() - t);
      await page.locator('[data-testid="ticket-view"][data-hydrated="true"]').waitFor();

      // j → the next ticket's thread, from the list beside it as it is now.
      const now = await rowIds(page);
      const following = now[now.findIndex((r) => r.id === after.id) + 1];
      if (following) {
        t = performance.now();
        await page.keyboard.press("j");
        await threadShown(page, following.id);
        key.push(performance.now() - t);
        await page.locator('[data-testid="ticket-view"][data-hydrated="true"]').waitFor();
      }
      await page.keyboard.press("Escape");
      await page.locator('[data-testid="inbox"][data-hydrated="true"]').waitFor();
    }
    const line = (name: string, xs: number[]) => console.log(`${name.padEnd(28)} n=${String(xs.length).padStart(3)}  p50 ${fmt(percentile(xs, 50), 0).padStart(5)} ms  p95 ${fmt(percentile(xs, 95), 0).padStart(5)} ms`);
    line("click row → thread visible", open);
    line("j → next thread visible", key);
    line("Close → next thread visible", close);
    console.log(`triage: open_p50_ms=${fmt(percentile(open, 50), 0)} key_p50_ms=${fmt(percentile(key, 50), 0)} close_next_p50_ms=${fmt(percentile(close, 50), 0)}`);
  } finally {
    await browser.close();
    await next?.stop();
    await sandbox.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
