import type { BenchArgs } from "./args";
import type { Observations, Phase } from "./observations";
import { fmt, percentile, perWindow, slidingMax } from "./stats";
import { counted, kindOf, UPSTREAM_KINDS, type UpstreamCall } from "./upstream";

export interface RunFacts {
  readonly args: BenchArgs;
  readonly obs: Observations;
  readonly calls: readonly UpstreamCall[];
  /** Phase boundaries (ms): idle start … drain end. */
  readonly bounds: Readonly<Record<Phase | "end", number>>;
  /** Sandbox user of each simulated agent, by agent index. */
  readonly agentUsers: readonly string[];
  readonly cpu: readonly string[];
  readonly notes: readonly string[];
}

const WINDOW_MS = 20_000;

function phaseOf(t: number, b: RunFacts["bounds"]): Phase | null {
  if (t < b.idle) return "warmup";
  if (t < b.active) return "idle";
  if (t < b.drain) return "active";
  if (t < b.end) return "drain";
  return null;
}

/** Prints every figure, and last the one machine-readable line. */
export function printReport(f: RunFacts): void {
  const { args, obs, bounds } = f;
  const n = args.agents;
  const calls = f.calls.map((c) => ({ ...c, at: Date.parse(c.time) }));
  const measured = calls.filter((c) => c.at >= bounds.idle && c.at < bounds.end);
  const spent = measured.filter(counted);
  const rejected = measured.filter((c) => c.status === 429);
  const all429 = calls.filter((c) => c.status === 429).length;

  console.log("");
  console.log(`upstream, per 20 s window from the idle phase to the end (${fmt((bounds.end - bounds.idle) / 60_000, 1)} min; the sandbox allows 40):`);
  const windows = perWindow(spent.map((c) => c.at), bounds.idle, bounds.end, WINDOW_MS);
  console.log(`  calls  ${windows.join(" ")}`);
  console.log(`  max ${Math.max(...windows)}  p50 ${percentile(windows, 50)}  busiest sliding 20 s ${slidingMax(spent.map((c) => c.at), WINDOW_MS)}`);
  console.log(`  429s   ${perWindow(rejected.map((c) => c.at), bounds.idle, bounds.end, WINDOW_MS).join(" ")}  (total ${rejected.length}; ${all429} in the whole run, warm-up included)`);

  console.log("");
  console.log("upstream calls by phase and kind (429s excluded):");
  const phases: Phase[] = ["warmup", "idle", "active", "drain"];
  console.log(`  ${"kind".padEnd(14)}${phases.map((p) => p.padStart(8)).join("")}`);
  for (const kind of UPSTREAM_KINDS) {
    const row = phases.map((p) => calls.filter((c) => counted(c) && kindOf(c) === kind && phaseOf(c.at, bounds) === p).length);
    if (row.some((v) => v > 0)) console.log(`  ${kind.padEnd(14)}${row.map((v) => String(v).padStart(8)).join("")}`);
  }
  console.log(`  ${"minutes".padEnd(14)}${phases.map((p) => fmt(phaseMinutes(p, bounds), 2).padStart(8)).join("")}`);

  const cost = (p: Phase) => {
    const minutes = phaseMinutes(p, bounds);
    const used = calls.filter((c) => counted(c) && phaseOf(c.at, bounds) === p).length;
    const minimum = (obs.newVersions.get(p) ?? 0) + (obs.writes.get(p) ?? 0);
    return { minutes, used, minimum, perAgentMin: minutes > 0 ? used / n / minutes : Number.NaN, minPerAgentMin: minutes > 0 ? minimum / n / minutes : Number.NaN };
  };
  const idle = cost("idle");
  const active = cost("active");
  console.log("");
  console.log("cost per agent (team calls ÷ agents ÷ minutes) against the minimum (new ticket versions seen by the team + writes):");
  console.log(`  idle    ${fmt(idle.perAgentMin, 2)} calls/agent/min  minimum ${fmt(idle.minPerAgentMin, 2)}  (${idle.used} calls; ${obs.newVersions.get("idle")} new versions)`);
  const activeRatio = active.minimum > 0 ? active.used / active.minimum : Number.NaN;
  console.log(
    `  active  ${fmt(active.perAgentMin, 2)} calls/agent/min  minimum ${fmt(active.minPerAgentMin, 2)}  ratio ${fmt(activeRatio, 2)}  (${active.used} calls; ${obs.newVersions.get("active")} new versions, ${obs.writes.get("active")} writes)`,
  );
  printPerUser(f, calls, bounds, active.minutes);

  const fresh = obs.freshness(bounds.end);
  const values = [...fresh.seen, ...fresh.unseen];
  const lowerBound = fresh.unseen.length > 0 ? "≥" : "";
  console.log("");
  console.log(
    `freshness, customer message → visible in every agent's first page and in the open thread of agents who had its ticket open (${fresh.seen.length + fresh.unseen.length} messages, ${fresh.threadRequirements} open-thread requirements, ${fresh.threadsLeftBeforeSeen} threads closed before showing theirs):`,
  );
  console.log(`  p50 ${lowerBound}${fmt(percentile(values, 50))} s  p95 ${lowerBound}${fmt(percentile(values, 95))} s  max ${lowerBound}${fmt(values.length > 0 ? Math.max(...values) : Number.NaN)} s`);
  if (fresh.unseen.length > 0) console.log(`  ${fresh.unseen.length} messages were not visible to everyone by the end; counted at their age then (lower bounds)`);
  const pairs = fresh.pairsSeen.length + fresh.pairsUnseen;
  console.log(
    `  per agent and message: ${fresh.pairsSeen.length} of ${pairs} seen, in p50 ${fmt(percentile(fresh.pairsSeen, 50))} s  p95 ${fmt(percentile(fresh.pairsSeen, 95))} s  max ${fmt(fresh.pairsSeen.length > 0 ? Math.max(...fresh.pairsSeen) : Number.NaN)} s (of those seen)`,
  );
  const opens = [...obs.openLatencyMs, ...obs.openFailedMs];
  const openBound = obs.openFailedMs.length > 0 ? "≥" : "";
  console.log(
    `ticket open (GET /api/{account}/tickets/{id}): p50 ${openBound}${fmt(percentile(opens, 50), 0)} ms  p95 ${openBound}${fmt(percentile(opens, 95), 0)} ms  (${obs.openLatencyMs.length} opens${obs.openFailedMs.length > 0 ? `, ${obs.openFailedMs.length} failed, counted at the time they failed` : ""})`,
  );
  console.log(`writes (reply or close: the server actions' round trips): p50 ${fmt(percentile(obs.writeLatencyMs, 50), 0)} ms  p95 ${fmt(percentile(obs.writeLatencyMs, 95), 0)} ms  (${obs.writeLatencyMs.length})`);

  console.log("");
  console.log("counters: " + [...obs.counters].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join("  "));
  for (const [key, messages] of obs.samples) console.log(`  ${key}: ${messages.join(" | ")}`);
  for (const line of f.cpu) console.log(line);
  for (const line of f.notes) console.log(line);

  console.log(
    `team: agents=${n} instances=${args.instances} upstream_429=${rejected.length} freshness_p95_s=${fmt(percentile(values, 95))} open_p95_ms=${fmt(percentile(opens, 95), 0)} idle_calls_per_agent_min=${fmt(idle.perAgentMin, 2)} cost_ratio=${fmt(activeRatio, 2)}`,
  );
}

