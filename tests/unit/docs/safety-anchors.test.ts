import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Code comments cite the safety rules by the anchors of docs/safety.md. A renamed or removed
// anchor would leave those comments pointing nowhere, and a rule cited by number says nothing once
// the rules are reordered.

const root = process.cwd();
const TREES = ["app", "features", "lib", "components", "tests", "scripts", "bench"];
const FILES = ["proxy.ts", "instrumentation.ts", "README.md"];
const SOURCE = /\.(?:ts|tsx|mjs|js|md)$/;

/** The anchors code may rely on: removing or renaming one breaks its citations. */
const PROMISED = [
  "access-check",
  "client-intent",
  "no-key-in-browser",
  "sessions",
  "account-domain",
  "headers",
  "patch-levels",
  "hostile-html",
  "remote-images",
  "untrusted-text",
  "send-once",
  "no-blind-retry",
  "async-send-state",
  "drafts",
  "stale-thread",
  "shared-reads",
  "notes-private",
  "absolute-updates",
  "shared-budget",
  "timeouts-retries",
  "assistant-tokens",
  "assistant-notes",
  "assistant-confirm",
  "assistant-budget",
  "assistant-untrusted",
  "assistant-visible",
];

// `safety.md#send-once`, and lists that continue it: `safety.md#send-once, #drafts`, also across a
// comment's line break (`,\n * #drafts`).
const CITATION = /safety\.md(#[a-z0-9-]+(?:,[\s*/]*#[a-z0-9-]+)*)/g;
const ID = /#([a-z0-9-]+)/g;
const COMMENT = /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;
const RULE_BY_NUMBER = /\b[Rr]ules? #?\d+\b/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === "node_modules" || name.startsWith(".")) return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const sources = [...TREES.flatMap((t) => walk(path.join(root, t))), ...FILES.map((f) => path.join(root, f))]
  .filter((f) => SOURCE.test(f))
  .map((file) => ({ file: path.relative(root, file), text: readFileSync(file, "utf8") }));

const doc = readFileSync(path.join(root, "docs/safety.md"), "utf8");
const anchors = [...doc.matchAll(/<a id="([a-z0-9-]+)"><\/a>/g)].map((m) => m[1] ?? "");

function citedIds(text: string): string[] {
  return [...text.matchAll(CITATION)].flatMap((m) => [...(m[1] ?? "").matchAll(ID)].map((id) => id[1] ?? ""));
}

describe("docs/safety.md anchors", () => {
  it("has each promised anchor exactly once", () => {
    for (const id of PROMISED) expect({ id, count: anchors.filter((a) => a === id).length }).toEqual({ id, count: 1 });
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it("reads a citation list, across comment line breaks", () => {
    expect(citedIds("(docs/safety.md#send-once, #no-blind-retry,\n * #drafts)")).toEqual(["send-once", "no-blind-retry", "drafts"]);
    expect(citedIds("see docs/safety.md#stale-thread. #not-a-citation")).toEqual(["stale-thread"]);
  });

  it("every citation in the source tree names an anchor that exists", () => {
    const citations = sources.flatMap(({ file, text }) => citedIds(text).map((id) => ({ file, id })));
    expect(citations.length).toBeGreaterThan(30);
    const known = new Set(anchors);
    expect(citations.filter((c) => !known.has(c.id))).toEqual([]);
  });

  it("no comment cites a safety rule by number", () => {
    // Built, not written out, so this file's own text does not trip the scan below.
    const byNumber = (words: string, n: string) => `${words} ${n}`;
    expect(RULE_BY_NUMBER.test(`// the budget is shared (${byNumber("rule", "18")})`)).toBe(true);
    expect(RULE_BY_NUMBER.test(`/* safety ${byNumber("rules", "11–14")} */`)).toBe(true);
    expect(RULE_BY_NUMBER.test("// the rules of the send pipeline")).toBe(false);
    const offenders = sources
      .filter(({ file }) => !file.endsWith(".md"))
      .flatMap(({ file, text }) => [...text.matchAll(COMMENT)].filter((c) => RULE_BY_NUMBER.test(c[0])).map((c) => `${file}: ${c[0].slice(0, 80)}`));
    expect(offenders).toEqual([]);
  });
});
