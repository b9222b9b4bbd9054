import { parentPort, threadId } from "node:worker_threads";
import { runBodyJob, type BodyJob } from "./body-job";

// A body worker's entry (started by body-pool.ts): email bodies are sanitized here, off the thread
// that answers requests. "ready" tells the pool the modules loaded, so a failure after it is the
// job's, not the worker's start.

const port = parentPort;
if (port) {
  port.on("message", ({ id, job }: { id: number; job: BodyJob }) => {
    try {
      port.postMessage({ id, result: runBodyJob(job, threadId) });
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  port.postMessage({ ready: true });
}
