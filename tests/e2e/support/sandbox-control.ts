// The e2e suites' handle on the sandbox that Playwright started (see playwright.config.ts).
export const SANDBOX_URL = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT}`;

export interface SandboxAgent {
  id: number;
  name: string;
  email: string;
  role: string;
  api_key: string;
}

export interface LoggedRequest {
  account: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  status: number;
  time: string;
  user_email: string | null;
}

export interface OutboxEmail {
  account: string;
  ticket_id: number;
  message_id: number;
  external_id: string | null;
  from: string;
  to: string[];
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  /** The files the message carried (a path for the sandbox's own uploads). */
  attachments: { url: string; name: string; content_type: string; size: number }[];
  sent_datetime: string;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${SANDBOX_URL}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox control ${method} ${path} → ${res.status}: ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}

export const sandbox = {
  async agents(domain = "demo"): Promise<SandboxAgent[]> {
    const { data } = await call<{ data: Array<{ domain: string; agents: SandboxAgent[] }> }>("GET", "/__sandbox/accounts");
    return data.find((a) => a.domain === domain)?.agents ?? [];
  },
  async agentWithRole(role: string, domain = "demo"): Promise<SandboxAgent> {
    const agent = (await this.agents(domain)).find((a) => a.role === role);
    if (!agent) throw new Error(`no ${role} in sandbox account ${domain}`);
    return agent;
  },
  reset: (body: { seed?: number } = {}) => call("POST", "/__sandbox/reset", body),
  config: (body: Record<string, unknown>) => call("PUT", "/__sandbox/config", body),
  fault: (body: Record<string, unknown>) => call("POST", "/__sandbox/faults", body),
  clearFaults: () => call("DELETE", "/__sandbox/faults"),
  async requests(domain = "demo"): Promise<LoggedRequest[]> {
    return (await call<{ data: LoggedRequest[] }>("GET", `/__sandbox/requests?account=${domain}`)).data;
  },
  clearRequests: () => call("DELETE", "/__sandbox/requests"),
  async outbox(domain = "demo"): Promise<OutboxEmail[]> {
    return (await call<{ data: OutboxEmail[] }>("GET", `/__sandbox/outbox?account=${domain}`)).data;
  },
  clearOutbox: () => call("DELETE", "/__sandbox/outbox"),
  flush: () => call("POST", "/__sandbox/flush"),
  activity: (domain = "demo") => call<{ ticket_id: number; message_id: number }>("POST", "/__sandbox/activity", { account: domain }),
};

/**
 * The sandbox's Gorgias API with the demo admin's key: an outside party (another agent, the
 * customer's mail) changing the account while our agent works in the Desk.
 */
export async function gorgiasAsAdmin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const admin = await sandbox.agentWithRole("admin");
  const res = await fetch(`${SANDBOX_URL}/demo/api${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${admin.email}:${admin.api_key}`).toString("base64")}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
