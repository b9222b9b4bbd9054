import { createHash } from "node:crypto";
import type { z } from "zod";
import type { CallLimit } from "@/lib/domain/account";
import { err, ok, type Result } from "@/lib/result";
import { BudgetShedError, type BudgetScheduler, type Priority } from "./budget";
import { errorFromResponse, parseCallLimit, parseRetryAfter } from "./classify";
import { redact, redactError, type GorgiasError } from "./errors";
import { retryDelayMs, type RetryPolicy } from "./retry";
import { wellFormed } from "@/lib/domain/safe-text";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface CallOptions {
  /** Budget lane; GETs default to `read`, writes to `write`. Replies and notes should pass `send`. */
  readonly priority?: Priority;
  readonly signal?: AbortSignal;
}

export interface RequestSpec<T> {
  readonly method: HttpMethod;
  /** Path below the base URL (which ends in `/api`), e.g. `/tickets/12`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Sent as JSON, or as multipart when it is a `FormData`. */
  readonly body?: unknown;
  /** null: the body is ignored (201/202/204 answers with no content). */
  readonly schema: z.ZodType<T> | null;
}

export interface TransportConfig {
  readonly baseUrl: string;
  readonly accountDomain: string;
  readonly email: string;
  readonly apiKey: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly budget: BudgetScheduler;
  readonly retry: RetryPolicy;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
  readonly onCallLimit?: (limit: CallLimit) => void;
  /** Overrides every call's lane (see `GorgiasClientOptions.lane`). */
  readonly lane?: Priority;
  /** Acquired before the account's budget (see `GorgiasClientOptions.gate`). */
  readonly gate?: BudgetScheduler;
}

export type Transport = <T>(spec: RequestSpec<T>, options?: CallOptions) => Promise<Result<T, GorgiasError>>;

interface RawSuccess {
  readonly status: number;
  readonly text: string;
}

const TIMEOUT = Symbol("timeout");

/** What a request turned away by the budget says in logs; the agent sees `lib/errors.ts`'s "busy". */
const SHED_TEXT: Readonly<Record<Priority, string>> = {
  send: "Not started: the Gorgias request budget did not free up in time.",
  write: "Not started: the Gorgias request budget did not free up in time.",
  read: "Not started: the Gorgias request budget did not free up in time.",
  refresh: "Not started: the Gorgias request budget did not free up in time.",
  prefetch: "Skipped: the Gorgias request budget is kept for agents' own actions.",
  signin: "Not started: sign-in checks wait only briefly for the Gorgias request budget.",
  assistant: "Not started: assistants use what the team leaves of the Gorgias request budget, and it did not free up in time.",
};

export function buildUrl(baseUrl: string, path: string, query: Readonly<Record<string, QueryValue>> = {}): URL {
  const url = new URL(`${baseUrl}${path}`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    // Gorgias reads arrays as repeated keys (`ticket_ids=1&ticket_ids=3`).
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
    else url.searchParams.set(key, String(value));
  }
  return url;
}

