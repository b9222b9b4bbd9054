import type { CallLimit } from "@/lib/domain/account";
import { err, ok, type Result } from "@/lib/result";
import { accountApi } from "./account";
import { DEFAULT_BASE_URL_TEMPLATE, resolveBaseUrl, type BaseUrlError } from "./base-url";
import { budgetFor, BudgetScheduler, type BudgetOptions, type Priority } from "./budget";
import { customersApi } from "./customers";
import { eventsApi } from "./events";
import { integrationsApi } from "./integrations";
import { uploadsApi } from "./uploads";
import { jobsApi } from "./jobs";
import { macrosApi } from "./macros";
import { messagesApi } from "./messages";
import { createHash } from "node:crypto";
import { referenceApi } from "./reference";
import { createTransport } from "./request";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry";
import { tagsApi } from "./tags";
import { teamsApi } from "./teams";
import { ticketsApi } from "./tickets";
import { usersApi } from "./users";
import { viewsApi } from "./views";

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface GorgiasClientOptions {
  /** Base-URL template with `{accountDomain}` (from `GORGIAS_API_URL`); the client never reads env. */
  readonly baseUrl?: string;
  readonly accountDomain: string;
  readonly email: string;
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
  /** Per attempt; every call has one (docs/safety.md#timeouts-retries). */
  readonly timeoutMs?: number;
  /** A scheduler to use, or options for the account's shared one (created on first use). */
  readonly budget?: BudgetScheduler | BudgetOptions;
  readonly retry?: Partial<RetryPolicy>;
  /** Test seams for retry waits and jitter. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /** Called with every `X-Gorgias-Account-Api-Call-Limit` seen, so callers can show the budget. */
  readonly onCallLimit?: (limit: CallLimit) => void;
  /**
   * Every request of this client goes in this lane, whatever its caller asks: an assistant's client
   * runs the Desk's own reads and sends in the `assistant` lane (docs/safety.md#assistant-budget).
   */
  readonly lane?: Priority;
  /** A second bucket every request must also fit before the account's: an assistant token's own cap. */
  readonly gate?: BudgetScheduler;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createGorgiasClient(options: GorgiasClientOptions): Result<GorgiasClient, BaseUrlError> {
  const base = resolveBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL_TEMPLATE, options.accountDomain);
  if (!base.ok) return err(base.error);
  const budget = options.budget instanceof BudgetScheduler ? options.budget : budgetFor(base.value, options.budget);
  const send = createTransport({
    baseUrl: base.value,
    accountDomain: options.accountDomain,
    email: options.email,
    apiKey: options.apiKey,
    // Looked up per call so a test's or Next's patched global fetch is honoured.
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    budget,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    now: () => Date.now(),
    onCallLimit: options.onCallLimit,
    lane: options.lane,
    gate: options.gate,
  });
  const credentialId = createHash("sha256").update(`${options.email}:${options.apiKey}`).digest("hex").slice(0, 16);
  return ok({
    baseUrl: base.value,
    accountDomain: options.accountDomain,
    budget,
    callLimit: () => budget.lastCallLimit(),
    account: accountApi(send),
    tickets: ticketsApi(send),
    messages: messagesApi(send),
    customers: customersApi(send),
    users: usersApi(send),
    views: viewsApi(send),
    tags: tagsApi(send),
    teams: teamsApi(send),
    macros: macrosApi(send),
    integrations: integrationsApi(send),
    events: eventsApi(send),
    uploads: uploadsApi(send),
    jobs: jobsApi(send),
    reference: referenceApi(send, { accountKey: base.value, credentialId }),
  });
}

export interface GorgiasClient {
  readonly baseUrl: string;
  readonly accountDomain: string;
  readonly budget: BudgetScheduler;
  /** The last call-limit header seen for this account by any client in this process. */
  callLimit(): CallLimit | null;
  readonly account: ReturnType<typeof accountApi>;
  readonly tickets: ReturnType<typeof ticketsApi>;
  readonly messages: ReturnType<typeof messagesApi>;
  readonly customers: ReturnType<typeof customersApi>;
  readonly users: ReturnType<typeof usersApi>;
  readonly views: ReturnType<typeof viewsApi>;
  readonly tags: ReturnType<typeof tagsApi>;
  readonly teams: ReturnType<typeof teamsApi>;
  readonly macros: ReturnType<typeof macrosApi>;
  readonly integrations: ReturnType<typeof integrationsApi>;
  readonly events: ReturnType<typeof eventsApi>;
  /** `POST /api/upload`: files for a message's `attachments`. */
  readonly uploads: ReturnType<typeof uploadsApi>;
  readonly jobs: ReturnType<typeof jobsApi>;
  /** Cached (10 min) complete lists of users, teams, tags and views. */
  readonly reference: ReturnType<typeof referenceApi>;
}
