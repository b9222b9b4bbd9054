import { z } from "zod";
import { ApiError } from "./http/errors.js";
import type { Reply } from "./http/router.js";
import type { SandboxState } from "./state.js";

// The control API under /__sandbox/ lets tests drive the sandbox: reseed, slow it down,
// break it on purpose, and inspect what clients sent, what "went out" by email and what the
// HTTP integrations (webhooks) were sent.

const resetBody = z.strictObject({ seed: z.int().nonnegative().optional(), tickets: z.int().min(1).max(1_000_000).optional() });
const configBody = z.strictObject({
  latencyMs: z.int().nonnegative().max(600_000).optional(),
  rateLimit: z.union([z.literal(false), z.literal(true), z.strictObject({ capacity: z.int().positive(), windowSeconds: z.number().positive() })]).optional(),
  sendDelayMs: z.int().nonnegative().max(600_000).optional(),
  liveActivity: z.union([z.literal(false), z.literal(true), z.strictObject({ intervalMs: z.int().min(50) })]).optional(),
  webhookRetryDelayMs: z.int().nonnegative().max(600_000).optional(),
  webhookTimeoutMs: z.int().positive().max(600_000).optional(),
});
const faultBody = z.strictObject({
  method: z.enum(["GET", "POST", "PUT", "DELETE", "*"]),
  path: z.string().startsWith("/"),
  count: z.int().positive().optional(),
  account: z.string().optional(),
  kind: z.enum(["status", "delay", "drop", "malformed"]),
  status: z.int().min(100).max(599).optional(),
  retryAfter: z.number().nonnegative().optional(),
  delayMs: z.int().nonnegative().max(600_000).optional(),
});
const activityBody = z.strictObject({ account: z.string().optional() });

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    throw new ApiError(400, `Invalid control request: ${detail}`);
  }
  return result.data;
}

export function configView(state: SandboxState) {
  return { ...state.config, rateLimit: state.limiter.current() };
}

export function handleControl(state: SandboxState, method: string, path: string, query: URLSearchParams, body: unknown): Reply {
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  const account = query.get("account");
  switch (route) {
    case "GET /__sandbox/accounts":
      return {
        status: 200,
        body: {
          data: [...state.accounts.values()].map((s) => ({
            domain: s.domain,
            name: s.profile.companyName,
            agents: [...s.data.users.values()].map((u) => ({ id: u.id, name: `${u.firstname} ${u.lastname}`, email: u.email, role: u.role, api_key: u.api_key })),
          })),
        },
      };
    case "POST /__sandbox/reset": {
      const b = parse(resetBody, body);
      state.reseed(b.seed ?? state.header.seed, b.tickets ?? state.header.tickets);
      return { status: 200, body: { seed: state.header.seed, tickets: state.header.tickets, anchor: new Date(state.header.anchorMs).toISOString() } };
    }
    case "GET /__sandbox/config":
      return { status: 200, body: configView(state) };
    case "PUT /__sandbox/config": {
      const b = parse(configBody, body);
      if (b.latencyMs !== undefined) state.config.latencyMs = b.latencyMs;
      if (b.sendDelayMs !== undefined) state.config.sendDelayMs = b.sendDelayMs;
      if (b.webhookRetryDelayMs !== undefined) state.config.webhookRetryDelayMs = b.webhookRetryDelayMs;
      if (b.webhookTimeoutMs !== undefined) state.config.webhookTimeoutMs = b.webhookTimeoutMs;
      if (b.rateLimit !== undefined) {
        state.config.rateLimit = b.rateLimit === true ? { capacity: 40, windowSeconds: 20 } : b.rateLimit;
        state.limiter.configure(state.config.rateLimit);
        state.limiter.reset();
      }
      if (b.liveActivity !== undefined) {
        state.config.liveActivity = b.liveActivity === true ? { intervalMs: 5000 } : b.liveActivity;
        state.activity.configure(state.config.liveActivity);
      }
      return { status: 200, body: configView(state) };
    }
    case "POST /__sandbox/faults": {
      const b = parse(faultBody, body);
      if (b.kind === "status" && b.status === undefined) throw new ApiError(400, "Invalid control request: a status fault needs `status`.");
      if (b.kind === "delay" && b.delayMs === undefined) throw new ApiError(400, "Invalid control request: a delay fault needs `delayMs`.");
      state.faults.add({
        method: b.method,
        path: b.path,
        count: b.count ?? 1,
        account: b.account ?? null,
        kind: b.kind,
        status: b.status ?? null,
        retryAfter: b.retryAfter ?? null,
        delayMs: b.delayMs ?? null,
      });
      return { status: 201, body: { data: state.faults.list() } };
    }
    case "GET /__sandbox/faults":
      return { status: 200, body: { data: state.faults.list() } };
    case "DELETE /__sandbox/faults":
      state.faults.clear();
      return { status: 204 };
    case "GET /__sandbox/requests":
      return { status: 200, body: { data: state.log.filter((e) => account === null || e.account === account) } };
    case "DELETE /__sandbox/requests":
      state.log.length = 0;
      return { status: 204 };
    case "GET /__sandbox/outbox":
      return { status: 200, body: { data: state.mailer.outbox.filter((e) => account === null || e.account === account) } };
    case "DELETE /__sandbox/outbox":
      state.mailer.outbox.length = 0;
      return { status: 204 };
    case "GET /__sandbox/deliveries": {
      const integration = query.get("integration_id");
      const integrationId = integration === null ? null : Number(integration);
      if (integrationId !== null && !Number.isInteger(integrationId)) throw new ApiError(400, "Invalid control request: integration_id must be an integer.");
      return { status: 200, body: { data: state.webhooks.list({ account, integrationId }) } };
    }
    case "DELETE /__sandbox/deliveries":
      state.webhooks.clearFinished();
      return { status: 204 };
    case "POST /__sandbox/flush":
      return { status: 200, body: { delivered: state.mailer.flush() } };
    case "POST /__sandbox/activity": {
      const b = parse(activityBody, body);
      const store = state.accounts.get(b.account ?? "demo");
      if (!store) throw new ApiError(404, `Unknown account ${b.account ?? "demo"}.`);
      return { status: 200, body: state.activity.tick(store) };
    }
    default:
      throw new ApiError(404, `Unknown control endpoint ${route}.`);
  }
}
