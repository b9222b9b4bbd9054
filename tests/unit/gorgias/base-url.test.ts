import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveBaseUrl } from "@/lib/gorgias/base-url";

const TEMPLATES = ["https://{accountDomain}.gorgias.com/api", "http://127.0.0.1:4010/{accountDomain}/api"];

describe("resolveBaseUrl", () => {
  it("fills the template", () => {
    expect(resolveBaseUrl(TEMPLATES[0] as string, "acme")).toEqual({ ok: true, value: "https://acme.gorgias.com/api" });
    expect(resolveBaseUrl(TEMPLATES[1] as string, "demo")).toEqual({ ok: true, value: "http://127.0.0.1:4010/demo/api" });
  });

  it.each(["", "Acme", "-acme", "acme.evil.com", "evil.com/x", "a@b", "a b", "acme#", "acme?x=1", "a".repeat(64), "..", "acme%2e", "xn--é"])("refuses %j", (domain) => {
    expect(resolveBaseUrl(TEMPLATES[0] as string, domain).ok).toBe(false);
  });

  it("refuses templates without the placeholder or with credentials", () => {
    expect(resolveBaseUrl("https://gorgias.com/api", "acme").ok).toBe(false);
    expect(resolveBaseUrl("https://user:pw@{accountDomain}.gorgias.com/api", "acme").ok).toBe(false);
    expect(resolveBaseUrl("ftp://{accountDomain}.gorgias.com/api", "acme").ok).toBe(false);
  });

  it("property: whatever the input, the host is the template's host (or it is refused)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATES), fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,62}$/), fc.webSegment()), (template, domain) => {
        const r = resolveBaseUrl(template, domain);
        if (!r.ok) return true;
        const host = new URL(r.value).host;
        const expected = new URL(template.replace("{accountDomain}", domain)).host;
        const isLocal = template.startsWith("http://127.0.0.1");
        return isLocal ? host === "127.0.0.1:4010" && new URL(r.value).pathname === `/${domain}/api` : host === expected && host === `${domain}.gorgias.com`;
      }),
      { numRuns: 500 },
    );
  });
});
