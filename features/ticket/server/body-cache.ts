import "server-only";
import { createHash } from "node:crypto";
import type { EmailTheme } from "@/lib/domain/ticket-thread";
import type { BodyFields, PreparedBody } from "./prepare-body";

/** Least recently used entries go first once the entries' size passes `maxBytes`. */
export class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.total;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, bytes: number): void {
    if (bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.bytes;
    }
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
  }
}

export interface BodyVariant {
  readonly theme: EmailTheme;
  readonly allowRemoteImages: boolean;
  /** How much of the source was prepared; "all" when the cap did not cut it. */
  readonly cap: number | "all";
}

/**
 * The cache key of a prepared body: a digest of what preparing reads, and the variant. By content,
 * not by message id: an edited message is prepared again, and a hit needs the body in hand.
 */
export function bodyKey(m: BodyFields, variant: BodyVariant): string {
  const hash = createHash("sha256");
  for (const part of [m.kind, m.channel, m.bodyHtml, m.strippedHtml, m.bodyText, m.strippedText]) {
    // Lengths first, so no two different sets of fields hash the same stream.
    hash.update(part === null ? "-1:" : `${part.length}:`).update(part ?? "");
  }
  return `${hash.digest("base64url")}|${variant.theme}|${variant.allowRemoteImages ? "images" : "blocked"}|${variant.cap}`;
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