function networkReason(error: unknown): "reset" | "refused" | "dns" | "other" {
  const codes: string[] = [];
  let cur: unknown = error;
  for (let depth = 0; depth < 4 && typeof cur === "object" && cur !== null; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    cur = (cur as { cause?: unknown }).cause;
  }
  if (codes.includes("ECONNREFUSED")) return "refused";
  if (codes.some((c) => c === "ENOTFOUND" || c === "EAI_AGAIN")) return "dns";
  if (codes.some((c) => ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNABORTED"].includes(c))) return "reset";
  return "other";
}

const NETWORK_TEXT = {
  reset: "the connection was cut",
  refused: "the connection was refused",
  dns: "the host name did not resolve",
  other: "the request failed",
} as const;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}

/** The one place that talks HTTP to Gorgias. */
export function createTransport(config: TransportConfig): Transport {
  const authorization = `Basic ${Buffer.from(`${config.email}:${config.apiKey}`).toString("base64")}`;
  const secrets = [config.apiKey, authorization.slice(6)];
  // Coalescing key: identical URL and identical credentials; the key itself never holds the secret.
  const credentialId = createHash("sha256").update(authorization).digest("hex").slice(0, 16);

  async function attempt(
    method: HttpMethod,
    url: URL,
    body: unknown,
    label: string,
    priority: Priority,
    signal?: AbortSignal,
    deadline?: number,
  ): Promise<Result<RawSuccess, GorgiasError>> {
    try {
      await config.gate?.acquire(priority, signal, deadline);
      await config.budget.acquire(priority, signal, deadline);
    } catch (e) {
      if (e instanceof BudgetShedError) return err({ kind: "rate_limited", request: label, retryAfterSeconds: e.retryAfterSeconds, message: SHED_TEXT[e.priority], shed: true });
      return err({ kind: "network", request: label, reason: "aborted", message: "The request was cancelled." });
    }
    // The caller may have given up while we waited for the budget; a listener added now would never fire.
    if (signal?.aborted) return err({ kind: "network", request: label, reason: "aborted", message: "The request was cancelled." });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMEOUT), config.timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const headers: Record<string, string> = { authorization, accept: "application/json" };
      // A FormData body (uploads: the one multipart call) sets its own content type and boundary.
      const form = body instanceof FormData;
      if (body !== undefined && !form) headers["content-type"] = "application/json";
      const res = await config.fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : form ? body : JSON.stringify(body),
        signal: controller.signal,
        // A redirect could carry the credentials to another host; Gorgias has no reason to send one.
        redirect: "manual",
      });
      const limit = parseCallLimit(res.headers.get("x-gorgias-account-api-call-limit"));
      if (limit) {
        config.budget.observe(limit);
        config.onCallLimit?.(limit);
      }
      const retryAfter = parseRetryAfter(res.headers.get("retry-after"), config.now());
      // The status is classified first; the body of an error response is read only for detail.
      // After a 429 the caller is told the wait the scheduler honours (capped), not a longer one.
      const honoured = res.status === 429 ? config.budget.pause(retryAfter) : null;
      const retryAfterSeconds = retryAfter === null ? null : (honoured ?? retryAfter);
      const text = await res.text();
      if (res.status >= 200 && res.status < 300) return ok({ status: res.status, text });
      return err(
        errorFromResponse({ status: res.status, contentType: res.headers.get("content-type"), bodyText: text, retryAfterSeconds, request: label, accountDomain: config.accountDomain }),
      );
    } catch (e) {
      if (controller.signal.aborted && controller.signal.reason === TIMEOUT) {
        return err({ kind: "timeout", request: label, timeoutMs: config.timeoutMs, message: `Gorgias did not answer within ${Math.round(config.timeoutMs / 1000)} s.` });
      }
      if (signal?.aborted) return err({ kind: "network", request: label, reason: "aborted", message: "The request was cancelled." });
      const reason = networkReason(e);
      return err({ kind: "network", request: label, reason, message: `Could not reach Gorgias: ${NETWORK_TEXT[reason]}.` });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  async function withRetries(url: URL, label: string, priority: Priority, signal: AbortSignal): Promise<Result<RawSuccess, GorgiasError>> {
    // One wait for the budget across retries: a read's deadline is its caller's, not each attempt's.
    const deadline = config.budget.deadlineFor(priority);
    for (let retry = 0; ; retry++) {
      const result = await attempt("GET", url, undefined, label, priority, signal, deadline);
      if (result.ok) return result;
      const delay = retryDelayMs(result.error, retry, config.retry, config.random);
      if (delay === null) return result;
      if (delay > 0) await config.sleep(delay);
    }
  }

  function raceSignal<T>(promise: Promise<Result<T, GorgiasError>>, label: string, signal?: AbortSignal): Promise<Result<T, GorgiasError>> {
    if (!signal) return promise;
    const aborted = err<GorgiasError>({ kind: "network", request: label, reason: "aborted", message: "The request was cancelled." });
    if (signal.aborted) return Promise.resolve(aborted);
    return new Promise((resolve) => {
      const onAbort = () => resolve(aborted);
      signal.addEventListener("abort", onAbort, { once: true });
      void promise.then((r) => {
        signal.removeEventListener("abort", onAbort);
        resolve(r);
      });
    });
  }

  return async function send<T>(spec: RequestSpec<T>, options: CallOptions = {}): Promise<Result<T, GorgiasError>> {
    const url = buildUrl(config.baseUrl, spec.path, spec.query);
    const label = `${spec.method} ${url.pathname}`;
    const priority = config.lane ?? options.priority ?? (spec.method === "GET" ? "read" : "write");
    // GETs are shared by identical concurrent callers, so one caller's cancel must not cancel the
    // others: each caller stops waiting on its own signal, the shared call stops once all have.
    const raw =
      spec.method === "GET"
        ? await raceSignal(
            config.budget.coalesce(`${credentialId} GET ${url.href}`, { priority, signal: options.signal }, (shared) => withRetries(url, label, priority, shared)),
            label,
            options.signal,
          )
        : await attempt(spec.method, url, spec.body, label, priority, options.signal);
    if (!raw.ok) return err(redactError(raw.error, secrets));
    // A null schema is only used with T = void: the answer has no content worth reading.
    if (spec.schema === null) return ok(undefined as T);
    let json: unknown;
    try {
      json = JSON.parse(raw.value.text, (_key, value: unknown) => (typeof value === "string" ? wellFormed(value) : value));
    } catch {
      return err({ kind: "unexpected_response", request: label, status: raw.value.status, detail: "body is not JSON", message: "Gorgias sent a response this app cannot read." });
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const detail = redact(describeIssues(parsed.error), secrets);
      return err({ kind: "unexpected_response", request: label, status: raw.value.status, detail, message: "Gorgias sent data in a shape this app does not understand." });
    }
    return ok(parsed.data);
  };
}
