/**
 * Pure rules for composer drafts and their operation ids (docs/safety.md#send-once, #drafts), kept apart
 * from React and storage so they can be tested on their own.
 *
 * A draft carries the operation id its send will use. The id is made when the composer first
 * opens, survives edits, retries, reloads and sign-in (it travels with the draft, locally and on
 * the server), and is replaced only once Gorgias has confirmed the send.
 */

import type { UploadedFile } from "@/lib/domain/attachments";

export type ComposerMode = "reply" | "note";

export interface DraftRecord {
  readonly bodyText: string;
  readonly operationId: string;
  /** ISO instant of the agent's last keystroke in this draft. */
  readonly updatedAt: string;
  /**
   * Files already uploaded for this draft (their descriptors, never the bytes): kept on this device
   * with the text, so a reload sends them without uploading again. Server copies hold text only.
   */
  readonly attachments?: readonly UploadedFile[];
}

/** What one browser remembers for a ticket and mode. */
export interface LocalDraftState {
  readonly draft: DraftRecord | null;
  /** Operation ids confirmed sent from here: a server draft still carrying one is stale, not work. */
  readonly sent: readonly string[];
}

export const EMPTY_LOCAL: LocalDraftState = { draft: null, sent: [] };
const MAX_TOMBSTONES = 20;

const time = (d: DraftRecord): number => {
  const t = Date.parse(d.updatedAt);
  return Number.isNaN(t) ? 0 : t;
};

/**
 * Which draft to restore: the newer of the server's and this browser's. A server draft whose
 * operation was already confirmed here (its deletion may have failed while offline) is ignored,
 * so a sent reply never reappears as if it were unsent. On a tie the local copy wins: it is
 * written first, on every keystroke.
 */
export function pickDraft(server: DraftRecord | null, local: LocalDraftState): DraftRecord | null {
  const fromServer = server && !local.sent.includes(server.operationId) ? server : null;
  if (!fromServer) return local.draft;
  if (!local.draft) return fromServer;
  return time(fromServer) > time(local.draft) ? fromServer : local.draft;
}

export type OperationEvent =
  | { readonly type: "edited" }
  | { readonly type: "failed" }
  | { readonly type: "outcome-unknown" }
  | { readonly type: "needs-confirmation" }
  | { readonly type: "confirmed"; readonly operationId: string }
  /** The agent chose to send edited text as a new message after "already sent with different text". */
  | { readonly type: "started-over" };

/**
 * The operation id to use next. Only a confirmed send (of this very id) or an explicit choice to
 * start over makes a new one; every failure, edit or retry keeps it, so the server's dedupe can
 * recognise a second attempt of the same send.
 */
export function nextOperationId(current: string, event: OperationEvent, makeId: () => string): string {
  if (event.type === "confirmed") return event.operationId === current ? makeId() : current;
  if (event.type === "started-over") return makeId();
  return current;
}

/** The id a composer opens with: the restored draft's, otherwise a fresh one. */
export function openingOperationId(restored: DraftRecord | null, makeId: () => string): string {
  return restored?.operationId ?? makeId();
}

/** After a confirmed send: forget the draft, remember the id so a stale server copy stays buried. */
export function afterConfirmed(local: LocalDraftState, operationId: string): LocalDraftState {
  const sent = [operationId, ...local.sent.filter((id) => id !== operationId)].slice(0, MAX_TOMBSTONES);
  return { draft: local.draft?.operationId === operationId ? null : local.draft, sent };
}

export function draftStorageKey(k: { account: string; agentId: string; ticketId: number | "new"; mode: ComposerMode | "ticket" }): string {
  return `gorgias-desk:draft:v1:${k.account}:${k.agentId}:${k.ticketId}:${k.mode}`;
}

const isFile = (a: unknown): a is UploadedFile => {
  const f = a as Partial<UploadedFile> | null;
  return typeof f === "object" && f !== null && typeof f.url === "string" && typeof f.name === "string" && typeof f.contentType === "string" && typeof f.size === "number";
};

/** Stored descriptors that still have their shape; none at all leaves the key out. */
function filesOf(raw: unknown): { attachments?: UploadedFile[] } {
  const files = Array.isArray(raw) ? raw.filter(isFile).map((f) => ({ url: f.url, name: f.name, contentType: f.contentType, size: f.size })) : [];
  return files.length > 0 ? { attachments: files } : {};
}

/** Parses what localStorage holds, tolerating anything (another version, a hand edit). */
export function parseLocalDraft(raw: string | null): LocalDraftState {
  if (!raw) return EMPTY_LOCAL;
  try {
    const v = JSON.parse(raw) as { draft?: unknown; sent?: unknown };
    const d = v.draft as Partial<DraftRecord> | null | undefined;
    const draft =
      d && typeof d.bodyText === "string" && typeof d.operationId === "string" && typeof d.updatedAt === "string"
        ? { bodyText: d.bodyText, operationId: d.operationId, updatedAt: d.updatedAt, ...filesOf(d.attachments) }
        : null;
    const sent = Array.isArray(v.sent) ? v.sent.filter((s): s is string => typeof s === "string").slice(0, MAX_TOMBSTONES) : [];
    return { draft, sent };
  } catch {
    return EMPTY_LOCAL;
  }
}

/** A v4 uuid; `crypto.randomUUID` only exists in secure contexts, so build one when it is missing. */
export function newOperationId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
