import { threadId } from "node:worker_threads";
import { describe, expect, it, vi } from "vitest";
import type { ThreadBody } from "@/lib/domain/ticket-thread";
import { styledEmail } from "@/bench/support/styled-email";
import { BODY_PREVIEW_CHARS, withBodiesCut } from "@/lib/domain/message";
import { messageOf } from "@/tests/support/domain-fixtures";

vi.mock("server-only", () => ({}));
// Counts sanitizing passes: the real sanitize-html, wrapped.
const sanitizer = vi.hoisted(() => ({ passes: 0 }));
vi.mock("sanitize-html", async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof import("sanitize-html") }>()).default;
  const counted = Object.assign((html: string, options?: Parameters<typeof real>[1]) => {
    sanitizer.passes += 1;
    return real(html, options);
  }, real);
  return { default: counted };
});

const { prepareBody } = await import("@/features/ticket/server/prepare-body");
const { BodyService } = await import("@/features/ticket/server/bodies");
const { ByteLru } = await import("@/lib/utils");
const { runBodyJob } = await import("@/features/ticket/server/body-job");
const limits = await import("@/features/ticket/server/body-limits");
type BodyJob = import("@/features/ticket/server/body-job").BodyJob;

const email = (id: number, html: string, extra: Record<string, unknown> = {}) =>
  messageOf(id, 1, `2026-01-0${(id % 9) + 1}T10:00:00Z`, { body_html: html, body_text: null, stripped_html: null, stripped_text: null, channel: "email", via: "email", ...extra });

const htmlOf = (body: ThreadBody) => (body.format === "html" ? body.main.srcDoc : body.main);

/** Prepares on this thread, as the pool's workers would, and counts the jobs. */
function inlineRunner() {
  const jobs: BodyJob[] = [];
  return {
    jobs,
    mode: "inline" as const,
    run: async (job: BodyJob) => {
      jobs.push(job);
      return runBodyJob(job, threadId);
    },
  };
}

const service = (runner = inlineRunner(), now?: () => number) => ({ runner, bodies: new BodyService({ runner, cache: new ByteLru(64 * 1024 * 1024), now }) });

describe("a body's size cap", () => {
  const long = styledEmail(300_000, 1);

  it("prepares the first maxChars of a long body and says what is left for Show all", () => {
    const { body } = prepareBody(email(1, long), { theme: "light", maxChars: 50_000 });
    expect(body.preview).toEqual({ shownChars: 50_000, totalChars: long.length });
    expect(body.format === "html" && body.truncated).toBe(true);
    expect(htmlOf(body)).toContain("Order summary 1");
    expect(htmlOf(body)).not.toContain("End of summary 1");
  });

  it("whole, it shows everything up to what the Desk sanitizes at all", () => {
    const { body } = prepareBody(email(1, long), { theme: "light" });
    expect(body.preview).toBeNull();
    expect(body.format === "html" && !body.truncated && !body.fallbackToText).toBe(true);
    expect(htmlOf(body)).toContain("End of summary 1");
  });

  it("whole, an email past that size is shown as its text, all of it", () => {
    const huge = styledEmail(limits.WHOLE_CHARS + 50_000, 2);
    const { body } = prepareBody(email(1, huge), { theme: "light" });
    expect(body.format).toBe("html");
    if (body.format !== "html") return;
    expect(body.fallbackToText).toBe(true);
    expect(body.truncated).toBe(false);
    expect(body.main.srcDoc).toContain("End of summary 2.");
    expect(body.main.srcDoc).not.toMatch(/<td|<table/);
  });

  it("cuts long text bodies too, with an ellipsis", () => {
    const text = `${"word ".repeat(30_000)}THE END`;
    const { body } = prepareBody({ ...email(1, ""), bodyHtml: null, bodyText: text }, { theme: "light", maxChars: 10_000 });
    expect(body.format).toBe("text");
    expect(body.preview).toEqual({ shownChars: 10_000, totalChars: text.length });
    expect(htmlOf(body).endsWith("\n…")).toBe(true);
    expect(htmlOf(body)).not.toContain("THE END");
  });

  it("a message the shared cache kept cut previews exactly as the whole one", () => {
    const whole = email(1, styledEmail(300_000, 5), { body_text: "t".repeat(150_000) });
    const kept = withBodiesCut(whole);
    expect(kept.bodyHtml).toHaveLength(BODY_PREVIEW_CHARS);
    for (const maxChars of [limits.PREVIEW_CHARS, limits.SHORT_PREVIEW_CHARS]) {
      expect(prepareBody(kept, { theme: "light", maxChars })).toEqual(prepareBody(whole, { theme: "light", maxChars }));
    }
    // Asked for all of it, a kept message still says it is a preview.
    expect(prepareBody(kept, { theme: "light" }).body.preview).toEqual({ shownChars: BODY_PREVIEW_CHARS, totalChars: whole.bodyHtml!.length });
  });

  it("a short body is whole, with no preview", () => {
    const { body } = prepareBody(email(1, "<p>Hi</p>"), { theme: "light", maxChars: limits.SHORT_PREVIEW_CHARS });
    expect(body.preview).toBeNull();
  });
});

