import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { appPage } from "./app-pages.js";
import { handleControl } from "./control.js";
import { attachmentBytes } from "./files.js";
import { ApiError, MESSAGES } from "./http/errors.js";
import { queryObject, readBody, readRaw, sendJson, sendRaw, sleep, UNKNOWN_ACCOUNT_HTML } from "./http/io.js";
import { Router, type RequestContext } from "./http/router.js";
import { catalogRoutes } from "./routes/catalog.js";
import { eventRoutes } from "./routes/events.js";
import { surveyRoutes } from "./routes/surveys.js";
import { integrationRoutes } from "./routes/integrations.js";
import { jobRoutes } from "./routes/jobs.js";
import { messageRoutes } from "./routes/messages.js";
import { peopleRoutes } from "./routes/people.js";
import { ticketRoutes } from "./routes/tickets.js";
import { uploadRoutes } from "./routes/uploads.js";
import { viewRoutes } from "./routes/views.js";
import { SandboxState, DEFAULT_RATE_LIMIT, type LogEntry } from "./state.js";
import type { AccountStore } from "./store/account-store.js";
import type { UserRec } from "./store/types.js";
import { inAction } from "./events.js";
import { wakeSnoozed } from "./ticket-ops.js";
import { UPLOAD_LIMITS } from "./uploads.js";

export interface SandboxOptions {
  port?: number; // 0 = pick a free port; default from SANDBOX_PORT or 4010
  host?: string; // default "127.0.0.1"
  dataDir?: string | null; // persistence folder; null = in memory only (tests); default ".data/sandbox"
  seed?: number; // default 1
  tickets?: number; // demo account size; default from SANDBOX_TICKETS or 320
  rateLimit?: boolean | { capacity: number; windowSeconds: number }; // default on: 40 / 20 s
  liveActivity?: boolean | { intervalMs: number }; // default off
  sendDelayMs?: number; // delay before an email reply gets sent_datetime; default 1500
  latencyMs?: number; // default 0
  webhookRetryDelayMs?: number; // first retry of a failed webhook delivery; default 1000
  webhookTimeoutMs?: number; // a delivery without an answer by then failed; default 10000
  quiet?: boolean; // no console output
  /** Discard persisted state and reseed (the CLI's --reset). */
  reset?: boolean;
}

export interface RunningSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

function buildRouter(): Router {
  const router = new Router();
  ticketRoutes(router);
  messageRoutes(router);
  peopleRoutes(router);
  catalogRoutes(router);
  viewRoutes(router);
  eventRoutes(router);
  surveyRoutes(router);
  integrationRoutes(router);
  uploadRoutes(router);
  jobRoutes(router);
  return router;
}

