import type { AccountStore } from "../store/account-store.js";
import type { UserRec } from "../store/types.js";
import type { SandboxState } from "../state.js";

export interface RequestContext {
  state: SandboxState;
  store: AccountStore;
  user: UserRec;
  method: string;
  /** API path after the account prefix, e.g. /api/tickets/12 */
  path: string;
  /** Path and query string as received, for the envelope's `uri`. */
  uri: string;
  query: URLSearchParams;
  body: unknown;
  params: number[];
  origin: string;
  /** `POST /api/upload` only: its multipart body, which is not JSON. */
  upload?: { bytes: Buffer; contentType: string | undefined };
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Reply;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export type Match = { handler: Handler; params: number[] } | { methodNotAllowed: true } | null;

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  match(method: string, path: string): Match {
    const parts = path.split("/").filter(Boolean);
    let pathExists = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathExists = true;
      if (route.method === method) return { handler: route.handler, params };
    }
    return pathExists ? { methodNotAllowed: true } : null;
  }
}

function matchSegments(pattern: string[], parts: string[]): number[] | null {
  if (pattern.length !== parts.length) return null;
  const params: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? "";
    const v = parts[i] ?? "";
    if (p.startsWith(":")) {
      if (!/^\d{1,10}$/.test(v)) return null;
      params.push(Number(v));
    } else if (p !== v) return null;
  }
  return params;
}
