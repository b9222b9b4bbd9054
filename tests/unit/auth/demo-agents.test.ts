import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

// serverEnv() caches per module instance, so each case loads a fresh copy with its own env.
async function load(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return import("@/features/auth/server/demo-agents");
}

const saved = { ...process.env };
const fetchSpy = vi.fn(async () =>
  Response.json({ data: [{ domain: "demo", agents: [{ id: 1, name: "Alex", email: "alex@x.example", role: "admin", api_key: "secret-key" }] }] }),
);

beforeEach(() => {
  fetchSpy.mockClear();
  vi.stubGlobal("fetch", fetchSpy);
});
afterEach(() => {
  process.env = { ...saved };
  vi.unstubAllGlobals();
});

describe("sandbox demo agents", () => {
  it("are listed, without keys, when the app runs against the sandbox", async () => {
    const { listDemoAgents, demoAgentKey } = await load({ SANDBOX_URL: "http://127.0.0.1:4010", GORGIAS_ACCOUNT_DOMAIN: undefined });
    expect(await listDemoAgents()).toEqual([{ accountDomain: "demo", name: "Alex", email: "alex@x.example", role: "admin" }]);
    expect(await demoAgentKey("demo", "ALEX@x.example")).toBe("secret-key");
    expect(await demoAgentKey("acme", "alex@x.example")).toBeNull();
  });

  it("never appear against a real Gorgias: nothing is even asked", async () => {
    const { listDemoAgents, demoAgentKey } = await load({ SANDBOX_URL: undefined, GORGIAS_ACCOUNT_DOMAIN: "acme" });
    expect(await listDemoAgents()).toEqual([]);
    expect(await demoAgentKey("acme", "alex@x.example")).toBeNull();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