function authenticate(store: AccountStore, header: string | undefined): UserRec | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const email = decoded.slice(0, colon).toLowerCase();
  const key = decoded.slice(colon + 1);
  for (const user of store.data.users.values()) {
    if (user.email.toLowerCase() === email && user.api_key === key) return user;
  }
  return null;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? envInt("SANDBOX_PORT") ?? 4010;
  const rate = options.rateLimit ?? true;
  const live = options.liveActivity ?? false;
  const state = new SandboxState(
    {
      latencyMs: options.latencyMs ?? 0,
      rateLimit: rate === true ? { ...DEFAULT_RATE_LIMIT } : rate,
      sendDelayMs: options.sendDelayMs ?? 1500,
      liveActivity: live === true ? { intervalMs: 5000 } : live,
      webhookRetryDelayMs: options.webhookRetryDelayMs ?? 1000,
      webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    },
    options.dataDir === undefined ? ".data/sandbox" : options.dataDir,
  );
  const started = performance.now();
  const how = state.start(options.seed ?? 1, options.tickets ?? envInt("SANDBOX_TICKETS") ?? 320, options.reset ?? false);
  state.activity.configure(state.config.liveActivity);
  const router = buildRouter();
  let origin = "";

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", origin);
    const path = url.pathname;
    const method = (req.method ?? "GET").toUpperCase();

    if (path === "/__sandbox" || path.startsWith("/__sandbox/")) {
      const raw = await readBody(req);
      let body: unknown;
      try {
        body = raw.trim() === "" ? undefined : JSON.parse(raw);
      } catch {
        return sendJson(res, 400, { error: { msg: "Invalid control request: body is not valid JSON." } });
      }
      try {
        const reply = handleControl(state, method, path, url.searchParams, body);
        return sendJson(res, reply.status, reply.body, reply.headers);
      } catch (e) {
        if (e instanceof ApiError) return sendJson(res, e.status, e.body());
        throw e;
      }
    }

    const [, domain = "", area = "", ...rest] = path.split("/");
    const store = state.accounts.get(domain);
    if (!store) return sendRaw(res, 404, "text/html; charset=utf-8", UNKNOWN_ACCOUNT_HTML);
    if (area === "files" && method === "GET" && rest[0] === "uploads") {
      const file = state.uploads.get(domain, rest[1] ?? "");
      if (!file) return sendRaw(res, 404, "text/html; charset=utf-8", UNKNOWN_ACCOUNT_HTML);
      const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
      return sendRaw(res, 200, file.content_type, file.bytes, {
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "X-Content-Type-Options": "nosniff",
      });
    }
    if (area === "files" && method === "GET") {
      const msg = store.data.messages.get(Number(rest[0]));
      const file = msg?.attachments.find((a) => a.url === path);
      if (!file) return sendRaw(res, 404, "text/html; charset=utf-8", UNKNOWN_ACCOUNT_HTML);
      return sendRaw(res, 200, file.content_type, attachmentBytes(file.name, file.content_type), {
        "Content-Disposition": `inline; filename="${file.name}"`,
      });
    }
    if (area === "app" && method === "GET") {
      const html = appPage(store, rest);
      return sendRaw(res, html === null ? 404 : 200, "text/html; charset=utf-8", html ?? UNKNOWN_ACCOUNT_HTML);
    }
    if (area !== "api") return sendRaw(res, 404, "text/html; charset=utf-8", UNKNOWN_ACCOUNT_HTML);

    const apiPath = path.slice(domain.length + 1);
    // The one non-JSON call: multipart files, with a limit of its own.
    const isUpload = method === "POST" && apiPath === "/api/upload";
    const received = isUpload ? await readRaw(req, UPLOAD_LIMITS.requestBytes) : null;
    const raw = isUpload ? "" : await readBody(req);
    let parsed: unknown;
    let invalidJson = false;
    try {
      parsed = raw.trim() === "" ? undefined : JSON.parse(raw);
    } catch {
      invalidJson = true;
    }
    const entry: LogEntry = {
      account: domain,
      method,
      path: apiPath,
      query: queryObject(url.searchParams),
      body: parsed ?? null,
      status: 0,
      time: new Date().toISOString(),
      user_email: null,
    };
    state.log.push(entry);
    const limitHeader = () => {
      const { used, capacity } = state.limiter.peek(domain);
      return { "X-Gorgias-Account-Api-Call-Limit": `${used}/${capacity}` };
    };
    const fail = (status: number, msg: string, headers: Record<string, string> = {}, data?: Record<string, string[]>) => {
      entry.status = status;
      sendJson(res, status, new ApiError(status, msg, data).body(), { ...limitHeader(), ...headers });
    };

    const fault = state.faults.take(method, domain, apiPath);
    if (fault?.kind === "drop") {
      entry.status = 0;
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "status") {
      const status = fault.status ?? 500;
      return fail(status, MESSAGES[status] ?? "Sandbox fault.", fault.retryAfter !== null ? { "Retry-After": String(fault.retryAfter) } : {});
    }
    if (fault?.kind === "malformed") {
      entry.status = 200;
      return sendRaw(res, 200, "application/json", '{"object": "list", "data": [{"id": 1, "subject": "trunc', limitHeader());
    }
    if (fault?.kind === "delay") await sleep(fault.delayMs ?? 0);
    if (state.config.latencyMs > 0) await sleep(state.config.latencyMs);
    if (res.destroyed) return;

    const decision = state.limiter.take(domain);
    const rateHeaders = { "X-Gorgias-Account-Api-Call-Limit": `${decision.used}/${decision.capacity}` };
    if (!decision.allowed) {
      entry.status = 429;
      return sendJson(res, 429, { error: { msg: "Too many requests." } }, { ...rateHeaders, "Retry-After": String(decision.retryAfterSeconds) });
    }
    const user = authenticate(store, req.headers.authorization);
    if (!user) return fail(401, "Unauthorized.", rateHeaders);
    entry.user_email = user.email;
    if (invalidJson) return fail(400, "Invalid JSON body.", rateHeaders, { _schema: ["The body could not be parsed as JSON."] });
    if (received?.tooLarge) return fail(413, `Request too large: an upload may carry at most ${UPLOAD_LIMITS.requestBytes / 1_000_000} MB.`, rateHeaders);
    const match = router.match(method, apiPath);
    if (!match) return fail(404, "Resource not found.", rateHeaders);
    if ("methodNotAllowed" in match) return fail(405, "The specified HTTP method is not allowed.", rateHeaders);
    if (method !== "GET" && user.role === "observer-agent") {
      return fail(403, "You don't have the permissions to perform this action: observer agents have read-only access.", rateHeaders);
    }
    wakeSnoozed(store);
    const ctx: RequestContext = {
      state,
      store,
      user,
      method,
      path: apiPath,
      uri: `${apiPath}${url.search}`,
      query: url.searchParams,
      body: parsed,
      params: match.params,
      origin,
      ...(received ? { upload: { bytes: received.bytes, contentType: req.headers["content-type"] } } : {}),
    };
    try {
      const reply = inAction(store, user.id, () => match.handler(ctx));
      entry.status = reply.status;
      sendJson(res, reply.status, reply.body, { ...rateHeaders, ...reply.headers });
    } catch (e) {
      if (e instanceof ApiError) return fail(e.status, e.msg, { ...rateHeaders, ...e.headers }, e.data);
      if (!options.quiet) console.error("[sandbox] unexpected error", e);
      return fail(500, "Internal server error.", rateHeaders);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!options.quiet) console.error("[sandbox] request failed", e);
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, { error: { msg: "Internal server error." } });
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  origin = `http://${host}:${actualPort}`;
  state.origin = origin;
  if (!options.quiet) {
    const ms = Math.round(performance.now() - started);
    console.log(`[sandbox] ${how === "loaded" ? "loaded saved state" : "seeded"} in ${ms} ms (seed ${state.header.seed}, ${state.header.tickets} tickets)`);
  }
  let closed = false;
  return {
    url: origin,
    port: actualPort,
    close: async () => {
      if (closed) return;
      closed = true;
      state.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
