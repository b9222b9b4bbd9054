import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainTextToHtml, sanitizeEmailHtml } from "@/lib/email";
import { safetyViolations } from "./safety-assertions";

// Fragments from the corpus and the DOMPurify/Roundcube bypass classes, recombined at random with
// arbitrary text so that partial tags, quotes and comments from one fragment leak into the next.
const DANGEROUS = [
  "<script>alert(1)</script>", "<script", "</script>", "<SCRIPT SRC=//evil.example/a.js>",
  "<img src=x onerror=alert(1)>", "<img src=", " onerror=", "onload=", "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script>", "<math><mi><mglyph><style><!--</style>", "<style>", "</style>",
  "@import url(https://evil.example/x.css);", "<a href=\"javascript:alert(1)\">", "<a href=", "javascript:",
  "JaVaScRiPt:", "&#106;avascript:", "java&#x09;script:", "data:text/html,", "<iframe srcdoc=\"", "<object data=",
  "<embed src=", "<form action=", "<base href=https://evil.example/>", "<meta http-equiv=refresh content=0;url=",
  "<link rel=stylesheet href=", "style=\"background:url(", "expression(", "-moz-binding:", "<xmp>", "</xmp>",
  "<noscript>", "</noscript>", "<template>", "<textarea>", "</textarea>", "<title>", "</title>", "<!--", "-->",
  "<![CDATA[", "]]>", "\"", "'", "`", ">", "<", "/", "=", "&", "&lt;", "&#0;", "\u0000", "<div>", "</div>",
  "<p title=\"", "<table><tr><td>", "<img srcset=\"https://evil.example/a.png 2x\">", "<img src=https://t.example/p.gif width=1 height=1>",
];

const hostileDocument = fc
  .array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...DANGEROUS)), { maxLength: 40 })
  .map((parts) => parts.join(""));

describe("sanitizer properties", () => {
  it("never emits a script element or an event-handler attribute", () => {
    fc.assert(
      fc.property(hostileDocument, fc.boolean(), (html, allowRemoteImages) => {
        const out = sanitizeEmailHtml(html, { allowRemoteImages }).html;
        expect(out).not.toMatch(/<script/i);
        // Literal `<` only starts real tags in our output; strip quoted values, then look for on*=.
        const tags = out.match(/<[^>]*>/g) ?? [];
        for (const tag of tags) expect(tag.replace(/="[^"]*"/g, "")).not.toMatch(/\son\w+=?/i);
        expect(safetyViolations(out, { allowRemoteImages })).toEqual([]);
      }),
      { numRuns: 1_500 },
    );
  });

  it("is idempotent: sanitizing its own output changes nothing", () => {
    fc.assert(
      fc.property(hostileDocument, (html) => {
        const once = sanitizeEmailHtml(html).html;
        expect(sanitizeEmailHtml(once).html).toBe(once);
      }),
      { numRuns: 1_000 },
    );
  });

  it("plain text never becomes markup", () => {
    fc.assert(
      fc.property(hostileDocument, (text) => {
        const out = plainTextToHtml(text);
        expect(safetyViolations(out)).toEqual([]);
        const tags = out.match(/<[^>]*>/g) ?? [];
        expect(tags.every((t) => /^<\/?(?:div|a)[\s>]/.test(t))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("the safety assertions themselves", () => {
  it.each([
    `<img src=x onerror=alert(1)>`,
    `<script>alert(1)</script>`,
    `<a href="javascript:alert(1)">x</a>`,
    `<div style="background:url(https://x/y.png)">x</div>`,
    `<img src="https://evil.example/p.png" />`,
    `<svg></svg>`,
    `<a href="https://example.com/">no rel</a>`,
  ])("flag %s", (html) => {
    expect(safetyViolations(html).length).toBeGreaterThan(0);
  });
});

describe("sanitizer idempotence, found by the property above", () => {
  it("settles a table whose inner opening tag a malformed tag swallowed", () => {
    const once = sanitizeEmailHtml("<table><tr><td><script<table><tr><td>").html;
    expect(sanitizeEmailHtml(once).html).toBe(once);
  });
});

// Structures whose tags close each other implicitly (rows, cells, list items, paragraphs, links),
// wrapped in and interleaved with elements the sanitizer drops: the cases the single pass must
// recognise as needing a second one (lib/email/settle.ts).
const STRUCTURE = [
  "<table>", "</table>", "<tbody>", "<tfoot>", "<thead>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<ul>", "<ol>", "<li>", "</li>",
  "<p>", "</p>", "<h2>", "<dl>", "<dt>", "<dd>", "<div>", "</div>", "<a href=https://x.example/>", "</a>", "<blockquote>", "<pre>", "<hr>",
  "<form>", "</form>", "<body>", "</body>", "<html>", "<head>", "</head>", "<section>", "</section>", "<main>", "<x-custom>", "</x-custom>",
  "<select>", "<option>", "</select>", "<noscript>", "</noscript>", "<iframe>", "</iframe>", "<svg>", "</svg>", "<template>", "</template>",
  "<style>td{}</style>", "<script<table>", "<font>", "</font>", "<span>", "</span>", "text", " ",
];
const structuredDocument = fc.array(fc.constantFrom(...STRUCTURE), { maxLength: 30 }).map((parts) => parts.join(""));

describe("one pass when it settles", () => {
  it("is idempotent on implicitly closing structures inside dropped elements", () => {
    fc.assert(
      fc.property(structuredDocument, (html) => {
        const once = sanitizeEmailHtml(html).html;
        expect(sanitizeEmailHtml(once).html).toBe(once);
      }),
      { numRuns: 3_000 },
    );
  });
});
