"use client";

import { useCallback, useRef, useState } from "react";
import { apiUploadUrl } from "@/lib/domain/api-routes";
import { chooseFiles, type UploadedFile } from "@/lib/domain/attachments";
import type { ComposerMode } from "@/features/composer/client/drafts";

/** A file on its way to Gorgias, or one that did not get there (kept so the agent can retry it). */
export interface PendingUpload {
  readonly key: string;
  readonly mode: ComposerMode;
  readonly file: File;
  readonly state: "uploading" | "failed";
  readonly error: string | null;
}

/** The upload route's answer: the descriptor, or the reason it refused. */
async function uploadOne(account: string, file: File): Promise<{ ok: true; value: UploadedFile } | { ok: false; message: string }> {
  const form = new FormData();
  form.append("file", file, file.name);
  try {
    const res = await fetch(apiUploadUrl(account), { method: "POST", body: form, credentials: "same-origin" });
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } & Partial<UploadedFile> | null;
    if (res.ok && body && typeof body.url === "string" && typeof body.name === "string" && typeof body.contentType === "string" && typeof body.size === "number") {
      return { ok: true, value: { url: body.url, name: body.name, contentType: body.contentType, size: body.size } };
    }
    return { ok: false, message: body?.error?.message ?? (res.status === 413 ? "The file is too large." : "The upload failed.") };
  } catch {
    return { ok: false, message: "The connection dropped during the upload." };
  }
}

/**
 * Files the agent drops, pastes or picks: checked against the limits before any upload starts
 * (refusals are said at once, nothing is sent), then uploaded one request per file. A finished
 * upload becomes part of the draft (`onUploaded`); what is still uploading or failed stays here and
 * holds the send back (docs/safety.md#attachments).
 */
export function useAttachmentUploads(account: string, onUploaded: (mode: ComposerMode, file: UploadedFile) => void) {
  const [pending, setPending] = useState<readonly PendingUpload[]>([]);
  const [refused, setRefused] = useState<{ mode: ComposerMode; reasons: readonly string[] } | null>(null);
  const seq = useRef(0);
  // Removed while still uploading: its descriptor, when it comes, is not attached.
  const discarded = useRef(new Set<string>());

  const run = useCallback(
    async (item: PendingUpload) => {
      const result = await uploadOne(account, item.file);
      if (discarded.current.has(item.key)) return;
      if (result.ok) {
        setPending((list) => list.filter((p) => p.key !== item.key));
        onUploaded(item.mode, result.value);
      } else {
        setPending((list) => list.map((p) => (p.key === item.key ? { ...p, state: "failed", error: result.message } : p)));
      }
    },
    [account, onUploaded],
  );

  /** `attached`: the draft's files, which count towards the limits with the ones still uploading. */
  const add = useCallback(
    (mode: ComposerMode, files: readonly File[], attached: readonly { size: number }[]) => {
      if (files.length === 0) return;
      const inFlight = pending.filter((p) => p.mode === mode).map((p) => ({ size: p.file.size }));
      const { accepted, refused: reasons } = chooseFiles([...attached, ...inFlight], files);
      setRefused(reasons.length > 0 ? { mode, reasons } : null);
      const items = accepted.map((file): PendingUpload => ({ key: `upload-${++seq.current}`, mode, file, state: "uploading", error: null }));
      setPending((list) => [...list, ...items]);
      for (const item of items) void run(item);
    },
    [pending, run],
  );

  const retry = useCallback(
    (key: string) => {
      const item = pending.find((p) => p.key === key);
      if (!item) return;
      const again: PendingUpload = { ...item, state: "uploading", error: null };
      setPending((list) => list.map((p) => (p.key === key ? again : p)));
      void run(again);
    },
    [pending, run],
  );

  const discard = useCallback((key: string) => {
    discarded.current.add(key);
    setPending((list) => list.filter((p) => p.key !== key));
  }, []);

  return { pending, refused, add, retry, discard, dismissRefused: useCallback(() => setRefused(null), []) };
}
