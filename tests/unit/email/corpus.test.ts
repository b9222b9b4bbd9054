import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import sanitizeHtml from "sanitize-html";
import { describe, expect, it } from "vitest";
import { sanitizeEmailHtml } from "@/lib/email";
import { assertSafeEmailHtml } from "./safety-assertions";

const CORPUS_DIR = join(process.cwd(), "tests/fixtures/hostile-emails");
const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".html")).sort();

describe("hostile-email corpus", () => {
  it("has at least 25 cases", () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  describe.each(files)("%s", (file) => {
    const input = readFileSync(join(CORPUS_DIR, file), "utf8");

    it.each([false, true])("is inert (allowRemoteImages=%s)", (allowRemoteImages) => {
      const result = sanitizeEmailHtml(input, { allowRemoteImages });
      expect(result.fallbackToText).toBe(false);
      assertSafeEmailHtml(result.html, { allowRemoteImages });
      // Belt and braces over the structural checks: none of these strings survive anywhere.
      for (const needle of [/<script/i, /javascript:/i, /vbscript:/i, /data:text/i, /url\(/i, /@import/i, /expression\(/i, /-moz-binding/i]) {
        expect(result.html).not.toMatch(needle);
      }
      if (!allowRemoteImages) expect(result.html).not.toMatch(/\ssrc="(?:https?:)?\/\//i);
    });

    it("is a fixed point of the sanitizer (mXSS guard)", () => {
      const once = sanitizeEmailHtml(input).html;
      expect(sanitizeEmailHtml(once).html).toBe(once);
      const withImages = sanitizeEmailHtml(input, { allowRemoteImages: true }).html;
      expect(sanitizeEmailHtml(withImages, { allowRemoteImages: true }).html).toBe(withImages);
    });

    it("is unchanged by an independent permissive re-parse (nothing re-forms into markup)", () => {
      // A second parse that allows every tag and attribute: if our output contained text that a
      // parser reads as markup (the mXSS pattern), it would come back different here.
      const once = sanitizeEmailHtml(input).html;
      const reparsed = sanitizeHtml(once, {
        allowedTags: false,
        allowedAttributes: false,
        allowedSchemesByTag: { img: ["cid", "data", "http", "https"] },
      });
      expect(reparsed).toBe(once);
    });
  });
});
