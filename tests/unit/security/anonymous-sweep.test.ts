import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

// Every server action and route handler must refuse a caller without a live session on its own,
// whatever the proxy does (docs/safety.md#access-check). Here the session lookup answers "nobody", as it does for
// an anonymous, expired or revoked caller, and every action and handler the app has is called.
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({ currentAgent: async () => null, requirePageAgent: async () => null }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined, handlers: {} }));

// Sign-in and sign-out are the only actions meant for callers without a session.
const PUBLIC_ACTIONS = new Set(["signInAction", "demoSignInAction", "signOutAction"]);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const root = process.cwd();
const AUTH_ACTIONS = "features/auth/server/actions.ts";
// Every 'use server' module: the features' action modules, wherever a feature keeps them.
const actionFiles = walk(path.join(root, "features")).filter(
  (f) => /\.tsx?$/.test(f) && /^["']use server["']/m.test(readFileSync(f, "utf8")),
);
const routeFiles = walk(path.join(root, "app/api")).filter((f) => f.endsWith("route.ts") && !f.includes("[...nextauth]"));

describe("anonymous sweep", () => {
  it("finds the app's actions and route handlers", () => {
    expect(actionFiles.length).toBeGreaterThan(1);
    expect(routeFiles.length).toBeGreaterThan(0);
  });

  // The auth actions (next-auth needs the Next runtime) are only the public ones: check that by their text.
  it(`${AUTH_ACTIONS} exports nothing but sign-in and sign-out`, () => {
    const exported = [...readFileSync(path.join(root, AUTH_ACTIONS), "utf8").matchAll(/export (?:async function|const) (\w+)/g)].map((m) => m[1]);
    expect(exported.length).toBeGreaterThan(0);
    for (const name of exported) expect(PUBLIC_ACTIONS.has(name ?? "")).toBe(true);
  });

  it.each(actionFiles.filter((f) => !f.endsWith(AUTH_ACTIONS)).map((f) => [path.relative(root, f)]))("every action in %s refuses an anonymous caller", async (file) => {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    const actions = Object.entries(mod).filter(([name, v]) => typeof v === "function" && !PUBLIC_ACTIONS.has(name));
    expect(actions.length).toBeGreaterThan(0);
    for (const [name, action] of actions) {
      const result = (await (action as (input: unknown) => Promise<unknown>)({ ticketId: 1 })) as { ok: boolean; error?: { code: string } };
      expect({ name, ok: result.ok, code: result.error?.code }).toEqual({ name, ok: false, code: "unauthenticated" });
    }
  });

  it.each(routeFiles.map((f) => [path.relative(root, f)]))("every handler in %s answers 401 to an anonymous caller", async (file) => {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      const handler = mod[method] as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
      const params = Promise.resolve({ account: "demo", ticketId: "1", messageId: "1", customerId: "1" });
      const response = await handler(new Request("http://127.0.0.1/api/demo/x", { method }), { params });
      expect({ method, status: response.status }).toEqual({ method, status: 401 });
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    }
  });
});
