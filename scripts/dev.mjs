// `npm run dev`: the dashboard against the real Gorgias when GORGIAS_ACCOUNT_DOMAIN is set,
// otherwise against the embedded sandbox, which it starts (or reuses) on SANDBOX_PORT.
import { spawn } from "node:child_process";
import { loadDotEnv, localSecret } from "./local-secrets.mjs";

loadDotEnv();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.AUTH_SECRET ||= localSecret("auth-secret");
const children = [];

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = "=".repeat(width);
  console.log(`\n${bar}\n${lines.map((l) => `  ${l}`).join("\n")}\n${bar}\n`);
}

async function sandboxIsUp(url) {
  try {
    const res = await fetch(`${url}/__sandbox/accounts`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function startSandbox() {
  const port = Number(env.SANDBOX_PORT || 4010);
  const url = `http://127.0.0.1:${port}`;
  if (await sandboxIsUp(url)) {
    console.log(`Reusing the sandbox already running at ${url}`);
    return url;
  }
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts", "--port", String(port), "--live"], {
    env,
    stdio: "inherit",
  });
  children.push(child);
  for (let i = 0; i < 300; i++) {
    if (await sandboxIsUp(url)) return url;
    if (child.exitCode !== null) throw new Error(`The sandbox exited with code ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The sandbox did not answer at ${url}`);
}

function stopAll(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

if (env.GORGIAS_ACCOUNT_DOMAIN) {
  const template = env.GORGIAS_API_URL || "https://{accountDomain}.gorgias.com/api";
  delete env.SANDBOX_URL;
  banner([
    "REAL GORGIAS: replies you send here email real customers.",
    `Account: ${env.GORGIAS_ACCOUNT_DOMAIN}  API: ${template.replace("{accountDomain}", env.GORGIAS_ACCOUNT_DOMAIN)}`,
  ]);
} else {
  const url = await startSandbox();
  env.SANDBOX_URL = url;
  env.GORGIAS_API_URL = `${url}/{accountDomain}/api`;
  banner([
    "SANDBOX MODE: a local Gorgias with demo data. Nothing leaves this machine.",
    `Sandbox: ${url}   Dashboard: http://127.0.0.1:${env.PORT || 3000}`,
    "Set GORGIAS_ACCOUNT_DOMAIN (see .env.example) to use a real Gorgias account.",
  ]);
}

// Loopback only unless asked otherwise: in sandbox mode the sign-in page offers one-click admin
// sign-in, which must not be reachable from the network.
const args = process.argv.slice(2);
const hostChosen = args.some((a) => a === "-H" || a === "--hostname" || a.startsWith("--hostname="));
const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", ...(hostChosen ? [] : ["--hostname", "127.0.0.1"]), ...args], {
  env,
  stdio: "inherit",
});
children.push(next);
next.on("exit", (code) => stopAll(code ?? 0));
