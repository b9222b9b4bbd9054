import { Bot } from "lucide-react";
import { assistantLabel } from "@/lib/domain/assistant";
import type { AssistantChange } from "@/lib/domain/ticket-thread";
import { MessageTime } from "./message-time";

/** Changes an assistant made to this ticket through an agent's token (the thread shows its messages). */
export function AssistantChanges({ changes }: { changes: readonly AssistantChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul aria-label="Changes by assistants" className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="assistant-changes">
      {changes.map((c, i) => (
        <li key={`${c.at}-${i}`} className="flex items-center gap-1.5" data-testid="assistant-change">
          <Bot aria-hidden size={12} className="text-violet-700 dark:text-violet-300" />
          <span>
            {assistantLabel(c.agentName)} changed {c.what}
          </span>
          <MessageTime at={c.at} />
        </li>
      ))}
    </ul>
  );
}
