import { Bot, Lock } from "lucide-react";
import { assistantLabel } from "@/lib/domain/assistant";
import type { EmailTheme, ThreadMessage } from "@/lib/domain/ticket-thread";
import { cx } from "@/lib/utils";
import { AttachmentList } from "./attachment-list";
import { MessageBody } from "./message-body";
import { deliveryView, kindStyle, senderLabel } from "./message-presentation";
import { MessageTime } from "./message-time";

const TONE = {
  muted: "text-zinc-600 dark:text-zinc-400",
  progress: "text-indigo-700 dark:text-indigo-300",
  error: "font-medium text-red-700 dark:text-red-300",
} as const;

export function MessageItem({ account, message, theme }: { account: string; message: ThreadMessage; theme: EmailTheme }) {
  const style = kindStyle(message.kind);
  const sender = senderLabel(message);
  const delivery = deliveryView(message.delivery, message.failureReason);
  const recipients = message.kind !== "note" ? message.source?.to.map((a) => a.name?.trim() || a.address).join(", ") : "";
  return (
    <article
      aria-label={`${style.label} from ${sender}`}
      data-testid="thread-message"
      data-message-id={message.id}
      data-kind={message.kind}
      className={cx("rounded-lg border px-4 py-3", style.container, style.align === "end" ? "sm:ml-10" : "sm:mr-10")}
    >
      <header className="mb-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        <span className={cx("inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium", style.badge)}>
          {style.lock && <Lock aria-hidden size={12} />}
          {style.label}
        </span>
        <span className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{sender}</span>
        {message.assistantOf && (
          <span className="inline-flex items-center gap-1 rounded bg-violet-100 px-1.5 py-0.5 font-medium text-violet-900 dark:bg-violet-950 dark:text-violet-200" data-testid="assistant-label">
            <Bot aria-hidden size={12} />
            via {assistantLabel(message.assistantOf)}
          </span>
        )}
        {recipients && <span className="truncate text-zinc-600 dark:text-zinc-400">to {recipients}</span>}
        <span className="ml-auto flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
          {message.channel && message.channel !== "internal-note" && <span>{message.channel}</span>}
          <MessageTime at={message.createdAt} />
        </span>
      </header>
      {style.notice && (
        <p className="mb-2 flex items-center gap-1 text-xs font-medium text-amber-800 dark:text-amber-300" data-testid="note-notice">
          <Lock aria-hidden size={12} />
          {style.notice}
        </p>
      )}
      <MessageBody account={account} ticketId={message.ticketId} message={message} theme={theme} frameTitle={`${style.label} from ${sender}`} />
      {message.attachments.length > 0 && (
        <div className="mt-2">
          <AttachmentList attachments={message.attachments} />
        </div>
      )}
      {delivery && (
        <p className={cx("mt-2 text-xs", TONE[delivery.tone])} data-testid="delivery">
          {delivery.text}
        </p>
      )}
    </article>
  );
}
