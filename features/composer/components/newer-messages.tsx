"use client";

import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";

/**
 * New messages arrived in the thread while the agent was writing a reply. Reviewing them counts as
 * having seen them; otherwise the send stops and asks (docs/safety.md#stale-thread).
 */
export function NewerMessagesNotice({ count, onReview }: { count: number; onReview: () => void }) {
  return (
    <ErrorNotice tone="warn" role="status" testId="newer-messages" actions={<Button size="sm" onClick={onReview}>Review</Button>}>
      {count === 1 ? "A new message arrived" : `${count} new messages arrived`} while you were writing. Read {count === 1 ? "it" : "them"} before you send.
    </ErrorNotice>
  );
}
