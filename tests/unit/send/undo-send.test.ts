import { describe, expect, it } from "vitest";
import { SendReplyInput } from "@/lib/domain/contract/inputs";
import { clampUndoSeconds, MAX_UNDO_SEND_SECONDS } from "@/lib/domain/undo-send";

describe("undo send's wait (docs/safety.md#undo-send)", () => {
  it("is clamped by the server to 0…30 whole seconds; absent means at once", () => {
    expect(clampUndoSeconds(undefined)).toBe(0);
    expect(clampUndoSeconds(0)).toBe(0);
    expect(clampUndoSeconds(5)).toBe(5);
    expect(clampUndoSeconds(3600)).toBe(MAX_UNDO_SEND_SECONDS);
    expect(clampUndoSeconds(-4)).toBe(0);
    expect(clampUndoSeconds(7.9)).toBe(7);
  });

  it("is an optional, bounded field of the send input", () => {
    const base = { ticketId: 1, operationId: "0b5a8f7e-6a1f-4c7b-9a57-2f1e0f8d9c11", bodyText: "Hi", lastSeenMessageId: null };
    expect(SendReplyInput.parse(base).undoSeconds).toBeUndefined();
    expect(SendReplyInput.parse({ ...base, undoSeconds: 10 }).undoSeconds).toBe(10);
    expect(SendReplyInput.safeParse({ ...base, undoSeconds: -1 }).success).toBe(false);
    expect(SendReplyInput.safeParse({ ...base, undoSeconds: 1.5 }).success).toBe(false);
  });
});
