import { describe, expect, it } from "vitest";
import {
  DEFAULT_TIME_BUDGET_MS,
  MAX_INPUT_CHARS,
  MAX_NESTING_DEPTH,
  inlineImagesOf,
  plainTextToHtml,
  sanitizeEmailHtml,
} from "@/lib/email";
import { assertSafeEmailHtml, maxDepth, parseSanitized } from "./safety-assertions";

const REMOTE = `<p>Photo:</p><img src="https://images.example.com/box.jpg" width="600" height="400" alt="box"><img src="http://images.example.com/b.png"><img src="//cdn.example.com/c.png">`;
const PIXELS = [
  `<img src="https://shop.example/a.gif" width="1" height="1">`,
  `<img src="https://shop.example/b.gif" width="0" height="0">`,
  `<img src="https://shop.example/c.gif" style="display:none">`,
  `<img src="https://shop.example/d.gif" style="width:1px;height:1px">`,
  `<img src="https://shop.example/e.gif" style="visibility: hidden">`,
  `<img src="https://mailtrack.io/trace/mail/abc.png">`,
  `<img src="https://u1.ct.sendgrid.net/wf/open?upn=x" width="600">`,
  `<img src="https://click.shop.example/track/open?id=1">`,
].join("");

describe("remote images", () => {
  it("are not loaded by default, but kept in data-remote-src and counted", () => {
    const result = sanitizeEmailHtml(REMOTE);
    expect(result.remoteImages).toBe(3);
    expect(result.html).not.toMatch(/\ssrc=/);
    const imgs = parseSanitized(result.html).tags.filter((t) => t.name === "img");
    expect(imgs.map((t) => t.attributes.get("data-remote-src"))).toEqual([
      "https://images.example.com/box.jpg",
      "http://images.example.com/b.png",
      "https://cdn.example.com/c.png",
    ]);
    // Layout hints survive so the placeholder keeps its box.
    expect(imgs[0]?.attributes.get("width")).toBe("600");
    assertSafeEmailHtml(result.html);
  });

  it("load when the agent allows them", () => {
    const result = sanitizeEmailHtml(REMOTE, { allowRemoteImages: true });
    expect(result.remoteImages).toBe(3);
    expect(result.html).toContain('src="https://images.example.com/box.jpg"');
    expect(result.html).not.toContain("data-remote-src");
    assertSafeEmailHtml(result.html, { allowRemoteImages: true });
  });

  it("keep raster data: images, drop svg and other data: images; an unmatched cid: becomes a source-less placeholder", () => {
    const html = `<img src="cid:logo@x"><img src="data:image/png;base64,iVBORw0KGgo="><img src="data:image/svg+xml;base64,PHN2Zz4="><img src="data:text/html,x">`;
    const imgs = parseSanitized(sanitizeEmailHtml(html).html).tags.filter((t) => t.name === "img");
    expect(imgs.map((t) => t.attributes.get("src"))).toEqual([undefined, "data:image/png;base64,iVBORw0KGgo=", undefined, undefined]);
    expect(imgs[0]!.attributes.get("data-inline-missing")).toBe("1");
    expect(imgs[0]!.attributes.get("alt")).toBe("Inline image");
  });

  it("show a cid: image as the message's matching attachment, and say which", () => {
    const inlineImages = inlineImagesOf([
      { url: "https://uploads.gorgias.example/a/logo.png", name: "logo.png", contentType: "image/png" },
      { url: "https://uploads.gorgias.example/a/receipt.pdf", name: "receipt.pdf", contentType: "application/pdf" },
      { url: "http://uploads.gorgias.example/a/plain.png", name: "plain.png", contentType: "image/png" },
    ]);
    const html = `<img src="cid:logo.png@01D9.example" alt="Logo"><img src="cid:receipt.pdf"><img src="cid:plain.png"><img src="cid:LOGO.PNG">`;
    const result = sanitizeEmailHtml(html, { inlineImages });
    const imgs = parseSanitized(result.html).tags.filter((t) => t.name === "img");
    expect(imgs.map((t) => t.attributes.get("src"))).toEqual(["https://uploads.gorgias.example/a/logo.png", undefined, undefined, "https://uploads.gorgias.example/a/logo.png"]);
    expect(imgs.map((t) => t.attributes.has("data-inline-missing"))).toEqual([false, true, true, false]);
    expect(result.inlineSources).toEqual(["https://uploads.gorgias.example/a/logo.png"]);
    expect(result.remoteImages).toBe(0);
    // Sanitizing its own output keeps the resolved image (and does not count it as remote).
    const again = sanitizeEmailHtml(result.html, { inlineImages });
    expect(again.html).toBe(result.html);
    expect(again.remoteImages).toBe(0);
  });

  it("strip credentials from image URLs", () => {
    const result = sanitizeEmailHtml(`<img src="https://user:pw@images.example.com/a.png" width="50">`);
    expect(result.html).toContain('data-remote-src="https://images.example.com/a.png"');
  });

  it("ignore a sender-planted data-remote-src that is not http(s)", () => {
    const result = sanitizeEmailHtml(`<img data-remote-src="javascript:alert(1)">`, { allowRemoteImages: true });
    expect(result.html).toBe("<img />");
  });
});

