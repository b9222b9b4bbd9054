import { describe, expect, it } from "vitest";
import { oneLine, wellFormed } from "@/lib/domain/safe-text";

describe("text from outside", () => {
  it("a lone surrogate becomes U+FFFD; whole pairs and plain text stay", () => {
    expect(wellFormed("half \uD83D emoji")).toBe("half \uFFFD emoji");
    expect(wellFormed("low \uDE00 first")).toBe("low \uFFFD first");
    expect(wellFormed("end \uD83D")).toBe("end \uFFFD");
    expect(wellFormed("whole 😀 pair")).toBe("whole 😀 pair");
    expect(wellFormed("Grüße — 你好")).toBe("Grüße — 你好");
  });

  it("a header value is one line: CR, LF, other controls and Unicode line breaks become spaces", () => {
    expect(oneLine("Order 12\r\nBcc: attacker@example.com")).toBe("Order 12 Bcc: attacker@example.com");
    expect(oneLine("Name\u2028Other\u0085x\u0000y\tz")).toBe("Name Other x y z");
    expect(oneLine("  spaced   out  ")).toBe("spaced out");
    expect(oneLine("\r\n")).toBe("");
  });
});
