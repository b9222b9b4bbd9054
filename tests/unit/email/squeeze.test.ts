import { describe, expect, it } from "vitest";
import { sanitizeEmailHtml } from "@/lib/email";
import { dropSqueezingDeclarations } from "@/lib/email/squeeze";

const styleOf = (html: string) => /style="([^"]*)"/.exec(sanitizeEmailHtml(html).html)?.[1] ?? null;

describe("declarations that hide or squeeze text", () => {
  it("drops a width or max-width too narrow for a word", () => {
    expect(styleOf('<div style="width:1px;color:red">Following up</div>')).toBe("color:red");
    expect(styleOf('<p style="max-width:2em">Hi</p>')).toBeNull();
    expect(styleOf('<p style="width:20pt">Hi</p>')).toBeNull();
    expect(styleOf('<div style="width:3%">Hi</div>')).toBeNull();
    // Real layout widths stay, and a table cell's percentage sets a column, not its text.
    expect(styleOf('<div style="width:600px;max-width:100%">Hi</div>')).toBe("width:600px;max-width:100%");
    expect(styleOf('<table><tr><td style="width:5%">Hi</td></tr></table>')).toBe("width:5%");
  });

  it("drops positions that take text out of the flow", () => {
    expect(styleOf('<p style="position:absolute;top:0">Hi</p>')).toBeNull();
    expect(styleOf('<p style="position:fixed">Hi</p>')).toBeNull();
    expect(styleOf('<p style="position:relative">Hi</p>')).toBe("position:relative");
  });

  it("drops a height that clips its text, with the overflow that clips it", () => {
    expect(styleOf('<div style="height:0;overflow:hidden;color:blue">Hidden text</div>')).toBe("color:blue");
    expect(styleOf('<div style="max-height:10px;overflow-y:clip">Hidden text</div>')).toBeNull();
    // A height alone only sets a minimum for what overflows visibly; overflow alone hides nothing.
    expect(styleOf('<div style="height:40px">Hi</div>')).toBe("height:40px");
    expect(styleOf('<div style="overflow:hidden">Hi</div>')).toBe("overflow:hidden");
  });

  it("drops zero and unreadably small font sizes", () => {
    expect(styleOf('<span style="font-size:0">Hi</span>')).toBeNull();
    expect(styleOf('<span style="font-size:1px">Hi</span>')).toBeNull();
    expect(styleOf('<span style="font-size:0.1em">Hi</span>')).toBeNull();
    expect(styleOf('<span style="font:0/0 a">Hi</span>')).toBeNull();
    expect(styleOf('<span style="font-size:13px">Hi</span>')).toBe("font-size:13px");
  });

  it("drops far-negative offsets and viewport units", () => {
    expect(styleOf('<p style="text-indent:-9999px">Hi</p>')).toBeNull();
    expect(styleOf('<p style="margin:0 0 0 -5000px">Hi</p>')).toBeNull();
    expect(styleOf('<p style="margin:0 auto">Hi</p>')).toBe("margin:0 auto");
    expect(styleOf('<div style="min-height:100vh">Hi</div>')).toBeNull();
  });

  it("leaves images alone: their sizes are handled as images", () => {
    expect(sanitizeEmailHtml('<img src="data:image/png;base64,iVBORw0KGgo=" style="width:16px">').html).toContain('style="width:16px"');
  });

  it("keeps a link's style to the same rules", () => {
    expect(styleOf('<a href="https://shop.example" style="font-size:0;color:red">Shop</a>')).toBe("color:red");
  });

  it("is a plain function of the style and the element", () => {
    expect(dropSqueezingDeclarations("width:1px", "td")).toBe("");
    expect(dropSqueezingDeclarations("WIDTH: 1PX ; color : red", "div")).toBe("color:red");
  });
});
