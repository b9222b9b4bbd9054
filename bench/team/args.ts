import { z } from "zod";

/** How a feed of changes reaches the Desk during the run. */
export const FEEDS = ["webhooks", "events"] as const;

const Args = z
  .object({
    agents: z.coerce.number().int().min(1).max(200).default(10),
    minutes: z.coerce.number().min(0.25).max(30).default(3),
    instances: z.coerce.number().int().min(1).max(4).default(1),
    /** The quiet phase before the active one: inboxes open, nothing changes. 0 skips it. */
    "idle-minutes": z.coerce.number().min(0).max(10).default(1),
    /** webhooks: the sandbox pushes to the Desk (set up with `npm run setup:webhooks`); events: the Desk polls the event log. */
    feed: z.enum(FEEDS).default("webhooks"),
  })
  .strict();

export type BenchArgs = {
  readonly agents: number;
  readonly minutes: number;
  readonly instances: number;
  readonly idleMinutes: number;
  readonly feed: (typeof FEEDS)[number];
};

const USAGE = "usage: npm run bench:team -- [--agents N] [--minutes M] [--instances 1..4] [--idle-minutes M] [--feed webhooks|events]";

/** `--name value` or `--name=value` pairs; anything else is a usage error. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m?.[1]) throw new Error(`${USAGE}\nunexpected argument ${arg}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`${USAGE}\n--${m[1]} needs a value`);
    raw[m[1]] = value;
  }
  const parsed = Args.safeParse(raw);
  if (!parsed.success) throw new Error(`${USAGE}\n${parsed.error.issues.map((i) => `--${i.path.join(".") || "?"}: ${i.message}`).join("\n")}`);
  const a = parsed.data;
  return { agents: a.agents, minutes: a.minutes, instances: a.instances, idleMinutes: a["idle-minutes"], feed: a.feed };
}
