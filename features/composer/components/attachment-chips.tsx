"use client";

import { AlertCircle, Loader2, Paperclip, RotateCw, X } from "lucide-react";
import { formatBytes, type UploadedFile } from "@/lib/domain/attachments";
import type { PendingUpload } from "@/features/composer/client/use-attachment-uploads";
import { cx } from "@/lib/utils";

const CHIP = "inline-flex max-w-full items-center gap-1.5 rounded-md border px-2 py-1 text-xs";
const ICON_BUTTON = "rounded p-0.5 text-zinc-600 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand/40 dark:text-zinc-300 dark:hover:bg-zinc-700";

/**
 * The draft's files (uploaded, sent with the message) and those still uploading or failed, each with
 * its name, size and a remove button; a failed one says why and can be tried again. Names are the
 * agent's files' names, shown as text.
 */
export function AttachmentChips({ files, pending, onRemove, onRetry, onDiscard }: {
  files: readonly UploadedFile[];
  pending: readonly PendingUpload[];
  onRemove: (index: number) => void;
  onRetry: (key: string) => void;
  onDiscard: (key: string) => void;
}) {
  if (files.length === 0 && pending.length === 0) return null;
  return (
    <ul aria-label="Attached files" className="flex flex-wrap gap-2" data-testid="composer-attachments">
      {files.map((f, i) => (
        <li key={`${f.url}-${i}`} className={cx(CHIP, "border-zinc-300 bg-white text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200")} data-testid="attachment-chip">
          <Paperclip aria-hidden size={14} className="shrink-0 text-zinc-500" />
          <span className="max-w-56 truncate" title={f.name}>{f.name}</span>
          <span className="text-zinc-600 tabular-nums dark:text-zinc-400">{formatBytes(f.size)}</span>
          <button type="button" className={ICON_BUTTON} aria-label={`Remove ${f.name}`} onClick={() => onRemove(i)}>
            <X aria-hidden size={14} />
          </button>
        </li>
      ))}
      {pending.map((p) =>
        p.state === "uploading" ? (
          <li key={p.key} className={cx(CHIP, "border-zinc-300 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300")} data-testid="attachment-uploading">
            <Loader2 aria-hidden size={14} className="shrink-0 animate-spin" />
            <span className="max-w-56 truncate" title={p.file.name}>{p.file.name}</span>
            <span className="tabular-nums">{formatBytes(p.file.size)} · uploading…</span>
            <button type="button" className={ICON_BUTTON} aria-label={`Cancel ${p.file.name}`} onClick={() => onDiscard(p.key)}>
              <X aria-hidden size={14} />
            </button>
          </li>
        ) : (
          <li key={p.key} className={cx(CHIP, "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200")} data-testid="attachment-failed">
            <AlertCircle aria-hidden size={14} className="shrink-0" />
            <span className="max-w-56 truncate" title={p.file.name}>{p.file.name}</span>
            <span>not uploaded: {p.error}</span>
            <button type="button" className={ICON_BUTTON} aria-label={`Try uploading ${p.file.name} again`} onClick={() => onRetry(p.key)}>
              <RotateCw aria-hidden size={14} />
            </button>
            <button type="button" className={ICON_BUTTON} aria-label={`Remove ${p.file.name}`} onClick={() => onDiscard(p.key)}>
              <X aria-hidden size={14} />
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

/** Why some of the files just added were not attached; nothing of them was uploaded. */
export function RefusedFiles({ reasons, onDismiss }: { reasons: readonly string[]; onDismiss: () => void }) {
  return (
    <div role="alert" className="flex items-start gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-xs text-red-800 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200" data-testid="attachments-refused">
      <AlertCircle aria-hidden size={14} className="mt-0.5 shrink-0" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{reasons.length === 1 ? "This file was not attached:" : "These files were not attached:"}</p>
        <ul className="list-disc pl-4">
          {reasons.map((r, i) => (
            <li key={i} className="break-words">{r}</li>
          ))}
        </ul>
      </div>
      <button type="button" className={ICON_BUTTON} aria-label="Dismiss" onClick={onDismiss}>
        <X aria-hidden size={14} />
      </button>
    </div>
  );
}
