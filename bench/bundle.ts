import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContextOptions } from "@playwright/test";
import { startSandbox } from "../sandbox/server";
import { benchDeskEnv, requireProductionBuild, startNext, type NextServer } from "./support/next-server";

// First-load JS per route, gzip, measured cold in Chromium against a production build:
//   npm run build && npm run bench:bundle
// Each route opens in a fresh browser context (empty cache) and counts every script fetched before
// the load event: what the page needs to become interactive. Scripts fetched after it (Next's route
// prefetches for visible links, chunks loaded on intent) are shown apart. Figures only; the last
// line is machine-readable.

requireProductionBuild();

// BENCH_VERBOSE=1 lists every script with its size, to see what a route pulls in.
const verbose = process.env.BENCH_VERBOSE === "1";

interface Load {
  readonly kb: number;
  readonly scripts: number;
  /** Scripts fetched after the load event (route prefetches, lazy chunks): not first-load. */
  readonly laterKb: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

async function firstLoadKb(browser: Browser, url: string, options: BrowserContextOptions): Promise<Load> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  let loaded = false;
  page.on("load", () => (loaded = true));
  const sizes: Promise<{ gz: number; early: boolean }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    const early = !loaded;
    sizes.push(
      response.body().then(
        (body) => {
          const gz = gzipSync(body).length;
          if (verbose) console.log(`  ${new URL(url).pathname} ${(gz / 1024).toFixed(1).padStart(6)} kB ${early ? "     " : "later"}  ${new URL(response.url()).pathname}`);
          return { gz, early };
        },
        () => ({ gz: 0, early }),
      ),
    );
  });
  const answer = await page.goto(url, { waitUntil: "load" });
  if (!answer?.ok()) throw new Error(`${url}: ${answer?.status()}`);
  await page.waitForLoadState("networkidle");
  const all = await Promise.all(sizes);
  await context.close();
  const early = all.filter((s) => s.early);
  return {
    kb: kb(early.reduce((a, s) => a + s.gz, 0)),
    scripts: early.length,
    laterKb: kb(all.filter((s) => !s.early).reduce((a, s) => a + s.gz, 0)),
  };
}

async function main(): Promise<void> {
  const stateDir = mkdtempSync(path.join(tmpdir(), "desk-bench-bundle-"));
  const sandbox = await startSandbox({ port: 0, dataDir: null, quiet: true, rateLimit: false });
  let next: NextServer | null = null;
  const browser = await chromium.launch({
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--disable-gpu"],
  });
  try {
    next = await startNext({ env: benchDeskEnv(sandbox.url, { DATABASE_URL: "", PGLITE_DIR: path.join(stateDir, "pglite") }), logFile: path.join(stateDir, "next.log") });
    const base = next.url;
    const signIn = await firstLoadKb(browser, `${base}/sign-in`, {});

    // One sign-in through the demo list, then every route opens cold with that session's cookie.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByRole("button", { name: /^Sign in as .*\(admin, demo\)$/ }).first().click();
    await page.waitForURL(/\/demo(\?|$)/, { timeout: 60_000 });
    const storageState = await context.storageState();
    await context.close();

    const tickets = (await (await fetch(`${sandbox.url}/__sandbox/accounts`)).json()) as { data: { agents: { email: string; api_key: string }[] }[] };
    const admin = tickets.data[0]?.agents[0];
    if (!admin) throw new Error("the sandbox has no agent");
    const list = (await (
      await fetch(`${sandbox.url}/demo/api/tickets?limit=1`, {
        headers: { Authorization: `Basic ${Buffer.from(`${admin.email}:${admin.api_key}`).toString("base64")}` },
      })
    ).json()) as { data: { id: number }[] };
    const ticketId = list.data[0]?.id;
    if (!ticketId) throw new Error("the sandbox has no ticket");

    const routes = {
      inbox: `${base}/demo`,
      ticket: `${base}/demo/tickets/${ticketId}`,
      new_ticket: `${base}/demo/tickets/new`,
    };
    const figures: Record<string, number> = {};
    for (const [name, url] of Object.entries(routes)) {
      // Warm the server's own caches (route compilation, store) so the figure is the page's, not a cold server's.
      await firstLoadKb(browser, url, { storageState });
      const load = await firstLoadKb(browser, url, { storageState });
      figures[name] = load.kb;
      console.log(`${name.padEnd(11)} ${String(load.kb).padStart(7)} kB gzip in ${load.scripts} scripts, then ${load.laterKb} kB prefetched or lazy  (${url.slice(base.length)})`);
    }
    console.log(`${"sign_in".padEnd(11)} ${String(signIn.kb).padStart(7)} kB gzip in ${signIn.scripts} scripts, then ${signIn.laterKb} kB prefetched or lazy  (/sign-in)`);
    console.log(`bundle: inbox_kb=${figures.inbox} ticket_kb=${figures.ticket} new_ticket_kb=${figures.new_ticket} sign_in_kb=${signIn.kb}`);
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
