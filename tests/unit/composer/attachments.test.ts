import { describe, expect, it } from "vitest";
import { ATTACHMENT_LIMITS, attachmentsProblem, chooseFiles, fileProblem, formatBytes } from "@/lib/domain/attachments";
import { SendNoteInput, SendReplyInput } from "@/lib/domain/contract/inputs";
import { parseLocalDraft } from "@/features/composer/client/drafts";
import { bodyLimitFor, MAX_REQUEST_BYTES, MAX_UPLOAD_REQUEST_BYTES } from "@/lib/security/request-guards";

const file = (name: string, size: number, type = "application/pdf") => ({ name, size, type });
const MB = 1_000_000;

describe("attachment limits", () => {
  it("refuses programs and scripts by extension or type, with the reason", () => {
    expect(fileProblem(file("setup.EXE", 10))).toMatch(/^setup\.EXE: programs and scripts \(\.exe\) cannot be attached/);
    expect(fileProblem(file("run.sh", 10, "text/plain"))).toMatch(/programs and scripts/);
    expect(fileProblem(file("invoice", 10, "application/x-msdownload"))).toMatch(/programs and scripts cannot be attached/);
    expect(fileProblem(file("photo.png", 10, "image/png"))).toBeNull();
  });

  it("refuses a file over 10 MB and an empty one, saying how big it is", () => {
    expect(fileProblem(file("video.mov", 12_400_000))).toBe("video.mov is 12.4 MB: files can be at most 10 MB each.");
    expect(fileProblem(file("ok.pdf", ATTACHMENT_LIMITS.fileBytes))).toBeNull();
    expect(fileProblem(file("empty.txt", 0))).toBe("empty.txt is empty.");
  });

  it("takes added files in order while the count and the 20 MB total allow", () => {
    const attached = [{ size: 9 * MB }, { size: 9 * MB }];
    const { accepted, refused } = chooseFiles(attached, [file("a.pdf", 1 * MB), file("b.pdf", 2 * MB), file("c.pdf", 1000), file("x.exe", 5)]);
    expect(accepted.map((f) => f.name)).toEqual(["a.pdf", "c.pdf"]);
    expect(refused).toEqual([expect.stringMatching(/^b\.pdf \(2 MB\) would take the message over 20 MB of files in all\.$/), expect.stringMatching(/^x\.exe: programs/)]);
    const many = chooseFiles(Array.from({ length: 9 }, () => ({ size: 1 })), [file("9.pdf", 1), file("10.pdf", 1)]);
    expect(many.accepted.map((f) => f.name)).toEqual(["9.pdf"]);
    expect(many.refused).toEqual(["10.pdf: a message can carry at most 10 files."]);
  });

  it("formats sizes in decimal units", () => {
    expect([formatBytes(1), formatBytes(999), formatBytes(1500), formatBytes(1_250_000)]).toEqual(["1 byte", "999 bytes", "2 KB", "1.3 MB"]);
  });

  it("the send's input is checked again on the server: count, total, type, URL", () => {
    const base = { ticketId: 1, operationId: "6c0f0d7e-8a4b-4d43-9d61-3c1c1c1c1c1c", bodyText: "Hi", lastSeenMessageId: null };
    const a = (over: Record<string, unknown> = {}) => ({ url: "https://uploads.gorgias.io/a.pdf", name: "a.pdf", contentType: "application/pdf", size: 10, ...over });
    expect(SendReplyInput.parse({ ...base, attachments: [a()] }).attachments).toEqual([a()]);
    expect(SendReplyInput.parse(base).attachments).toBeUndefined();
    expect(SendReplyInput.safeParse({ ...base, attachments: [a({ name: "evil.exe" })] }).success).toBe(false);
    expect(SendReplyInput.safeParse({ ...base, attachments: [a({ url: "javascript:alert(1)" })] }).success).toBe(false);
    expect(SendReplyInput.safeParse({ ...base, attachments: [a({ size: 9 * MB }), a({ size: 9 * MB }), a({ size: 3 * MB })] }).success).toBe(false);
    expect(SendReplyInput.safeParse({ ...base, attachments: Array.from({ length: 11 }, () => a()) }).success).toBe(false);
    expect(SendNoteInput.safeParse({ ticketId: 1, operationId: base.operationId, bodyText: "n", attachments: [a({ extra: 1 })] }).success).toBe(false);
    expect(attachmentsProblem([])).toBeNull();
  });

  it("only the upload route may carry a body over 1 MB, and only up to one file and its envelope", () => {
    expect(bodyLimitFor("POST", "/api/demo/uploads")).toBe(MAX_UPLOAD_REQUEST_BYTES);
    expect(MAX_UPLOAD_REQUEST_BYTES).toBeGreaterThan(ATTACHMENT_LIMITS.fileBytes);
    expect(MAX_UPLOAD_REQUEST_BYTES).toBeLessThan(10 * 1024 * 1024);
    expect(bodyLimitFor("GET", "/api/demo/uploads")).toBe(MAX_REQUEST_BYTES);
    expect(bodyLimitFor("POST", "/api/demo/uploads/x")).toBe(MAX_REQUEST_BYTES);
    expect(bodyLimitFor("POST", "/demo/tickets/1")).toBe(MAX_REQUEST_BYTES);
  });
});

describe("drafts keep their files", () => {
  it("a local draft holds the uploaded descriptors and reads them back; broken entries are dropped", () => {
    const file = { url: "https://uploads.example/a.pdf", name: "a.pdf", contentType: "application/pdf", size: 12 };
    const stored = JSON.stringify({ draft: { bodyText: "Hi", operationId: "op-1", updatedAt: "2026-11-30T08:00:00.000Z", attachments: [file, { url: 1 }, null] }, sent: [] });
    expect(parseLocalDraft(stored).draft).toEqual({ bodyText: "Hi", operationId: "op-1", updatedAt: "2026-11-30T08:00:00.000Z", attachments: [file] });
    const without = JSON.stringify({ draft: { bodyText: "Hi", operationId: "op-1", updatedAt: "2026-11-30T08:00:00.000Z" }, sent: [] });
    expect(parseLocalDraft(without).draft).toEqual({ bodyText: "Hi", operationId: "op-1", updatedAt: "2026-11-30T08:00:00.000Z" });
  });
});
