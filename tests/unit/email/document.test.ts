import { describe, expect, it } from "vitest";
import {
  buildEmailDocument,
  EMAIL_IFRAME_PROPS,
  EMAIL_IFRAME_REFERRER_POLICY,
  EMAIL_IFRAME_SANDBOX,
  sanitizeEmailHtml,
} from "@/lib/email";

const body = sanitizeEmailHtml(`<p>Hello <img src="https://images.example.com/a.png"></p>`).html;

function cspOf(doc: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(doc);
  if (!match?.[1]) throw new Error("no CSP meta");
  return match[1];
}

describe("buildEmailDocument", () => {
  it("puts a strict CSP first in <head>, before anything that could fetch", () => {
    const doc = buildEmailDocument(body, { theme: "light" });
    const head = doc.slice(doc.indexOf("<head>") + "<head>".length);
    expect(head.startsWith('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(cspOf(doc)).toBe(
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'",
    );
  });

  it("allows https images only when the agent allowed them", () => {
    expect(cspOf(buildEmailDocument(body, { theme: "light" }))).not.toContain("https:");
    expect(cspOf(buildEmailDocument(body, { theme: "light", allowRemoteImages: false }))).not.toContain("https:");
    const allowed = cspOf(buildEmailDocument(body, { theme: "dark", allowRemoteImages: true }));
    expect(allowed).toContain("img-src data: https:;");
    expect(allowed).not.toMatch(/script-src|\*|http:/);
  });

  it("admits the attachments inline images show, each by its exact URL, and no cid: scheme", () => {
    const csp = cspOf(buildEmailDocument(body, { theme: "light", inlineSources: ["https://uploads.example/a/logo.png"] }));
    expect(csp).toContain("img-src data: https://uploads.example/a/logo.png;");
    expect(csp).not.toContain("cid:");
  });

  it("never allows scripts, frames, connections or plugins through the policy", () => {
    const csp = cspOf(buildEmailDocument(body, { theme: "light", allowRemoteImages: true }));
    const directives = new Map(csp.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get("default-src")).toEqual(["'none'"]);
    for (const name of ["script-src", "connect-src", "frame-src", "object-src", "child-src"]) expect(directives.has(name)).toBe(false);
    expect(directives.get("base-uri")).toEqual(["'none'"]);
    expect(directives.get("form-action")).toEqual(["'none'"]);
  });

  it("opens links in a new tab, sends no referrer and contains no script", () => {
    const doc = buildEmailDocument(body, { theme: "light" });
    expect(doc).toContain('<base target="_blank">');
    expect(doc).toContain('<meta name="referrer" content="no-referrer">');
    expect(doc).not.toMatch(/<script/i);
    expect(doc).toContain(`<body>${body}</body>`);
  });

  it("themes the frame for light and dark", () => {
    expect(buildEmailDocument(body, { theme: "light" })).toContain("color-scheme:light");
    const dark = buildEmailDocument(body, { theme: "dark" });
    expect(dark).toContain("color-scheme:dark");
    expect(dark).toContain('<meta name="color-scheme" content="dark">');
    expect(dark).toMatch(/img,video\{max-width:100%/);
    expect(dark).toMatch(/overflow-wrap:anywhere/);
  });
});

describe("iframe attributes", () => {
  it("sandbox without scripts (same-origin only so the app can measure it), popups escape the sandbox", () => {
    const tokens = EMAIL_IFRAME_SANDBOX.split(/\s+/);
    expect(tokens).toEqual(["allow-same-origin", "allow-popups", "allow-popups-to-escape-sandbox"]);
    // allow-same-origin together with allow-scripts would let the frame lift its own sandbox.
    expect(tokens).not.toContain("allow-scripts");
    expect(tokens).not.toContain("allow-top-navigation");
    expect(tokens).not.toContain("allow-forms");
  });

  it("no referrer", () => {
    expect(EMAIL_IFRAME_REFERRER_POLICY).toBe("no-referrer");
    expect(EMAIL_IFRAME_PROPS).toEqual({ sandbox: EMAIL_IFRAME_SANDBOX, referrerPolicy: "no-referrer" });
  });
});
