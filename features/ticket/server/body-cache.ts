import "server-only";
import { createHash } from "node:crypto";
import type { EmailTheme } from "@/lib/domain/ticket-thread";
import type { BodyFields, PreparedBody } from "./prepare-body";

export interface BodyVariant {
  readonly theme: EmailTheme;
  readonly allowRemoteImages: boolean;
  /** How much of the source was prepared; "all" when the cap did not cut it. */
  readonly cap: number | "all";
}

// A message read back from the shared cache's memo is the same object on every refresh: its
// digest is computed once.
const digests = new WeakMap<BodyFields, string>();

/** A digest of what preparing reads from a message. */
export function contentDigest(m: BodyFields): string {
  const known = digests.get(m);
  if (known) return known;
  const hash = createHash("sha256");
  const lengths = m.sourceLengths ? `${m.sourceLengths.bodyHtml},${m.sourceLengths.strippedHtml},${m.sourceLengths.bodyText},${m.sourceLengths.strippedText}` : null;
  // The attachments an inline image may show change the prepared body too.
  const attachments = m.attachments?.length ? JSON.stringify(m.attachments.map((a) => [a.name, a.contentType, a.url])) : null;
  for (const part of [m.kind, m.channel, m.bodyHtml, m.strippedHtml, m.bodyText, m.strippedText, lengths, attachments]) {
    // Lengths first, so no two different sets of fields hash the same stream.
    hash.update(part === null ? "-1:" : `${part.length}:`).update(part ?? "");
  }
  const digest = hash.digest("base64url");
  digests.set(m, digest);
  return digest;
}

/**
 * The cache key of a prepared body: its content's digest and the variant. By content, not by
 * message id: an edited message is prepared again, and a hit needs the body in hand.
 */
export function bodyKey(m: BodyFields, variant: BodyVariant): string {
  return `${contentDigest(m)}|${variant.theme}|${variant.allowRemoteImages ? "images" : "blocked"}|${variant.cap}`;
}

/** Roughly what an entry holds in memory (UTF-16 strings). */
export function preparedBytes(p: PreparedBody): number {
  const body = p.body;
  const chars =
    body.format === "text"
      ? body.main.length + (body.full?.length ?? 0)
      : body.main.srcDoc.length + (body.full?.srcDoc.length ?? 0);
  return 2 * chars + 256;
}
