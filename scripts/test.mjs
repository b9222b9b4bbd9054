// `npm test`: every check, in the order a reviewer would want them, then one plain closing line
// `N passed, N failed` (tests plus the static checks). Exits non-zero if anything failed or no test ran.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const OUT = path.resolve(".ci-out");
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const started = Date.now();
const steps = [];

function run(name, command, args, { skip = false } = {}) {
  if (skip) {
    steps.push({ name, ok: false, skipped: true, seconds: 0 });
    console.log(`\n=== ${name}: skipped (an earlier step it needs failed)`);
    return false;
  }
  console.log(`\n=== ${name} (at ${Math.round((Date.now() - started) / 1000)}s)`);
  const t0 = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: Math.round((Date.now() - t0) / 1000) });
  return ok;
}

const bin = (name) => path.join("node_modules", ".bin", name);

run("typecheck", "npm", ["run", "--silent", "typecheck"]);
run("lint", bin("eslint"), [".", "--max-warnings=0"]);
run("unit, sandbox and integration tests", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${path.join(OUT, "vitest.json")}`,
]);
const built = run("build", bin("next"), ["build"]);
env.PLAYWRIGHT_JSON_OUTPUT_NAME = path.join(OUT, "playwright.json");
run("end-to-end tests (Chromium)", bin("playwright"), ["test", "--reporter=list,json"], { skip: !built });

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}
const vitest = readJson(path.join(OUT, "vitest.json"));
const playwright = existsSync(path.join(OUT, "playwright.json")) ? readJson(path.join(OUT, "playwright.json"))?.stats : null;

const unit = vitest
  ? { pass: vitest.numPassedTests, fail: vitest.numFailedTests, skip: vitest.numPendingTests + (vitest.numTodoTests ?? 0) }
  : { pass: 0, fail: 0, skip: 0 };
const e2e = playwright
  ? { pass: playwright.expected + playwright.flaky, fail: playwright.unexpected, skip: playwright.skipped }
  : { pass: 0, fail: 0, skip: 0 };
const checks = steps.filter((s) => s.name === "typecheck" || s.name === "lint");
const stepFailures = steps.filter((s) => !s.ok).map((s) => s.name);

console.log("\n=== summary");
for (const s of steps) console.log(`${s.ok ? "ok  " : s.skipped ? "skip" : "FAIL"} ${s.name} (${s.seconds}s)`);
console.log(`vitest: ${unit.pass} passed, ${unit.fail} failed, ${unit.skip} skipped`);
console.log(`playwright: ${e2e.pass} passed, ${e2e.fail} failed, ${e2e.skip} skipped${playwright?.flaky ? ` (${playwright.flaky} flaky)` : ""}`);
const passed = unit.pass + e2e.pass + checks.filter((s) => s.ok).length;
// A failed step with no failed test in it (a crash, a build error) still counts as a failure.
const failed = unit.fail + e2e.fail + checks.filter((s) => !s.ok).length +
  stepFailures.filter((n) => n === "build" || (n.startsWith("unit") && unit.fail === 0) || (n.startsWith("end-to-end") && e2e.fail === 0)).length;
console.log(`finished in ${Math.round((Date.now() - started) / 1000)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || unit.pass + e2e.pass === 0 ? 1 : 0);