describe("tracking pixels", () => {
  it.each([false, true])("are removed and counted (allowRemoteImages=%s)", (allowRemoteImages) => {
    const result = sanitizeEmailHtml(`<p>Hi</p>${PIXELS}`, { allowRemoteImages });
    expect(result.trackingPixels).toBe(8);
    expect(result.remoteImages).toBe(0);
    expect(result.html).toBe("<p>Hi</p>");
  });

  it("do not take ordinary images with them", () => {
    const result = sanitizeEmailHtml(`${PIXELS}<img src="https://images.example.com/ok.png" width="300">`, { allowRemoteImages: true });
    expect(result.trackingPixels).toBe(8);
    expect(result.html).toBe('<img width="300" src="https://images.example.com/ok.png" />');
  });
});

describe("links", () => {
  it("open in a new tab without referrer or opener and show their real target", () => {
    const result = sanitizeEmailHtml(`<a href="https://evil.example/login" target="_self" rel="opener" title="PayPal">https://paypal.com</a>`);
    const a = parseSanitized(result.html).tags.find((t) => t.name === "a");
    expect(a?.attributes.get("href")).toBe("https://evil.example/login");
    expect(a?.attributes.get("title")).toBe("https://evil.example/login");
    expect(a?.attributes.get("target")).toBe("_blank");
    expect(a?.attributes.get("rel")).toBe("noopener noreferrer nofollow");
  });

  it("show internationalised hosts in punycode", () => {
    expect(sanitizeEmailHtml(`<a href="https://аpple.com/">x</a>`).html).toContain('title="https://xn--pple-43d.com/"');
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "&#106;avascript:alert(1)",
    "java&#x09;script:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "/relative",
    "#fragment",
  ])("drop the href %s", (href) => {
    expect(sanitizeEmailHtml(`<a href="${href}">x</a>`).html).toBe("<a>x</a>");
  });

  it.each(["mailto:a@example.com", "tel:+15555550100", "http://example.com/"])("keep %s", (href) => {
    expect(sanitizeEmailHtml(`<a href="${href}">x</a>`).html).toContain(`href="${href}"`);
  });
});

describe("styles", () => {
  it("keep a safe subset of inline CSS", () => {
    const html = `<td style="color:#333;font-family:'Helvetica Neue',Arial;padding:4px 8px;background-color:rgb(1,2,3);position:fixed;background:url(x);z-index:9">x</td>`;
    expect(sanitizeEmailHtml(`<table><tr>${html}</tr></table>`).html).toContain(
      `style="color:#333;font-family:'Helvetica Neue',Arial;padding:4px 8px;background-color:rgb(1,2,3)"`,
    );
  });

  it("drop presentational attributes that could carry a URL", () => {
    const result = sanitizeEmailHtml(`<table background="https://x/y.png" bgcolor="url(x)" width="600"><tr><td>x</td></tr></table>`);
    expect(result.html).toBe('<table width="600"><tr><td>x</td></tr></table>');
  });
});

