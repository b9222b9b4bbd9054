import { startSandbox, type SandboxOptions } from "./server.js";

// CLI entry: `npm run sandbox -- [--port N] [--data-dir DIR] [--reset] [--tickets N] [--seed N]
// [--live | --no-live] [--live-interval-ms N] [--no-rate-limit] [--quiet]`.

function parseArgs(argv: string[]): SandboxOptions {
  const options: SandboxOptions = {};
  const intArg = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0) {
      console.error(`[sandbox] ${flag} needs a non-negative integer`);
      process.exit(2);
    }
    return n;
  };
  if (process.env.SANDBOX_LIVE === "1") options.liveActivity = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case "--port":
        options.port = intArg(arg, argv[++i]);
        break;
      case "--data-dir":
        options.dataDir = argv[++i] ?? ".data/sandbox";
        break;
      case "--reset":
        options.reset = true;
        break;
      case "--tickets":
        options.tickets = intArg(arg, argv[++i]);
        break;
      case "--seed":
        options.seed = intArg(arg, argv[++i]);
        break;
      case "--live":
        options.liveActivity = true;
        break;
      case "--live-interval-ms":
        // A chosen rate implies live activity: a customer message every N ms.
        options.liveActivity = { intervalMs: Math.max(50, intArg(arg, argv[++i])) };
        break;
      case "--no-live":
        options.liveActivity = false;
        break;
      case "--no-rate-limit":
        options.rateLimit = false;
        break;
      case "--quiet":
        options.quiet = true;
        break;
      default:
        console.error(`[sandbox] unknown argument ${arg}`);
        process.exit(2);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const sandbox = await startSandbox(options);
  const response = await fetch(`${sandbox.url}/__sandbox/accounts`);
  const accounts = (await response.json()) as {
    data: { domain: string; agents: { email: string; role: string; api_key: string }[] }[];
  };
  // The URL and credentials are printed even with --quiet: they are the point of starting it.
  console.log(`Gorgias sandbox listening on ${sandbox.url}`);
  console.log(`Demo API base: ${sandbox.url}/demo/api  (control API: ${sandbox.url}/__sandbox/)`);
  for (const account of accounts.data) {
    console.log(`\nAccount "${account.domain}" (${sandbox.url}/${account.domain}/api):`);
    for (const agent of account.agents) console.log(`  ${agent.email.padEnd(30)} ${agent.role.padEnd(15)} ${agent.api_key}`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!options.quiet) console.log(`\n[sandbox] ${signal}: saving and stopping`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error("[sandbox] failed to start:", e);
  process.exit(1);
});
