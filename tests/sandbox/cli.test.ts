import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { basic, type Agent, type Wire } from "./helpers";

// The CLI (`npm run sandbox -- …`) as a separate process: a chosen live-activity rate is
// applied, and the messages it writes reach the event log.

describe("sandbox CLI", () => {
  it("--live-interval-ms turns live activity on at that rate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-cli-"));
    const proc = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts", "--port", "0", "--data-dir", dir, "--quiet", "--no-rate-limit", "--live-interval-ms", "100"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        proc.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        proc.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
      });
      const config = (await (await fetch(`${url}/__sandbox/config`)).json()) as Wire;
      expect(config.liveActivity).toEqual({ intervalMs: 100 });
      const accounts = (await (await fetch(`${url}/__sandbox/accounts`)).json()) as Wire;
      const admin = accounts.data[0].agents.find((a: Agent) => a.role === "admin") as Agent;
      await new Promise((r) => setTimeout(r, 700));
      const events = (await (await fetch(`${url}/demo/api/events?types=ticket-message-created&limit=100`, { headers: { Authorization: basic(admin) } })).json()) as Wire;
      expect(events.data.length).toBeGreaterThanOrEqual(3);
      expect(events.data.every((e: Wire) => e.user_id === null)).toBe(true);
    } finally {
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((resolve) => proc.once("exit", resolve));
        proc.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
