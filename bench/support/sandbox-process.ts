import { spawn } from "node:child_process";
import { freePort, stopGroup, waitForUrl } from "./next-server";

// The sandbox in a process of its own, for benches that time the Desk from the bench process:
// in-process, the sandbox's own work (serializing megabytes of JSON) would block the same event
// loop that measures the latencies.

export interface SandboxProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** `sandbox/main.ts` on a free loopback port, state in `dataDir` (reset), no live activity. */
export async function startSandboxProcess(dataDir: string, flags: readonly string[] = []): Promise<SandboxProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "sandbox/main.ts", "--port", String(port), "--data-dir", dataDir, "--reset", "--no-live", "--quiet", ...flags],
    { stdio: "ignore", detached: true },
  );
  if (child.pid === undefined) throw new Error("the sandbox did not start");
  const sandbox = { url: `http://127.0.0.1:${port}`, stop: () => stopGroup(child, 5_000) };
  try {
    await waitForUrl(`${sandbox.url}/__sandbox/accounts`, child, 60_000);
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
  return sandbox;
}
