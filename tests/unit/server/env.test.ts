import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

async function envWith(trustedProxies: string | undefined) {
  vi.resetModules();
  vi.stubEnv("TRUSTED_PROXIES", trustedProxies);
  const { serverEnv } = await import("@/lib/env");
  return serverEnv;
}

describe("TRUSTED_PROXIES", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is none by default", async () => {
    expect((await envWith(undefined))().TRUSTED_PROXIES).toEqual([]);
    expect((await envWith(""))().TRUSTED_PROXIES).toEqual([]);
  });

  it("takes addresses and CIDR ranges, comma-separated", async () => {
    expect((await envWith(" 10.0.0.0/8, ::1,192.168.1.10 ,fd00::/8"))().TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "::1", "192.168.1.10", "fd00::/8"]);
  });

  it.each(["proxy.internal", "10.0.0.0/33", "10.0.0.1/8/2", "::1/129", "10.0.0.0/"])("refuses %s, naming the variable", async (value) => {
    expect(await envWith(value)).toThrow(/TRUSTED_PROXIES/);
  });
});
