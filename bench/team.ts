import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { startSandbox } from "../sandbox/server";
import { SimAgent } from "./team/agent";
import { parseArgs } from "./team/args";
import { startBalancer } from "./team/balancer";
import { DeskSession, loadActionIds } from "./team/desk-client";
import { Observations } from "./team/observations";
import { machineCpu, postmasterPid, runToEnd, treeCpuSeconds } from "./team/processes";
import { startPostgres } from "./support/postgres";
import { benchDeskEnv, freePort, requireProductionBuild, startNext, type BenchStore, type NextServer } from "./support/next-server";
import { printReport } from "./team/report";
import { fmt } from "./team/stats";
import type { UpstreamCall } from "./team/upstream";

// A team on the live desk: simulated agents on the real HTTP surface of one or more `next start`
// instances (production build), against the sandbox at Gorgias's default rate limit with 150 ms of
// latency and a customer message every 3 s. Figures only; the last line is machine-readable.
//   npm run build && npm run bench:team -- --agents 50 --minutes 3 --instances 2
//
// Phases: warm-up (sign-ins, streams, first pages; not measured) → idle (inboxes open, nothing
// changes) → active (a customer message every 3 s; each agent opens a ticket about every 60 s and
// replies or closes about every 3 min) → drain (no new messages or actions; at most 30 s, until
// every message is visible) → report.

const ACCOUNT = "demo";
const MESSAGE_EVERY_MS = 3_000;
const LATENCY_MS = 150;
const DRAIN_MAX_MS = 30_000;
const AFTER_CLOSE_MS = 12_000;
const WARMUP_MAX_MS = 8 * 60_000;
const TICK_MS = 250;
const SIGN_IN_CONCURRENCY = 3;
const START_CONCURRENCY = 5;

const args = (() => {
  try {
    return parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
})();
const distDir = requireProductionBuild();

const cleanups: Array<() => Promise<void>> = [];
let cleaning: Promise<void> | null = null;
const cleanupAll = () =>
  (cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error("cleanup:", error instanceof Error ? error.message : error);
      }
    }
  })());
