import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../sandbox/server";

// The suite asserts raw wire JSON field by field; one loose type for it keeps those assertions readable
// (the sandbox is checked against the reference here, not against our typed client).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Wire = any;

export interface Agent {
  id: number;
  name: string;
  email: string;
  role: string;
  api_key: string;
}

export interface Harness {
  sandbox: RunningSandbox;
  url: string;
  agents: Record<string, Agent[]>;
  /** Calls the account's API as an agent (default: demo admin). */
  api(path: string, init?: { method?: string; body?: unknown; as?: Agent; account?: string; raw?: string; headers?: Record<string, string> }): Promise<Response>;
  json<T = Wire>(path: string, init?: Parameters<Harness["api"]>[1]): Promise<{ status: number; body: T; headers: Headers }>;
  control<T = Wire>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  admin: Agent;
  byRole(role: string, account?: string): Agent;
  close(): Promise<void>;
}

export function basic(agent: Agent): string {
  return `Basic ${Buffer.from(`${agent.email}:${agent.api_key}`).toString("base64")}`;
}

export async function start(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, dataDir: null, quiet: true, rateLimit: false, ...options });
  const accounts = (await (await fetch(`${sandbox.url}/__sandbox/accounts`)).json()) as { data: { domain: string; agents: Agent[] }[] };
  const agents: Record<string, Agent[]> = {};
  for (const a of accounts.data) agents[a.domain] = a.agents;
  const byRole = (role: string, account = "demo") => {
    const found = agents[account]?.find((a) => a.role === role);
    if (!found) throw new Error(`no ${role} in ${account}`);
    return found;
  };
  const admin = byRole("admin");
  const api: Harness["api"] = (path, init = {}) => {
    const account = init.account ?? "demo";
    const target = path.startsWith("/api/") ? `${sandbox.url}/${account}${path}` : `${sandbox.url}${path}`;
    const headers: Record<string, string> = { Authorization: basic(init.as ?? admin), ...init.headers };
    let payload: string | undefined = init.raw;
    if (init.body !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(init.body);
    }
    return fetch(target, { method: init.method ?? "GET", headers, body: payload });
  };
  const json: Harness["json"] = async (path, init) => {
    const res = await api(path, init);
    const text = await res.text();
    return { status: res.status, body: text === "" ? null : JSON.parse(text), headers: res.headers };
  };
  const control: Harness["control"] = async (method, path, body) => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text === "" ? null : JSON.parse(text) };
  };
  return { sandbox, url: sandbox.url, agents, api, json, control, admin, byRole, close: () => sandbox.close() };
}

/** Follows next_cursor to the end, returning every item seen. */
export async function pageAll(h: Harness, path: string, as?: Agent): Promise<{ items: Wire[]; pages: number }> {
  const items: Wire[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const res: { status: number; body: Wire } = await h.json(cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path, { as });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.data);
    cursor = res.body.meta.next_cursor;
    pages++;
  } while (cursor && pages < 1000);
  return { items, pages };
}
