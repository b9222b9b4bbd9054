import "server-only";
import type { Message } from "@/lib/domain/message";
import type { EmailTheme, ThreadMessage } from "@/lib/domain/ticket-thread";
import { ByteLru } from "@/lib/utils";
import { bodyKey, preparedBytes, type BodyVariant } from "./body-cache";
import { bodyFieldsOf } from "./body-job";
import { BODY_TIME_MS, PREVIEW_CHARS, SHORT_PREVIEW_CHARS, THREAD_PREVIEW_CHARS, THREAD_TIME_MS, WHOLE_CHARS } from "./body-limits";
import { BodyPool, defaultPoolSize, spawnBodyWorker, type BodyRunner } from "./body-pool";
import { sourceChars, toThreadMessage, type BodyFields, type PreparedBody } from "./prepare-body";

/** Prepared bodies kept in memory, per process. */
const CACHE_BYTES = 64 * 1024 * 1024;

export interface BodyServiceDeps {
  readonly runner: BodyRunner;
  readonly cache: ByteLru<PreparedBody>;
  readonly now?: () => number;
}

/**
 * Email bodies for the browser, prepared off the request thread (body-pool.ts) within the limits of
 * body-limits.ts, and kept by content and variant (body-cache.ts): a re-read of a thread — a
 * background refresh, another agent, another bundle of this process — prepares nothing again.
 * The same body asked for twice at once is prepared once.
 */
export class BodyService {
  private readonly inflight = new Map<string, Promise<PreparedBody>>();
  private readonly now: () => number;

  constructor(private readonly deps: BodyServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * A thread's bodies, each a preview of at most PREVIEW_CHARS; once the thread's previews reach
   * THREAD_PREVIEW_CHARS (newest message first), older long bodies get the short preview.
   */
  async thread(messages: readonly Message[], theme: EmailTheme): Promise<ThreadMessage[]> {
    const deadline = this.now() + THREAD_TIME_MS;
    const caps = new Map<number, number>();
    let left = THREAD_PREVIEW_CHARS;
    for (let i = messages.length - 1; i >= 0; i--) {
      const chars = Math.min(sourceChars(messages[i]!), PREVIEW_CHARS);
      const fits = chars <= left;
      if (fits) left -= chars;
      caps.set(i, fits ? PREVIEW_CHARS : SHORT_PREVIEW_CHARS);
    }
    const bodies = await Promise.all(
      messages.map((m, i) => this.prepare(m, { theme, allowRemoteImages: false, maxChars: caps.get(i)! }, deadline)),
    );
    return messages.map((m, i) => toThreadMessage(m, bodies[i]!));
  }

  /** One body on request: with its remote images, or whole ("Show all"), or both. */
  one(message: BodyFields, options: { theme: EmailTheme; allowRemoteImages: boolean; whole: boolean }): Promise<PreparedBody> {
    const maxChars = options.whole ? WHOLE_CHARS : PREVIEW_CHARS;
    return this.prepare(message, { theme: options.theme, allowRemoteImages: options.allowRemoteImages, maxChars }, this.now() + BODY_TIME_MS);
  }

  private prepare(
    message: BodyFields,
    options: { theme: EmailTheme; allowRemoteImages: boolean; maxChars: number },
    deadline: number,
  ): Promise<PreparedBody> {
    const chars = sourceChars(message);
    const variant: BodyVariant = { theme: options.theme, allowRemoteImages: options.allowRemoteImages, cap: chars > options.maxChars ? options.maxChars : "all" };
    const key = bodyKey(message, variant);
    const hit = this.deps.cache.get(key);
    if (hit) return Promise.resolve(hit);
    const running = this.inflight.get(key);
    if (running) return running;
    const started = this.deps.runner
      .run({ fields: bodyFieldsOf(message), options, deadline }, Math.min(chars, options.maxChars))
      .then(({ prepared, keep }) => {
        if (keep) this.deps.cache.set(key, prepared, preparedBytes(prepared));
        return prepared;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, started);
    return started;
  }
}

type BodiesGlobal = typeof globalThis & { __gorgiasDeskBodies?: BodyService };

/**
 * The process's body service. On globalThis: Next compiles pages, route handlers and actions into
 * separate bundles, and one pool and one cache must serve them all.
 */
export function bodyService(): BodyService {
  const g = globalThis as BodiesGlobal;
  return (g.__gorgiasDeskBodies ??= new BodyService({
    runner: new BodyPool(defaultPoolSize(), spawnBodyWorker),
    cache: new ByteLru(CACHE_BYTES),
  }));
}