function phaseMinutes(p: Phase, b: RunFacts["bounds"]): number {
  const next = { warmup: b.idle, idle: b.active, active: b.drain, drain: b.end }[p];
  return (next - b[p]) / 60_000;
}

/** Calls made with each sandbox user's key in the active phase, shared by the agents signed in as that user. */
function printPerUser(f: RunFacts, calls: ReadonlyArray<UpstreamCall & { at: number }>, b: RunFacts["bounds"], minutes: number): void {
  const agentsPerUser = new Map<string, number>();
  for (const u of f.agentUsers) agentsPerUser.set(u, (agentsPerUser.get(u) ?? 0) + 1);
  const perAgent: number[] = [];
  const parts: string[] = [];
  for (const [user, agents] of agentsPerUser) {
    const used = calls.filter((c) => counted(c) && c.user_email === user && c.at >= b.active && c.at < b.drain).length;
    const each = minutes > 0 ? used / agents / minutes : Number.NaN;
    for (let i = 0; i < agents; i++) perAgent.push(each);
    parts.push(`${user.split("@")[0]} ${fmt(each, 2)}×${agents}`);
  }
  console.log(`  active, by the key that made the call (calls/agent/min × agents on that user): ${parts.join(", ")}`);
  console.log(`    per agent p50 ${fmt(percentile(perAgent, 50), 2)}  max ${fmt(Math.max(...perAgent), 2)} (the feed's reads use one agent's key, so they land on that user)`);
}
