import { createHash } from "node:crypto";
import type { SendKind } from "@/lib/db";
import type { UploadedFile } from "@/lib/domain/attachments";

/**
 * What counts as "the same text" for an operation id: line endings and trailing whitespace do not
 * matter (a browser may send CRLF one time and LF the next), anything else does.
 */
export function normalizeBody(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .trim();
}

/** sha256 hex of the kind, the target and the normalised text, each length-prefixed (no ambiguity). */
export function operationHash(kind: SendKind, target: string, ...parts: readonly string[]): string {
  const h = createHash("sha256");
  for (const p of [kind, target, ...parts]) h.update(`${Buffer.byteLength(p)}:`).update(p).update("\n");
  return h.digest("hex");
}

/**
 * The files are part of what is sent: the same operation id with other files is other content. A
 * message without files hashes as it always did, so records made before attachments still match.
 */
export const messageHash = (kind: "reply" | "note", ticketId: number, bodyText: string, attachments: readonly UploadedFile[] = []): string =>
  operationHash(kind, `ticket:${ticketId}`, normalizeBody(bodyText), ...attachments.map((a) => `file:${a.url}|${a.name}|${a.contentType}|${a.size}`));

export const newTicketHash = (input: { customerEmail: string; subject: string; bodyText: string; kind: "email" | "note" }): string =>
  operationHash("ticket", `customer:${input.customerEmail.trim().toLowerCase()}`, input.kind, input.subject.trim(), normalizeBody(input.bodyText));
