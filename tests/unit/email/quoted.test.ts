import { describe, expect, it } from "vitest";
import { prepareMessageBody, splitQuoted } from "@/lib/email";
import { assertSafeEmailHtml } from "./safety-assertions";

const GMAIL_HTML = `<div dir="ltr">Thanks, the refund arrived.<div><br></div><div>Best,<br>Anna</div></div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On Mon, Mar 4, 2024 at 10:12 AM Acme Support &lt;<a href="mailto:support@acme.example">support@acme.example</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div>Hi Anna, we issued the refund.</div></blockquote></div>`;

const GMAIL_SIGNATURE_HTML = `<div dir="ltr">Where is my order #1042?<br clear="all"><div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature">Anna Smith<br>+1 555 0100</div></div>`;

const OUTLOOK_HTML = `<html><head><style>p.MsoNormal{margin:0}</style></head><body lang="EN-US"><div class="WordSection1"><p class="MsoNormal">Please cancel my subscription.<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Acme Support &lt;support@acme.example&gt;<br><b>Sent:</b> Monday, March 4, 2024 10:12 AM<br><b>To:</b> Bob<br><b>Subject:</b> Re: Subscription</font><div>&nbsp;</div></div><div>Hi Bob, ...</div></div></body></html>`;

const OUTLOOK_DESKTOP_HTML = `<div class="WordSection1"><p class="MsoNormal">The tracking link does not work.</p><p class="MsoNormal">&nbsp;</p><div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>From:</b> Acme Support &lt;support@acme.example&gt;<br><b>Sent:</b> 04 March 2024 10:12<br><b>To:</b> Carl<br><b>Subject:</b> Your order</p></div></div><p class="MsoNormal">Your order has shipped.</p></div>`;

const APPLE_HTML = `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">Yes, size M please.<br><br><div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">On 4 Mar 2024, at 10:12, Acme Support &lt;support@acme.example&gt; wrote:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">Which size would you like?</div></blockquote></body></html>`;

const INLINE_REPLY_HTML = `<p>Answers below:</p><blockquote>Which size?</blockquote><p>M</p><blockquote>Which colour?</blockquote><p>Blue</p>`;

