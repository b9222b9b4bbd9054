import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Workers re-evaluate this file but inherit the runner's environment, so ports and folders chosen
// here once (by the runner) stay the same for every worker.
function freePort(): string {
  return spawnSync(process.execPath, ["scripts/free-port.mjs"], { encoding: "utf8" }).stdout.trim();
}
process.env.E2E_PORT ||= freePort();
process.env.E2E_SANDBOX_PORT ||= freePort();
process.env.E2E_STATE_DIR ||= mkdtempSync(path.join(tmpdir(), "gorgias-desk-e2e-"));

const port = process.env.E2E_PORT;
const sandboxPort = process.env.E2E_SANDBOX_PORT;
const stateDir = process.env.E2E_STATE_DIR;
const baseURL = `http://127.0.0.1:${port}`;
const sandboxURL = `http://127.0.0.1:${sandboxPort}`;

// What a `next start` under test runs with, except its store: this config's server, and the extra
// instances a spec starts itself (read from `metadata`, as presence.spec.ts does).
const deskEnv: Record<string, string> = {
  AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
  AUTH_TRUST_HOST: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  SANDBOX_URL: sandboxURL,
  GORGIAS_API_URL: `${sandboxURL}/{accountDomain}/api`,
  GORGIAS_ACCOUNT_DOMAIN: "",
  CREDENTIALS_KEY: "ZTJlLW9ubHktY3JlZGVudGlhbHMta2V5LTMyLWJ5dGU=",
  // The change feed reads the event log every second while a browser is connected, as webhooks would push.
  LIVE_POLL_MS: "1000",
};

// Debian's Chromium when present (this machine, CI); Playwright's own browser elsewhere.
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => !!p && existsSync(p),
);

export default defineConfig({
  testDir: "./tests/e2e",
  outputDir: "./test-results",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: systemChromium ? { executablePath: systemChromium, args: ["--disable-gpu", "--disable-quic"] } : {},
  },
  projects: [{ name: "chromium" }],
  metadata: { sandboxURL, deskEnv },
  webServer: [
    {
      command: `node --import tsx sandbox/main.ts --port ${sandboxPort} --data-dir ${path.join(stateDir, "sandbox")} --reset --no-live --no-rate-limit --quiet`,
      url: `${sandboxURL}/__sandbox/accounts`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { ...deskEnv, DATABASE_URL: "", PGLITE_DIR: path.join(stateDir, "pglite") },
    },
  ],
});
