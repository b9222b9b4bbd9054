/**
 * Test harness for the local Gorgias-compatible sandbox (`sandbox/server.ts`), shared by every
 * integration suite. It starts one in-process sandbox on a free loopback port with no data
 * directory (fresh seed, nothing on disk) and wraps its control API.
 *
 *   const sb = await startTestSandbox();
 *   const admin = await sb.agent("admin");          // { email, api_key, ... } of the demo account
 *   const base = sb.apiBase();                      // `${url}/demo/api`
 *   await sb.control.fault({ method: "GET", path: "/api/tickets/*", kind: "status", status: 503, count: 1 });
 *   const log = await sb.control.requests();        // what the sandbox received
 *   await sb.close();
 *
 * The sandbox's rate limiter is OFF by default here (pass `rateLimit: {capacity, windowSeconds}`
 * or call `control.config` to turn it on); the call-limit header is still sent.
 *
 * Suites that share one sandbox should `await sb.control.reset()` (data, faults, request log)
 * in `beforeEach`. The base-URL template for app code is `sb.template` (`…/{accountDomain}/api`).
 */

export interface SandboxAgent {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  /** `admin`, `agent`, `observer-agent` (403 on writes), … */
  readonly role: string;
  readonly api_key: string;
}

export interface SandboxAccount {
  readonly domain: string;
  readonly agents: readonly SandboxAgent[];
}

export interface SandboxRequestLog {
  readonly account: string;
  readonly method: string;
  /** Path after the account prefix, e.g. `/api/tickets/12`. */
  readonly path: string;
  readonly query: Record<string, string | string[]>;
  readonly body: unknown;
  readonly status: number;
  readonly time: string;
  readonly user_email: string | null;
}

export interface SandboxOutboxEntry {
  readonly channel: string;
  readonly ticket_id: number;
  readonly message_id: number;
  readonly external_id: string | null;
  readonly from: unknown;
  readonly to: unknown;
  readonly subject: string | null;
  readonly body_text: string | null;
  readonly body_html: string | null;
  /** The files the message carried (a path for the sandbox's own uploads). */
  readonly attachments: readonly { readonly url: string; readonly name: string; readonly content_type: string; readonly size: number }[];
  readonly sent_datetime: string | null;
}

export type RateLimitConfig = false | { readonly capacity: number; readonly windowSeconds: number };

export interface SandboxConfig {
  readonly latencyMs?: number;
  readonly rateLimit?: RateLimitConfig;
  readonly sendDelayMs?: number;
  /** Webhook deliveries: the wait before a retry, and how long a receiver may take. */
  readonly webhookRetryDelayMs?: number;
  readonly webhookTimeoutMs?: number;
}

export interface SandboxFault {
  readonly method: string;
  /** After the account prefix; `*` is a wildcard, e.g. `/api/tickets/*`. */
  readonly path: string;
  /** How many matching requests it hits (default: all until cleared). */
  readonly count?: number;
  readonly account?: string;
  readonly kind: "status" | "delay" | "drop" | "malformed";
  readonly status?: number;
  readonly retryAfter?: number;
  readonly delayMs?: number;
}

export interface StartOptions extends SandboxConfig {
  /** Default 0: a free port. */
  readonly port?: number;
}

interface SandboxServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

interface SandboxModule {
  startSandbox(opts: {
    port: number;
    dataDir: null;
    quiet: boolean;
    rateLimit?: RateLimitConfig | true;
    sendDelayMs?: number;
    latencyMs?: number;
  }): Promise<SandboxServer>;
}

export interface TestSandbox {
  /** Origin, e.g. `http://127.0.0.1:53122`. */
  readonly url: string;
  readonly port: number;
  /** Base-URL template for `createGorgiasClient({ baseUrl })` / `GORGIAS_API_URL`. */
  readonly template: string;
  apiBase(domain?: string): string;
  accounts(): Promise<SandboxAccount[]>;
  /** Agents of one account (default `demo`). */
  agents(domain?: string): Promise<SandboxAgent[]>;
  /** The first agent with that role (default account `demo`); throws if there is none. */
  agent(role: string, domain?: string): Promise<SandboxAgent>;
  readonly control: {
    reset(): Promise<void>;
    config(config: SandboxConfig): Promise<void>;
    fault(fault: SandboxFault): Promise<void>;
    clearFaults(): Promise<void>;
    requests(account?: string): Promise<SandboxRequestLog[]>;
    clearRequests(): Promise<void>;
    outbox(account?: string): Promise<SandboxOutboxEntry[]>;
    flush(): Promise<void>;
  };
  close(): Promise<void>;
}

// Loaded at run time so this harness type-checks on its own; the contract is the interface above.
const SERVER_MODULE = new URL("../../sandbox/server.ts", import.meta.url).href;

export async function startTestSandbox(options: StartOptions = {}): Promise<TestSandbox> {
  const mod = (await import(/* @vite-ignore */ SERVER_MODULE)) as SandboxModule;
  const server = await mod.startSandbox({
    port: options.port ?? 0,
    dataDir: null,
    quiet: true,
    // Off unless asked for: suites stay deterministic; rate-limit tests turn it on (here or via config).
    rateLimit: options.rateLimit ?? false,
    sendDelayMs: options.sendDelayMs,
    latencyMs: options.latencyMs,
  });
  const url = server.url.replace(/\/+$/, "");

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox control ${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const data = async <T>(path: string) => (await call<{ data: T[] }>("GET", path)).data;
  const accounts = () => data<SandboxAccount>("/accounts");
  const agents = async (domain = "demo") => {
    const account = (await accounts()).find((a) => a.domain === domain);
    if (!account) throw new Error(`sandbox has no account ${domain}`);
    return [...account.agents];
  };

  return {
    url,
    port: server.port,
    template: `${url}/{accountDomain}/api`,
    apiBase: (domain = "demo") => `${url}/${domain}/api`,
    accounts,
    agents,
    agent: async (role, domain = "demo") => {
      const found = (await agents(domain)).find((a) => a.role === role);
      if (!found) throw new Error(`sandbox account ${domain} has no ${role}`);
      return found;
    },
    control: {
      reset: () => call("POST", "/reset"),
      config: (config) => call("PUT", "/config", config),
      fault: (fault) => call("POST", "/faults", fault),
      clearFaults: () => call("DELETE", "/faults"),
      requests: (account = "demo") => data<SandboxRequestLog>(`/requests?account=${encodeURIComponent(account)}`),
      clearRequests: () => call("DELETE", "/requests"),
      outbox: (account = "demo") => data<SandboxOutboxEntry>(`/outbox?account=${encodeURIComponent(account)}`),
      flush: () => call("POST", "/flush"),
    },
    close: () => server.close(),
  };
}