describe("splitQuoted", () => {
  it("prefers Gorgias's stripped_html when present and shorter", () => {
    const split = splitQuoted({ bodyHtml: GMAIL_HTML, strippedHtml: "<div>Thanks, the refund arrived.</div>", bodyText: "x", strippedText: "y" });
    expect(split).toMatchObject({ format: "html", main: "<div>Thanks, the refund arrived.</div>", full: GMAIL_HTML, hasQuotedHistory: true, source: "stripped" });
  });

  it("ignores a stripped body that is empty or not shorter", () => {
    expect(splitQuoted({ bodyHtml: "<p>hi</p>", strippedHtml: "<p>hi</p>" })).toMatchObject({ main: "<p>hi</p>", hasQuotedHistory: false, source: "none" });
    expect(splitQuoted({ bodyHtml: GMAIL_HTML, strippedHtml: "<div> </div>" }).source).toBe("detected");
  });

  it("detects Gmail quotes", () => {
    const split = splitQuoted({ bodyHtml: GMAIL_HTML });
    expect(split.hasQuotedHistory).toBe(true);
    expect(split.main).toContain("Thanks, the refund arrived.");
    expect(split.main).toContain("Anna");
    expect(split.main).not.toContain("wrote:");
    expect(split.main).not.toContain("we issued the refund");
  });

  it("detects a Gmail signature", () => {
    const split = splitQuoted({ bodyHtml: GMAIL_SIGNATURE_HTML });
    expect(split).toMatchObject({ hasSignature: true, hasQuotedHistory: false, source: "detected" });
    expect(split.main).toContain("Where is my order #1042?");
    expect(split.main).not.toContain("555 0100");
  });

  it("detects Outlook (web) reply headers", () => {
    const split = splitQuoted({ bodyHtml: OUTLOOK_HTML });
    expect(split.hasQuotedHistory).toBe(true);
    expect(split.main).toContain("Please cancel my subscription.");
    expect(split.main).not.toContain("From:");
    expect(split.main).not.toContain("Hi Bob");
  });

  it("detects Outlook (desktop) From/Sent blocks", () => {
    const split = splitQuoted({ bodyHtml: OUTLOOK_DESKTOP_HTML });
    expect(split.hasQuotedHistory).toBe(true);
    expect(split.main).toContain("The tracking link does not work.");
    expect(split.main).not.toContain("Sent:");
    expect(split.main).not.toContain("has shipped");
  });

  it("detects Apple Mail cite blockquotes", () => {
    const split = splitQuoted({ bodyHtml: APPLE_HTML });
    expect(split.hasQuotedHistory).toBe(true);
    expect(split.main).toContain("Yes, size M please.");
    expect(split.main).not.toContain("Which size would you like?");
  });

  it("keeps inline replies between plain blockquotes", () => {
    expect(splitQuoted({ bodyHtml: INLINE_REPLY_HTML })).toMatchObject({ main: INLINE_REPLY_HTML, hasQuotedHistory: false });
  });

  it("collapses a trailing plain blockquote", () => {
    const split = splitQuoted({ bodyHtml: "<p>Ok thanks</p><blockquote><p>Old message</p></blockquote>" });
    expect(split).toMatchObject({ main: "<p>Ok thanks</p>", hasQuotedHistory: true });
  });

  it.each([
    ["Gmail", "Sounds good.\n\nOn Mon, Mar 4, 2024 at 10:12 AM Acme Support <support@acme.example>\nwrote:\n\n> Hi, we issued the refund.\n> Best"],
    ["Outlook", "Sounds good.\n\n-----Original Message-----\nFrom: Acme Support\nSent: Monday\nSubject: refund\n\nHi"],
    ["Outlook From/Sent", "Sounds good.\n\n________________________________\nFrom: Acme Support <support@acme.example>\nSent: Monday, March 4, 2024 10:12 AM\nTo: Bob\n\nHi"],
    ["Apple", "Sounds good.\n\nSent from my iPhone\n\n> On 4 Mar 2024, at 10:12, Acme <support@acme.example> wrote:\n>\n> Hi"],
    ["French", "Sounds good.\n\nLe lun. 4 mars 2024 à 10:12, Acme <support@acme.example> a écrit :\n> Bonjour"],
    ["bare > quote", "Sounds good.\n\n> Hi, we issued the refund.\n>\n> Best\n"],
  ])("detects %s quotes in plain text", (_client, bodyText) => {
    const split = splitQuoted({ bodyText });
    expect(split.format).toBe("text");
    expect(split.hasQuotedHistory).toBe(true);
    expect(split.main.startsWith("Sounds good.")).toBe(true);
    expect(split.main).not.toMatch(/wrote|Original|From:|écrit|^>/m);
  });

  it("detects a trailing -- signature in text", () => {
    const split = splitQuoted({ bodyText: "Where is my parcel?\n\n-- \nAnna\n+1 555 0100" });
    expect(split).toMatchObject({ main: "Where is my parcel?", hasSignature: true, hasQuotedHistory: false });
  });

  it("does not cut in the middle of a real message", () => {
    const text = "I wrote: the item is broken.\nOn Monday it stopped working.\nPlease help.";
    expect(splitQuoted({ bodyText: text })).toMatchObject({ main: text, hasQuotedHistory: false, source: "none" });
  });

  it("shows everything when the message starts with the quote", () => {
    const text = "-----Original Message-----\nFrom: X\nSent: Y\n\nForwarded content";
    expect(splitQuoted({ bodyText: text })).toMatchObject({ main: text, hasQuotedHistory: false });
  });

  it("uses text when there is no HTML, and survives empty messages", () => {
    expect(splitQuoted({ bodyHtml: "  ", bodyText: "hi", strippedText: null })).toMatchObject({ format: "text", main: "hi" });
    expect(splitQuoted({})).toMatchObject({ format: "text", main: "", full: "", hasQuotedHistory: false });
  });

  it("stays fast on hostile input", () => {
    const hostile = "<div class=".repeat(50_000) + "\n> x".repeat(50_000) + "On ".repeat(50_000);
    const started = performance.now();
    splitQuoted({ bodyHtml: hostile });
    splitQuoted({ bodyText: hostile });
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("stays fast on a long run of spaces before a quote (the kept part's end is trimmed in one pass)", () => {
    const text = `Hello${" ".repeat(100_000)}x\n\nOn Mon, Ann wrote:\n> old`;
    const started = performance.now();
    expect(splitQuoted({ bodyText: text }).hasQuotedHistory).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("prepareMessageBody", () => {
  it("sanitizes both the collapsed and the expanded body", () => {
    const bodyHtml = `<p onclick="x()">Short answer<img src="https://t.example/p.gif" width="1" height="1"></p><blockquote type="cite"><script>alert(1)</script><img src=x onerror=alert(2)>old</blockquote>`;
    const prepared = prepareMessageBody({ bodyHtml });
    expect(prepared.hasQuotedHistory).toBe(true);
    expect(prepared.main.html).toBe("<p>Short answer</p>");
    expect(prepared.main.trackingPixels).toBe(1);
    expect(prepared.full).not.toBeNull();
    assertSafeEmailHtml(prepared.main.html);
    assertSafeEmailHtml(prepared.full?.html ?? "");
    expect(prepared.full?.html).toContain("old");
  });

  it("renders text bodies as escaped text", () => {
    const prepared = prepareMessageBody({ bodyText: "<b>hi</b>\n\n> quoted" });
    expect(prepared.main.html).toBe('<div style="white-space:pre-wrap">&lt;b&gt;hi&lt;/b&gt;</div>');
    expect(prepared.full?.html).toContain("&gt; quoted");
  });
});
