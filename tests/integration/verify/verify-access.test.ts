import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyAccess } from "@/scripts/verify-access";
import { startTestSandbox, type TestSandbox } from "../../support/sandbox";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => sb.close());
beforeEach(async () => {
  await sb.control.clearFaults();
});

async function envFor(role = "admin", overrides: Record<string, string> = {}) {
  const agent = await sb.agent(role);
  return { GORGIAS_ACCOUNT_DOMAIN: "demo", GORGIAS_USERNAME: agent.email, GORGIAS_API_KEY: agent.api_key, GORGIAS_API_URL: sb.template, ...overrides };
}

describe("npm run verify", () => {
  it("prints the account, the first tickets and the rate-limit header", async () => {
    const report = await verifyAccess(await envFor());
    expect(report.ok).toBe(true);
    expect(report.lines[0]).toMatch(/^Account: demo \(active\)/);
    expect(report.lines.filter((l) => /^ {2}#\d+ \[(open|closed)\]/.test(l))).toHaveLength(5);
    expect(report.lines.at(-1)).toMatch(/X-Gorgias-Account-Api-Call-Limit \d+\/\d+/);
  });

  it("names a bad domain", async () => {
    const report = await verifyAccess(await envFor("admin", { GORGIAS_ACCOUNT_DOMAIN: "no-such-shop" }));
    expect(report).toEqual({ ok: false, lines: [expect.stringMatching(/^Bad domain: there is no Gorgias account "no-such-shop"/)] });
    const invalid = await verifyAccess(await envFor("admin", { GORGIAS_ACCOUNT_DOMAIN: "evil.com/x" }));
    expect(invalid.lines[0]).toMatch(/^Bad domain/);
  });

  it("names a bad key without printing it", async () => {
    const env = await envFor("admin", { GORGIAS_API_KEY: "wrong-key-123456" });
    const report = await verifyAccess(env);
    expect(report.ok).toBe(false);
    expect(report.lines[0]).toMatch(/^Bad key/);
    expect(report.lines.join("\n")).not.toContain("wrong-key-123456");
  });

  it("names a missing permission", async () => {
    await sb.control.fault({ method: "GET", path: "/api/account", kind: "status", status: 403 });
    expect((await verifyAccess(await envFor())).lines[0]).toMatch(/^No permission/);
  });

  it("names an unreachable Gorgias", async () => {
    const report = await verifyAccess(await envFor("admin", { GORGIAS_API_URL: "http://127.0.0.1:9/{accountDomain}/api" }));
    expect(report.lines[0]).toMatch(/^Unreachable/);
  });

  it("lists missing configuration", async () => {
    const report = await verifyAccess({});
    expect(report.ok).toBe(false);
    expect(report.lines.map((l) => l.split(" ")[2])).toEqual(["GORGIAS_ACCOUNT_DOMAIN", "GORGIAS_USERNAME", "GORGIAS_API_KEY"]);
  });

  // Asynchronous on purpose: the sandbox runs in this process and must keep answering.
  const run = promisify(execFile);
  it("runs as `npm run verify` and exits 0 on success, 1 on failure", async () => {
    const env = { ...process.env, ...(await envFor()) };
    const good = await run("npm", ["run", "--silent", "verify"], { env, timeout: 60_000 });
    expect(good.stdout).toMatch(/Account: demo/);
    const bad = await run("npm", ["run", "--silent", "verify"], { env: { ...env, GORGIAS_API_KEY: "nope-nope-nope" }, timeout: 60_000 }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Bad key/);
  });
});
