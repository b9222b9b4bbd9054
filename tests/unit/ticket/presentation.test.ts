import { describe, expect, it } from "vitest";
import { deliveryView, formatFileSize, kindStyle, remoteImagesLabel, senderLabel } from "@/features/ticket/components/message-presentation";
import { EMAIL_IFRAME_SANDBOX } from "@/lib/domain/email-frame";
import { safeTagColor } from "@/lib/domain/tag-color";
import { describeChange } from "@/features/ticket/client/ticket-cache";

describe("message kinds", () => {
  it("notes are unmistakable: amber, a lock and the words", () => {
    const note = kindStyle("note");
    expect(note.lock).toBe(true);
    expect(note.notice).toBe("Internal note · only agents see this");
    expect(note.container).toContain("amber");
    expect(note.label).toBe("Internal note");
  });

  it("customer and agent messages look different from each other and from notes", () => {
    const [c, a, n] = (["customer", "agent", "note"] as const).map(kindStyle);
    expect(new Set([c!.container, a!.container, n!.container]).size).toBe(3);
    expect(c!.notice).toBeNull();
    expect(a!.notice).toBeNull();
    expect(c!.lock || a!.lock).toBe(false);
    expect(c!.container).not.toContain("amber");
    expect(a!.container).not.toContain("amber");
    expect(c!.align).toBe("start");
    expect(a!.align).toBe("end");
  });

  it("delivery: sending, sent, failed with Gorgias's reason; nothing for recorded messages", () => {
    expect(deliveryView("sending", null)).toEqual({ text: "Sending…", tone: "progress" });
    expect(deliveryView("sent", null)?.text).toBe("Sent");
    expect(deliveryView("failed", "Mailbox full")).toEqual({ text: "Failed: Mailbox full", tone: "error" });
    expect(deliveryView("failed", null)?.text).toBe("Failed to send");
    expect(deliveryView("recorded", null)).toBeNull();
  });

  it("sender falls back through name, email, source and kind", () => {
    expect(senderLabel({ kind: "customer", sender: { name: " Ann ", email: "a@x" }, source: null })).toBe("Ann");
    expect(senderLabel({ kind: "customer", sender: { name: "", email: "a@x" }, source: null })).toBe("a@x");
    expect(senderLabel({ kind: "customer", sender: null, source: { from: { address: "f@x", name: null } } })).toBe("f@x");
    expect(senderLabel({ kind: "agent", sender: null, source: null })).toBe("Agent");
  });

  it("the frame sandbox allows no scripts", () => {
    expect(EMAIL_IFRAME_SANDBOX).not.toContain("allow-scripts");
  });

  it("remote-image button wording", () => {
    expect(remoteImagesLabel(0)).toBeNull();
    expect(remoteImagesLabel(1)).toBe("Load 1 remote image");
    expect(remoteImagesLabel(3)).toBe("Load 3 remote images");
  });
});

describe("tag colour guard", () => {
  it("accepts hex colours only", () => {
    expect(safeTagColor("#4A90D9")).toBe("#4a90d9");
    expect(safeTagColor(" #abc ")).toBe("#abc");
    expect(safeTagColor("#abcd")).toBe("#abcd");
    expect(safeTagColor("#11223344")).toBe("#11223344");
  });

  it.each([null, undefined, "", "red", "#12", "#12345", "#ggg", "rgb(1,2,3)", "#fff;background:url(https://x/y)", "#fff\" onmouseover=\"x", "expression(alert(1))", "#fff !important", "var(--x)"])(
    "refuses %j",
    (value) => expect(safeTagColor(value)).toBeNull(),
  );
});

describe("attachment sizes", () => {
  it.each([
    [0, "0 B"],
    [512, "512 B"],
    [1023, "1023 B"],
    [1024, "1 KB"],
    [1536, "1.5 KB"],
    [10 * 1024, "10 KB"],
    [1024 * 1024, "1 MB"],
    [34.4 * 1024 * 1024, "34 MB"],
    [5 * 1024 ** 3, "5 GB"],
    [3 * 1024 ** 4, "3072 GB"],
  ])("%d bytes → %s", (bytes, text) => expect(formatFileSize(bytes)).toBe(text));

  it.each([null, undefined, -1, Number.NaN, Number.POSITIVE_INFINITY])("unknown for %j", (v) => expect(formatFileSize(v)).toBeNull());
});

describe("rollback wording", () => {
  it("names what was attempted", () => {
    expect(describeChange({ status: "closed" })).toBe("close the ticket");
    expect(describeChange({ status: "open" })).toBe("reopen the ticket");
    expect(describeChange({ assigneeUser: null })).toBe("unassign the ticket");
    expect(describeChange({ assigneeUser: { id: 1, name: "Jane", email: null } })).toBe("assign the ticket to Jane");
    expect(describeChange({ assigneeTeam: { id: 1, name: "VIP", emoji: null } })).toBe("move the ticket to VIP");
  });
});