process.once("SIGINT", () => void cleanupAll().finally(() => process.exit(130)));
process.once("SIGTERM", () => void cleanupAll().finally(() => process.exit(143)));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` over `items`, at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** A seeded generator (mulberry32), so two runs make the same choices in the same order. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SandboxAgent {
  readonly email: string;
  readonly api_key: string;
  readonly role: string;
}

function logSummary(file: string): string {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return "no log";
  }
  const levels = new Map<number, number>();
  const messages = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      if (typeof entry.level !== "number" || entry.level < 40) continue;
      levels.set(entry.level, (levels.get(entry.level) ?? 0) + 1);
      const key = `${entry.level === 40 ? "warn" : "error"}: ${entry.msg ?? "?"}`;
      messages.set(key, (messages.get(key) ?? 0) + 1);
    } catch {
      // not a log line
    }
  }
  const other = text.split("\n").filter((l) => /error/i.test(l) && !l.startsWith("{")).length;
  const top = [...messages].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([m, c]) => `${m} ×${c}`);
  return `${levels.get(40) ?? 0} warnings, ${(levels.get(50) ?? 0) + (levels.get(60) ?? 0)} errors, ${other} other lines mentioning errors${top.length ? `; ${top.join("; ")}` : ""}`;
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), "desk-bench-team-"));
  cleanups.push(async () => rmSync(work, { recursive: true, force: true }));
  const obs = new Observations();
  const started = Date.now();
  const log = (line: string) => console.log(`[${fmt((Date.now() - started) / 1000, 0).padStart(4)} s] ${line}`);

  const sandbox = await startSandbox({ port: 0, dataDir: null, quiet: true, rateLimit: true, latencyMs: LATENCY_MS, liveActivity: false });
  cleanups.push(() => sandbox.close());
  const control = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sandbox.url}/__sandbox/${p}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`sandbox ${method} ${p}: ${res.status}`);
    return (await res.json()) as T;
  };
  const config = await control<{ rateLimit: unknown; latencyMs: number }>("GET", "config");
  const accounts = await control<{ data: { domain: string; agents: SandboxAgent[] }[] }>("GET", "accounts");
  const users = (accounts.data.find((a) => a.domain === ACCOUNT)?.agents ?? []).filter((u) => u.role !== "observer-agent");
  const admin = users.find((u) => u.role === "admin");
  if (!admin) throw new Error("the sandbox's demo account has no admin");
  log(`sandbox ${sandbox.url}: rate limit ${JSON.stringify(config.rateLimit)}, latency ${config.latencyMs} ms; ${users.length} writing users for ${args.agents} agents`);

  let store: BenchStore = { DATABASE_URL: "", PGLITE_DIR: path.join(work, "pglite") };
  let pgDataDir: string | null = null;
  if (args.instances > 1) {
    const pg = await startPostgres("gorgias_desk_bench");
    cleanups.push(() => pg.stop());
    store = { DATABASE_URL: pg.url, PGLITE_DIR: "" };
    pgDataDir = pg.dataDir;
    log(`PostgreSQL at ${pg.url}`);
  }
  const frontPort = await freePort();
  const front = `http://127.0.0.1:${frontPort}`;
  const env = benchDeskEnv(sandbox.url, store);

  if (args.feed === "webhooks") {
    // Before any instance starts: with PGlite the store is one process's at a time.
    const setup = await runToEnd(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "scripts/setup-webhooks.ts"],
      { ...process.env, ...env, GORGIAS_ACCOUNT_DOMAIN: ACCOUNT, GORGIAS_USERNAME: admin.email, GORGIAS_API_KEY: admin.api_key, DESK_PUBLIC_URL: front },
      120_000,
    );
    if (setup.status !== 0) throw new Error(`setup:webhooks failed: ${setup.output}`);
    log(`setup:webhooks: ${setup.output.trim().split("\n")[0]}`);
  }

  const desks: Array<NextServer & { logFile: string }> = [];
  for (let i = 0; i < args.instances; i++) {
    const logFile = path.join(work, `desk-${i}.log`);
    const desk = await startNext({ env, port: args.instances === 1 ? frontPort : undefined, logFile });
    cleanups.push(() => desk.stop());
    desks.push({ ...desk, logFile });
  }
  const balancer = args.instances > 1 ? await startBalancer(desks.map((d) => d.url), frontPort) : null;
  if (balancer) cleanups.push(() => balancer.close());
  log(`${args.instances} × next start (${desks.map((d) => d.url).join(", ")})${balancer ? `, round-robin balancer ${balancer.url}` : ""}; feed: ${args.feed}`);

  const actionIds = loadActionIds(distDir);
  const actions = {
    sendReply: actionIds.get("features/composer/server/actions.ts#sendReply") ?? "",
    updateTicket: actionIds.get("features/ticket/server/actions.ts#updateTicket") ?? "",
  };
  if (!actions.sendReply || !actions.updateTicket) throw new Error("server actions sendReply/updateTicket not in this build's manifest");

  // Warm-up: each agent its own session (several may share a sandbox user), then stream + first page.
  const random = rng(7);
  const agentUsers = Array.from({ length: args.agents }, (_, i) => users[i % users.length]!);
  const agents = agentUsers.map((u, i) => new SimAgent(i, new DeskSession(front, ACCOUNT), obs, actions, random));
  cleanups.push(() => Promise.all(agents.map((a) => a.close())).then(() => undefined));
  const warmupDeadline = Date.now() + WARMUP_MAX_MS;
  await pool(agents, SIGN_IN_CONCURRENCY, async (agent) => {
    const user = agentUsers[agent.index]!;
    for (let attempt = 1; ; attempt++) {
      try {
        return await agent.session.signIn(user.email, user.api_key);
      } catch (error) {
        if (attempt >= 3 || Date.now() > warmupDeadline) throw error;
        await sleep(2000);
      }
    }
  });
  log(`${args.agents} agents signed in`);
  await pool(agents, START_CONCURRENCY, (agent) => {
    if (Date.now() > warmupDeadline) throw new Error("warm-up took too long");
    return agent.start();
  });
  log(`${args.agents} streams open and first pages loaded`);

  const cpu0 = { bench: process.cpuUsage(), desks: desks.map((d) => treeCpuSeconds(d.pid)), pg: pgDataDir ? treeCpuSeconds(postmasterPid(pgDataDir) ?? -1) : 0, machine: machineCpu(), at: Date.now() };
  const bounds = { warmup: started, idle: 0, active: 0, drain: 0, end: 0 };

  const runPhase = async (until: number, active: boolean, stopEarly: () => boolean = () => false) => {
    const maxTicks = Math.ceil((until - Date.now()) / TICK_MS) + 1;
    for (let i = 0; i < maxTicks && Date.now() < until && !stopEarly(); i++) {
      const now = Date.now();
      for (const a of agents) a.tick(now, active);
      await sleep(TICK_MS);
    }
  };

  bounds.idle = Date.now();
  obs.enter("idle", bounds.idle);
  log(`idle for ${args.idleMinutes} min`);
  await runPhase(bounds.idle + args.idleMinutes * 60_000, false);

  bounds.active = Date.now();
  obs.enter("active", bounds.active);
  const activeEnd = bounds.active + args.minutes * 60_000;
  for (const a of agents) {
    a.nextOpenAt = bounds.active + random() * 60_000;
    a.nextWriteAt = bounds.active + random() * 180_000;
  }
  log(`active for ${args.minutes} min: a customer message every ${MESSAGE_EVERY_MS / 1000} s`);
  const messages = (async () => {
    const count = Math.floor((args.minutes * 60_000) / MESSAGE_EVERY_MS);
    for (let k = 0; k < count; k++) {
      const due = bounds.active + k * MESSAGE_EVERY_MS;
      if (due > Date.now()) await sleep(due - Date.now());
      const at = Date.now();
      const m = await control<{ ticket_id: number; message_id: number }>("POST", "activity", { account: ACCOUNT });
      const openBy = agents.filter((a) => a.thread?.ticket.id === m.ticket_id).map((a) => a.index);
      obs.customerMessage(m.ticket_id, m.message_id, at, agents.map((a) => a.index), openBy);
    }
  })();
  await runPhase(activeEnd, true);
  await messages;

  bounds.drain = Date.now();
  obs.enter("drain", bounds.drain);
  log(`drain: up to ${DRAIN_MAX_MS / 1000} s for ${obs.pendingMessages()} messages not yet visible everywhere`);
  await runPhase(bounds.drain + DRAIN_MAX_MS, false, () => obs.pendingMessages() === 0);
  bounds.end = Date.now();

  const seconds = (bounds.end - cpu0.at) / 1000;
  const benchCpu = process.cpuUsage(cpu0.bench);
  const machine = machineCpu();
  const cpu = [
    `cpu over the measured ${fmt(seconds, 0)} s (${cpus().length} cores): bench process (agents + sandbox${balancer ? " + balancer" : ""}) ${fmt(((benchCpu.user + benchCpu.system) / 1e6 / seconds) * 100, 0)}%, ` +
      desks.map((d, i) => `desk ${i + 1} ${fmt(((treeCpuSeconds(d.pid) - cpu0.desks[i]!) / seconds) * 100, 0)}%`).join(", ") +
      (pgDataDir ? `, PostgreSQL ${fmt(((treeCpuSeconds(postmasterPid(pgDataDir) ?? -1) - cpu0.pg) / seconds) * 100, 0)}%` : "") +
      `; machine busy ${fmt(((machine.busy - cpu0.machine.busy) / Math.max(1, machine.total - cpu0.machine.total)) * 100, 0)}% (other work on the machine included)`,
  ];

  const calls = (await control<{ data: UpstreamCall[] }>("GET", `requests?account=${ACCOUNT}`)).data;
  const deliveries =
    args.feed === "webhooks"
      ? (await control<{ data: { state: string; attempts: { status: number | null; error: string | null }[] }[] }>("GET", `deliveries?account=${ACCOUNT}`)).data
      : [];
  const failedAttempts = deliveries.flatMap((d) => d.attempts.filter((a) => a.status === null || a.status >= 300).map((a) => a.error ?? String(a.status)));
  await Promise.all(agents.map((a) => a.close()));
  // With every stream closed, nobody is watching: the Desk should stop reading the event log.
  const closedAt = Date.now();
  await sleep(AFTER_CLOSE_MS);
  const afterClose = (await control<{ data: UpstreamCall[] }>("GET", `requests?account=${ACCOUNT}`)).data.filter(
    (c) => c.path.startsWith("/api/events") && Date.parse(c.time) > closedAt + 1000,
  ).length;

  const notes = [
    `agents: ${args.agents} simulated in this process with fetch, ${users.length} sandbox users shared round-robin (each agent its own session); ${balancer ? `requests spread round-robin per request by the balancer (${balancer.counts.join(" / ")})` : "one instance, no balancer"}`,
    `customer messages: the bench triggers the sandbox's live-activity generator every 3 s (POST /__sandbox/activity) so it knows each message's ticket, id and instant`,
    `feed: ${args.feed === "webhooks" ? `HTTP integration set up by npm run setup:webhooks; ${deliveries.length} deliveries, ${deliveries.filter((d) => d.state === "delivered").length} delivered, ${failedAttempts.length} failed attempts${failedAttempts.length > 0 ? ` (${[...new Set(failedAttempts)].slice(0, 3).join("; ")})` : ""}` : `event log polled every ${process.env.LIVE_POLL_MS ?? "10000 (default)"} ms`}`,
    `after every stream closed: ${afterClose} event-log reads in the next ${AFTER_CLOSE_MS / 1000} s (0 expected; it polls every ${process.env.LIVE_POLL_MS ?? "10000"} ms without webhooks, every 60 s while they flow)`,
    ...desks.map((d, i) => `desk ${i + 1} log: ${logSummary(d.logFile)}`),
  ];
  printReport({ args, obs, calls, bounds, agentUsers: agentUsers.map((u) => u.email), cpu, notes });
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
