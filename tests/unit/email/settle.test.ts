import { describe, expect, it, vi } from "vitest";
import { styledEmail } from "@/bench/support/styled-email";

// Counts the sanitizer's passes: the real sanitize-html, wrapped.
const passes = vi.hoisted(() => ({ count: 0 }));
vi.mock("sanitize-html", async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof import("sanitize-html") }>()).default;
  const counted = Object.assign((html: string, options?: Parameters<typeof real>[1]) => {
    passes.count += 1;
    return real(html, options);
  }, real);
  return { default: counted };
});

const { sanitizeEmailHtml } = await import("@/lib/email");
const { SettleWatch } = await import("@/lib/email/settle");

function passesFor(html: string): number {
  passes.count = 0;
  sanitizeEmailHtml(html);
  return passes.count;
}

describe("one sanitizing pass when the first one settles", () => {
  it("a styled email whose html, head, body and style are dropped is sanitized once", () => {
    expect(passesFor(styledEmail(20_000, 1))).toBe(1);
    expect(passesFor("<p>Hi <b>there</b></p><table><tr><td>a</td></tr></table>")).toBe(1);
  });

  it("a row inside a dropped element inside a cell takes a second pass", () => {
    expect(passesFor("<table><tr><td><form><tr><td>x</td></tr></form></td></tr></table>")).toBe(2);
    expect(passesFor("<table><tr><td><script<table><tr><td>")).toBe(2);
  });

  it("a dropped wrapper whose child does not close the kept parent needs no second pass", () => {
    // <span> opening never closes a <td>; <table> closes only a <p>.
    expect(passesFor("<table><tr><td><form><span>x</span></form></td></tr></table>")).toBe(1);
    expect(passesFor("<div><form><table><tr><td>x</td></tr></table></form></div>")).toBe(1);
  });
});

describe("SettleWatch", () => {
  const rules = { allowedTags: new Set(["p", "div", "td", "tr", "table", "span"]), dropWithContent: new Set(["select"]), nestingLimit: 3 };
  const watch = (events: string[]) => {
    const w = new SettleWatch(rules);
    for (const e of events) {
      if (e.startsWith("/")) w.close(e.slice(1));
      else w.open(e);
    }
    return w.needsSecondPass;
  };

  it("flags a kept child of a dropped element when it closes the nearest kept ancestor", () => {
    expect(watch(["p", "form", "p"])).toBe(true);
    expect(watch(["p", "form", "/form", "p"])).toBe(false);
    expect(watch(["p", "span", "form", "p"])).toBe(false);
  });

  it("ignores what is dropped with its content or past the nesting limit", () => {
    expect(watch(["p", "select", "p"])).toBe(false);
    expect(watch(["p", "form", "p"])).toBe(true);
    // At depth 3 the <p> is past the limit, so it is dropped too.
    expect(watch(["p", "form", "x", "p"])).toBe(false);
  });

  it("always settles after a noscript or an iframe", () => {
    expect(watch(["noscript"])).toBe(true);
    expect(watch(["iframe"])).toBe(true);
  });
});