describe("caps", () => {
  it("truncates input over the size cap, quickly", () => {
    const unit = `<table><tr><td style="color:red">hello <b>world</b> <a href="https://example.com/a">x</a></td></tr></table>`;
    const html = unit.repeat(Math.ceil((3 * MAX_INPUT_CHARS) / unit.length));
    const started = performance.now();
    const result = sanitizeEmailHtml(html);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.truncated).toBe(true);
    // Links gain title/target/rel, so output may outgrow the cut input, but not the 3 MB original.
    expect(result.html.length).toBeLessThan(2 * MAX_INPUT_CHARS);
    assertSafeEmailHtml(result.html);
  });

  it("stays linear on a megabyte of unterminated tags", () => {
    const started = performance.now();
    const result = sanitizeEmailHtml("<a".repeat(MAX_INPUT_CHARS / 2));
    expect(performance.now() - started).toBeLessThan(3_000);
    assertSafeEmailHtml(result.html);
  });

  it.each([
    ["div", (n: number) => "<div>".repeat(n) + "deep text" + "</div>".repeat(n)],
    ["unclosed spans", (n: number) => "<span>".repeat(n) + "deep text"],
    ["mixed", (n: number) => "<table><tr><td><div><b><i>".repeat(n / 6) + "deep text"],
  ])("flattens deep nesting (%s) and keeps the text", (_label, make) => {
    const started = performance.now();
    const result = sanitizeEmailHtml(make(120_000));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.fallbackToText).toBe(false);
    expect(result.html).toContain("deep text");
    expect(maxDepth(result.html)).toBeLessThanOrEqual(MAX_NESTING_DEPTH);
    assertSafeEmailHtml(result.html);
  });

  it("keeps moderate nesting intact", () => {
    const html = "<div>".repeat(50) + "x" + "</div>".repeat(50);
    expect(sanitizeEmailHtml(html).html).toBe(html);
  });

  it("falls back to escaped plain text when the time budget runs out", () => {
    const html = `<p>Hello <b>there</b> <img src=x onerror=alert(1)> https://example.com/order?id=1&x=2</p><script>alert(1)</script>`;
    const result = sanitizeEmailHtml(html, { timeBudgetMs: -1 });
    expect(result.fallbackToText).toBe(true);
    expect(result.html).toContain("Hello there");
    expect(result.html).not.toContain("alert");
    expect(result.html).toContain('href="https://example.com/order?id=1&amp;x=2"');
    assertSafeEmailHtml(result.html);
  });

  it("prefers the message's own text for the fallback", () => {
    const result = sanitizeEmailHtml("<p>x</p>", { timeBudgetMs: -1, fallbackText: "<b>body_text</b>\nline 2" });
    expect(result.html).toBe('<div style="white-space:pre-wrap">&lt;b&gt;body_text&lt;/b&gt;\nline 2</div>');
  });

  it("has a budget generous enough for a real newsletter", () => {
    expect(DEFAULT_TIME_BUDGET_MS).toBeGreaterThanOrEqual(500);
  });

  it("never throws on non-string input from an untyped boundary", () => {
    // Gorgias JSON is parsed elsewhere; a null body must still render as nothing.
    expect(sanitizeEmailHtml(null as unknown as string).html).toBe("");
  });
});

describe("plainTextToHtml", () => {
  it("escapes everything and keeps line breaks", () => {
    const html = plainTextToHtml(`<script>alert(1)</script>\r\n"quoted" & 'single'\n\n<img src=x onerror=alert(1)>`);
    expect(html).toBe(
      `<div style="white-space:pre-wrap">&lt;script&gt;alert(1)&lt;/script&gt;\n"quoted" &amp; 'single'\n\n&lt;img src=x onerror=alert(1)&gt;</div>`,
    );
    assertSafeEmailHtml(html);
  });

  it("linkifies only http(s) URLs, without trailing punctuation", () => {
    const html = plainTextToHtml(`See https://example.com/a?b=1&c=2. Or javascript:alert(1) or (http://example.org/x).`);
    expect(html).toContain(
      `<a href="https://example.com/a?b=1&amp;c=2" title="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer nofollow">https://example.com/a?b=1&amp;c=2</a>.`,
    );
    expect(html).toContain(`(<a href="http://example.org/x"`);
    expect(html).not.toContain('href="javascript');
    assertSafeEmailHtml(html);
  });

  it("is a fixed point of the sanitizer", () => {
    const html = plainTextToHtml("Hi\nhttps://example.com/x <b>&amp;</b>");
    expect(sanitizeEmailHtml(html).html).toBe(html);
  });
});
