import type { Attachment } from "@/lib/domain/message";
import { Paperclip } from "lucide-react";
import { formatFileSize } from "./message-presentation";

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** Names and sizes are untrusted text (React escapes them); only http(s) links are made clickable. */
export function AttachmentList({ attachments }: { attachments: readonly Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="flex flex-wrap gap-2">
      {attachments.map((a, i) => {
        const size = formatFileSize(a.size);
        const name = a.name?.trim() || "Attachment";
        const inner = (
          <>
            <Paperclip aria-hidden size={14} className="shrink-0 text-zinc-500" />
            <span className="max-w-56 truncate">{name}</span>
            {size && <span className="text-zinc-600 tabular-nums dark:text-zinc-400">{size}</span>}
          </>
        );
        const chip = "inline-flex items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200";
        return (
          <li key={`${a.url}-${i}`}>
            {isWebUrl(a.url) ? (
              <a href={a.url} target="_blank" rel="noopener noreferrer" className={`${chip} hover:border-zinc-400 dark:hover:border-zinc-500`} title={a.url}>
                {inner}
              </a>
            ) : (
              <span className={chip}>{inner}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