describe("a thread's caps", () => {
  it("previews each long body; past the thread's total, older long bodies get the short preview", async () => {
    const { bodies } = service();
    const messages = Array.from({ length: 8 }, (_, i) => email(i + 1, styledEmail(150_000, i + 1)));
    const thread = await bodies.thread(messages, "light");
    const shown = thread.map((m) => m.body.preview?.shownChars);
    const full = limits.THREAD_PREVIEW_CHARS / limits.PREVIEW_CHARS;
    expect(shown).toEqual([...Array(8 - full).fill(limits.SHORT_PREVIEW_CHARS), ...Array(full).fill(limits.PREVIEW_CHARS)]);
  });

  it("past the thread's time, a body falls back to its text, and is prepared again on the next read", async () => {
    // A clock THREAD_TIME_MS behind: the thread's deadline has passed before any body starts.
    const late = service(inlineRunner(), () => Date.now() - limits.THREAD_TIME_MS - 1);
    const [first] = await late.bodies.thread([email(1, "<p>Hello <b>there</b></p>")], "light");
    expect(first!.body.format === "html" && first!.body.fallbackToText).toBe(true);
    expect(htmlOf(first!.body)).toContain("Hello there");
    await late.bodies.thread([email(1, "<p>Hello <b>there</b></p>")], "light");
    expect(late.runner.jobs).toHaveLength(2);
  });
});

describe("prepared bodies are kept by message and theme", () => {
  it("a second read of the same message and theme sanitizes nothing", async () => {
    const { bodies, runner } = service();
    const message = email(7, styledEmail(30_000, 7));
    await bodies.thread([message], "light");
    const passes = sanitizer.passes;
    expect(passes).toBeGreaterThan(0);
    // A refresh reads the message again: a new object with the same content.
    const again = await bodies.thread([email(7, styledEmail(30_000, 7))], "light");
    expect(sanitizer.passes).toBe(passes);
    expect(runner.jobs).toHaveLength(1);
    expect(again[0]!.body.format).toBe("html");
  });

  it("another theme, images or an edited body is prepared again", async () => {
    const { bodies, runner } = service();
    const message = email(7, "<p>Hi</p>");
    await bodies.thread([message], "light");
    await bodies.thread([message], "dark");
    await bodies.one(message, { theme: "dark", allowRemoteImages: true, whole: false });
    await bodies.thread([email(7, "<p>Hi, edited</p>")], "dark");
    expect(runner.jobs.map((j) => [j.options.theme, j.options.allowRemoteImages])).toEqual([
      ["light", false],
      ["dark", false],
      ["dark", true],
      ["dark", false],
    ]);
  });

  it("the same body asked for twice at once is prepared once", async () => {
    const { bodies, runner } = service();
    const message = email(8, styledEmail(20_000, 8));
    await Promise.all([bodies.thread([message], "light"), bodies.thread([message], "light"), bodies.one(message, { theme: "light", allowRemoteImages: false, whole: false })]);
    expect(runner.jobs).toHaveLength(1);
  });
});
