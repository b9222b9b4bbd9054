import type { AssistantCallView } from "@/lib/domain/assistant";
import { absoluteTime, relativeTime } from "@/lib/domain/relative-time";

const OUTCOME_CLASS: Record<AssistantCallView["outcome"], string> = {
  ok: "text-emerald-700 dark:text-emerald-400",
  error: "text-red-700 dark:text-red-400",
  unknown: "text-amber-700 dark:text-amber-400",
};

/** A token's latest tool calls, from the audit log. */
export function RecentCalls({ calls, now }: { calls: readonly AssistantCallView[]; now: Date }) {
  if (calls.length === 0) return null;
  return (
    <details className="mt-2 text-xs">
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Recent calls ({calls.length})</summary>
      <table className="mt-1 w-full text-left" data-testid="recent-calls">
        <thead className="text-zinc-500">
          <tr>
            <th className="py-0.5 pr-3 font-medium">When</th>
            <th className="py-0.5 pr-3 font-medium">Tool</th>
            <th className="py-0.5 pr-3 font-medium">Ticket</th>
            <th className="py-0.5 font-medium">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((c) => (
            <tr key={c.id} data-testid="recent-call">
              <td className="py-0.5 pr-3" title={absoluteTime(c.at)}>
                {relativeTime(c.at, now)}
              </td>
              <td className="py-0.5 pr-3 font-mono">{c.tool}</td>
              <td className="py-0.5 pr-3">{c.ticketId ?? "—"}</td>
              <td className={`py-0.5 ${OUTCOME_CLASS[c.outcome]}`}>{c.reason ? `${c.outcome} (${c.reason})` : c.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
