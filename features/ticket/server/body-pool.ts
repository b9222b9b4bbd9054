import "server-only";
import { availableParallelism } from "node:os";
import { threadId, Worker } from "node:worker_threads";
import { logger } from "@/lib/server/logger";
import { runBodyJob, type BodyJob, type BodyJobResult } from "./body-job";
import { BODY_TIME_MS } from "./body-limits";
import { unavailableBody } from "./prepare-body";

/** Where bodies are prepared: a pool of worker threads, or the request thread when workers cannot start. */
export interface BodyRunner {
  /** Smaller `weight`s (characters to prepare) go first, so a short email does not queue behind a heavy one. */
  run(job: BodyJob, weight: number): Promise<BodyJobResult>;
  readonly mode: "workers" | "inline";
}

const MAX_WORKERS = 4;
/** One core stays with the request thread. */
export const defaultPoolSize = (cores: number = availableParallelism()): number => Math.min(MAX_WORKERS, Math.max(1, cores - 1));
/** The sanitizer stops itself at its budget; a job this far past it means the worker is stuck, and it is replaced. */
const STUCK_AFTER_MS = BODY_TIME_MS + 5_000;
/** A body that needs more than this is hostile: its worker dies, not the server. */
const WORKER_HEAP_MB = 256;
/** Workers that fail to start this many times in a row: preparing moves to the request thread. */
const MAX_START_FAILURES = 3;

interface Task {
  readonly job: BodyJob;
  readonly weight: number;
  readonly resolve: (result: BodyJobResult) => void;
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  task: (Task & { readonly id: number }) | null;
  stuck: NodeJS.Timeout | null;
}

type WorkerMessage = { ready: true } | { id: number; result: BodyJobResult } | { id: number; error: string };

/** Yields to the event loop before each body, so requests interleave with inline preparing. */
async function runInline(job: BodyJob): Promise<BodyJobResult> {
  await new Promise((resolve) => setImmediate(resolve));
  return runBodyJob(job, threadId);
}

// A worker that crashed or hung on a body: the body is shown as unavailable, and that is kept, so
// the same body does not take the next worker down too.
const failed = (): BodyJobResult => ({ prepared: unavailableBody(), keep: true, threadId: -1 });

export class BodyPool implements BodyRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private startFailures = 0;
  private inline = false;

  constructor(
    private readonly size: number,
    private readonly spawn: () => Worker,
  ) {}

  get mode(): "workers" | "inline" {
    return this.inline ? "inline" : "workers";
  }

  run(job: BodyJob, weight: number): Promise<BodyJobResult> {
    if (this.inline) return runInline(job);
    return new Promise((resolve) => {
      const at = this.queue.findIndex((t) => t.weight > weight);
      this.queue.splice(at === -1 ? this.queue.length : at, 0, { job, weight, resolve });
      this.pump();
    });
  }

  /** Ends every worker (tests, shutdown); queued and running jobs are answered as unavailable. */
  async close(): Promise<void> {
    for (const task of this.queue.splice(0)) task.resolve(failed());
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      if (this.inline) {
        for (const task of this.queue.splice(0)) void runInline(task.job).then(task.resolve);
        return;
      }
      const slot = this.slots.find((s) => s.task === null) ?? (this.slots.length < this.size ? this.start() : null);
      if (!slot) return;
      this.assign(slot, this.queue.shift()!);
    }
  }

  private start(): Slot | null {
    let worker: Worker;
    try {
      worker = this.spawn();
    } catch (error) {
      this.startFailed(error);
      return null;
    }
    const slot: Slot = { worker, ready: false, task: null, stuck: null };
    this.slots.push(slot);
    worker.on("message", (message: WorkerMessage) => this.answer(slot, message));
    worker.on("error", (error) => this.lost(slot, error));
    worker.on("exit", (code) => this.lost(slot, new Error(`body worker exited with code ${code}`)));
    return slot;
  }

  private assign(slot: Slot, task: Task): void {
    const id = this.nextId++;
    slot.task = { ...task, id };
    slot.worker.ref();
    slot.stuck = setTimeout(() => {
      logger.warn({ stuckAfterMs: STUCK_AFTER_MS }, "body worker stuck on a body: replaced");
      void slot.worker.terminate();
    }, STUCK_AFTER_MS);
    slot.worker.postMessage({ id, job: task.job });
  }

  private answer(slot: Slot, message: WorkerMessage): void {
    if ("ready" in message) {
      slot.ready = true;
      this.startFailures = 0;
      return;
    }
    const task = slot.task;
    if (!task || task.id !== message.id) return;
    this.release(slot);
    if ("error" in message) logger.warn({ reason: message.error }, "body worker could not prepare a body");
    task.resolve("error" in message ? failed() : message.result);
    this.pump();
  }

  /** A worker that errored or exited: its job is answered (or queued again when the worker never started). */
  private lost(slot: Slot, error: unknown): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    const task = slot.task;
    this.release(slot);
    void slot.worker.terminate();
    if (!slot.ready) {
      if (task) this.queue.unshift(task);
      this.startFailed(error);
    } else if (task) {
      logger.warn({ err: error }, "body worker lost while preparing a body");
      task.resolve(failed());
    }
    this.pump();
  }

  private release(slot: Slot): void {
    if (slot.stuck) clearTimeout(slot.stuck);
    slot.stuck = null;
    slot.task = null;
    // An idle worker does not keep the process alive.
    slot.worker.unref();
  }

  private startFailed(error: unknown): void {
    this.startFailures += 1;
    if (this.startFailures < MAX_START_FAILURES || this.inline) return;
    this.inline = true;
    logger.error({ err: error }, "body workers cannot start here: email bodies are prepared on the request thread, with the same limits");
  }
}

/**
 * A body worker. Bundled by Next, Turbopack compiles the entry with the app and the URL below
 * points at its output. Unbundled (Vitest, tsx) the entry is still TypeScript: the worker registers
 * tsx before importing it.
 */
export function spawnBodyWorker(): Worker {
  const options = { name: "email-bodies", resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (import.meta.url.endsWith(".ts")) {
    const entry = JSON.stringify(import.meta.url.replace(/body-pool\.ts$/, "body-worker.ts"));
    const bootstrap = `import("tsx/esm/api").then((tsx) => tsx.register()).then(() => import(${entry}))`;
    return new Worker(bootstrap, { ...options, eval: true });
  }
  return new Worker(new URL("./body-worker.ts", import.meta.url), options);
}
