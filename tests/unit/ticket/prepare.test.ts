import { describe, expect, it, vi } from "vitest";
import { estimateFrameHeight } from "@/features/ticket/server/frame-height";

vi.mock("server-only", () => ({}));
const { chooseBodyFormat, prepareBody } = await import("@/features/ticket/server/prepare-body");

const base = { kind: "customer" as const, channel: "email", bodyText: null, bodyHtml: null, strippedText: null, strippedHtml: null };

describe("body format", () => {
  it("email HTML goes to the frame", () => {
    expect(chooseBodyFormat({ ...base, bodyHtml: "<p>Hi</p>", bodyText: "Hi" })).toBe("html");
  });
  it("chat, sms and other plain channels render as escaped text even when HTML exists", () => {
    for (const channel of ["chat", "sms", "facebook-messenger"]) expect(chooseBodyFormat({ ...base, channel, bodyHtml: "<b>x</b>", bodyText: "x" })).toBe("text");
  });
  it("notes with a text body are text; HTML-only notes still go to the frame", () => {
    expect(chooseBodyFormat({ ...base, kind: "note", channel: "internal-note", bodyHtml: "<p>n</p>", bodyText: "n" })).toBe("text");
    expect(chooseBodyFormat({ ...base, kind: "note", channel: "internal-note", bodyHtml: "<p>n</p>" })).toBe("html");
  });
  it("no HTML at all is text", () => expect(chooseBodyFormat({ ...base, bodyText: "plain" })).toBe("text"));
});

describe("prepareBody", () => {
  it("shows an inline cid: image from the message's own attachment, and admits exactly that URL in the frame", () => {
    const photo = { url: "https://uploads.gorgias.example/1/photo-1.png", name: "photo-1.png", contentType: "image/png" };
    const prepared = prepareBody({ ...base, bodyHtml: '<p>See</p><img src="cid:photo-1.png@mail"><img src="cid:gone@mail">', attachments: [photo] }, { theme: "light" });
    if (prepared.body.format !== "html") throw new Error("expected html");
    const doc = prepared.body.main.srcDoc;
    expect(doc).toContain('src="https://uploads.gorgias.example/1/photo-1.png"');
    expect(doc).toContain("img-src data: https://uploads.gorgias.example/1/photo-1.png;");
    expect(doc).toContain('alt="Inline image" data-inline-missing="1"');
    expect(doc).not.toContain("cid:");
  });

  it("keeps text as text (React escapes it), with quoted history folded", () => {
    const prepared = prepareBody({ ...base, channel: "chat", bodyText: "<script>alert(1)</script>\n\nOn Mon, Ann wrote:\n> old", bodyHtml: "<p>x</p>" }, { theme: "light" });
    expect(prepared.body.format).toBe("text");
    if (prepared.body.format !== "text") return;
    expect(prepared.body.main).toContain("<script>alert(1)</script>");
    expect(prepared.hasQuotedHistory).toBe(true);
    expect(prepared.body.full).toContain("> old");
  });

  it("sanitizes HTML into a CSP-locked document and counts blocked images", () => {
    const prepared = prepareBody(
      { ...base, bodyHtml: '<p onclick="x()">Hi</p><img src="https://cdn.example/a.png"><script>alert(1)</script>', strippedHtml: null },
      { theme: "dark" },
    );
    expect(prepared.body.format).toBe("html");
    if (prepared.body.format !== "html") return;
    expect(prepared.body.main.srcDoc).toContain("Content-Security-Policy");
    expect(prepared.body.main.srcDoc).not.toMatch(/<script|onclick|\ssrc="https:/);
    expect(prepared.body.remoteImages).toBe(1);
    expect(prepared.body.imagesAllowed).toBe(false);
  });
});

describe("frame height estimate", () => {
  it("grows with content and stays within bounds", () => {
    const short = estimateFrameHeight("<p>Hi</p>");
    const long = estimateFrameHeight(`<p>${"word ".repeat(400)}</p>${"<p>line</p>".repeat(20)}`);
    expect(short).toBeGreaterThanOrEqual(56);
    expect(long).toBeGreaterThan(short * 4);
    expect(estimateFrameHeight("<p>x</p>".repeat(10_000))).toBe(4000);
  });
  it("uses an image's declared height", () => {
    expect(estimateFrameHeight('<img height="300">')).toBeGreaterThan(300);
  });
});

describe("body cache key", async () => {
  const { bodyKey } = await import("@/features/ticket/server/body-cache");
  const { bodyFieldsOf } = await import("@/features/ticket/server/body-job");
  it("changes with the attachments an inline image may show, which reach the worker", () => {
    const variant = { theme: "light" as const, allowRemoteImages: false, cap: "all" as const };
    const html = { ...base, bodyHtml: '<img src="cid:a.png">' };
    const withPhoto = { ...html, attachments: [{ url: "https://u.example/a.png", name: "a.png", contentType: "image/png" }] };
    expect(bodyKey(withPhoto, variant)).not.toBe(bodyKey({ ...html }, variant));
    expect(bodyFieldsOf(withPhoto).attachments).toEqual(withPhoto.attachments);
  });
});
