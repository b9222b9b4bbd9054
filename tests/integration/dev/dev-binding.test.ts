import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";

function freePort(): number {
  return Number(spawnSync(process.execPath, ["scripts/free-port.mjs"], { encoding: "utf8" }).stdout.trim());
}

/** Whether something accepts TCP connections on host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

let child: ChildProcess | null = null;
afterEach(() => {
  // The dev script stops the Next child it started when told to.
  child?.kill("SIGTERM");
  child = null;
});

describe("npm run dev", () => {
  it("listens on 127.0.0.1 only and prints no LAN address", async () => {
    const port = freePort();
    // A real-Gorgias domain skips starting the sandbox; the binding is the same in both modes.
    child = spawn(process.execPath, ["scripts/dev.mjs", "--port", String(port)], {
      env: { ...process.env, GORGIAS_ACCOUNT_DOMAIN: "binding-test", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!(await accepts("127.0.0.1", port))) {
      if (Date.now() > deadline) throw new Error(`next dev never listened:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const printed = [...output.matchAll(/https?:\/\/([^/:\s]+):\d+/g)].map((m) => m[1]);
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.filter((host) => host !== "127.0.0.1")).toEqual([]);
    if (lanAddress) expect(await accepts(lanAddress, port)).toBe(false);
  }, 90_000);
});
