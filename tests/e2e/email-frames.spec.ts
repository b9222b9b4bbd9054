import { expect, test, type Locator, type Page } from "@playwright/test";
import { gorgiasAsAdmin } from "./support/sandbox-control";
import { signInAs, snapshot } from "./support/session";

interface WireMessage {
  ticket_id: number;
  channel: string | null;
  public: boolean;
  body_html: string | null;
}

/** Every seeded message, read from the sandbox's Gorgias API. */
async function allMessages(): Promise<WireMessage[]> {
  const out: WireMessage[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page: { data: WireMessage[]; meta: { next_cursor: string | null } } = await gorgiasAsAdmin("GET", `/messages?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    out.push(...page.data);
    cursor = page.meta.next_cursor;
    if (!cursor) break;
  }
  return out;
}

/** An email's markup without its words or non-style attribute values: what, beside text length, decides how a frame fits. */
const shapeOf = (html: string) =>
  html
    .replace(/>[^<]*</g, "><")
    .replace(/\s(?!style=)[\w:-]+="[^"]*"/g, "")
    .replace(/\s+/g, " ");

/**
 * Tickets that together show every shape of public HTML email in the seed (each shape at least
 * once; the fewest tickets, the shorter thread first on a tie), plus the hostile ones by name:
 * a missing `cid:` part, a 1 px column, quoted history.
 */
async function htmlTickets(): Promise<{ tickets: number[]; emails: number; shapes: number }> {
  const html = (await allMessages()).filter((m) => m.channel === "email" && m.public && m.body_html);
  const shapesOf = new Map<number, Set<string>>();
  for (const m of html) shapesOf.set(m.ticket_id, (shapesOf.get(m.ticket_id) ?? new Set()).add(shapeOf(m.body_html!)));
  const emailsIn = (id: number) => html.filter((m) => m.ticket_id === id).length;
  const left = new Set(html.map((m) => shapeOf(m.body_html!)));
  const shapes = left.size;
  const chosen: number[] = [];
  while (left.size > 0) {
    const score = (id: number) => [...shapesOf.get(id)!].filter((k) => left.has(k)).length;
    const best = [...shapesOf.keys()].sort((a, b) => score(b) - score(a) || emailsIn(a) - emailsIn(b))[0]!;
    chosen.push(best);
    for (const k of shapesOf.get(best)!) left.delete(k);
  }
  const pick = (test: (m: WireMessage) => boolean) => html.find(test)?.ticket_id;
  const named = [pick((m) => m.body_html!.includes("cid:logo")), pick((m) => m.body_html!.includes("width:1px")), pick((m) => m.body_html!.includes("gmail_quote"))];
  return { tickets: [...new Set([...chosen, ...named.filter((id): id is number => id !== undefined)])], emails: html.length, shapes };
}

interface FrameFit {
  frame: number;
  scroll: number;
  content: number;
}

/** The frame's height, its document's scroll height, and the height of its content. */
async function fit(frame: Locator): Promise<FrameFit> {
  return frame.evaluate((element: HTMLIFrameElement) => {
    const doc = element.contentDocument!;
    return {
      frame: element.clientHeight,
      scroll: doc.documentElement.scrollHeight,
      content: Math.ceil(doc.body.getBoundingClientRect().height),
    };
  });
}

/** Every email frame on the page neither clips its content nor leaves more than 16 px blank under it. */
async function expectFramesFit(page: Page, label: string): Promise<number> {
  const frames = page.getByTestId("email-frame");
  await expect(frames.first()).toBeVisible();
  const all = await frames.all();
  for (const [index, frame] of all.entries()) {
    await frame.scrollIntoViewIfNeeded();
    await expect(frame).toHaveAttribute("data-measured", "true");
    await expect
      .poll(async () => {
        const { frame: height, scroll, content } = await fit(frame);
        return scroll <= height && height - content <= 16 ? "fits" : `${label} frame ${index}: frame ${height}px, scroll ${scroll}px, content ${content}px`;
      })
      .toBe("fits");
  }
  return all.length;
}

test.describe("email frames", () => {
  test("every shape of seeded email fits its content at 390 px and 1280 px, and follows a width change", async ({ page }) => {
    test.setTimeout(300_000);
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to load/i.test(message.text())) violations.push(message.text());
    });
    await signInAs(page, "admin");
    const { tickets, emails, shapes } = await htmlTickets();
    console.log(`${emails} seeded HTML emails in ${shapes} shapes, all shown by ${tickets.length} tickets`);
    expect(shapes).toBeGreaterThan(10);
    let checked = 0;
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const id of tickets) {
        await page.goto(`/demo/tickets/${id}`);
        await expect(page.getByTestId("thread-message").first()).toBeVisible();
        checked += await expectFramesFit(page, `ticket ${id} at ${width} px`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(tickets.length * 2);

    // Narrowing the window re-measures the frames already on screen.
    await page.goto(`/demo/tickets/${tickets[0]}`);
    await expectFramesFit(page, "before narrowing");
    await page.setViewportSize({ width: 390, height: 900 });
    await expectFramesFit(page, "after narrowing to 390 px");
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectFramesFit(page, "after widening to 1280 px");

    // No resize handle: the frame is not a box the agent drags.
    const frame = page.getByTestId("email-frame").first();
    expect(await frame.evaluate((element) => getComputedStyle(element).resize)).toBe("none");
    expect(await frame.evaluate((element) => getComputedStyle(element.parentElement!).resize)).toBe("none");
    await snapshot(page, "email-frame-fitted");
    expect(violations).toEqual([]);
  });

  test("an inline cid: image with no matching attachment is a placeholder, with no CSP violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to load/i.test(message.text())) violations.push(message.text());
    });
    await signInAs(page, "admin");
    const withCid = (await allMessages()).find((m) => m.body_html?.includes("cid:logo"))!;
    expect(withCid).toBeTruthy();
    await page.goto(`/demo/tickets/${withCid.ticket_id}`);
    const frame = page.locator('iframe[data-testid="email-frame"][srcdoc*="data-inline-missing"]').first();
    await frame.scrollIntoViewIfNeeded();
    await expect(frame).toHaveAttribute("data-measured", "true");
    const placeholder = await frame.evaluate((element: HTMLIFrameElement) => {
      const img = element.contentDocument!.querySelector("img[data-inline-missing]")!;
      return { src: img.getAttribute("src"), alt: img.getAttribute("alt"), width: img.getBoundingClientRect().width };
    });
    expect(placeholder).toEqual({ src: null, alt: "Inline image", width: expect.any(Number) });
    expect(placeholder.width).toBeGreaterThan(16);
    expect(await frame.getAttribute("srcdoc")).not.toContain("cid:");
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);
  });
});
