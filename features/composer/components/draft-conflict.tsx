"use client";

import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import type { ServerDraft } from "@/lib/domain/contract/responses";

const excerpt = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);

/**
 * Another tab or device saved this draft after this tab last saw it. Neither text is lost: the
 * server keeps theirs and this browser keeps ours until the agent picks one (docs/safety.md#drafts).
 */
export function DraftConflictNotice({ theirs, onTakeTheirs, onKeepMine }: { theirs: ServerDraft; onTakeTheirs: () => void; onKeepMine: () => void }) {
  const at = new Date(theirs.updatedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return (
    <ErrorNotice
      tone="warn"
      role="status"
      testId="draft-conflict"
      actions={
        <>
          <Button size="sm" onClick={onTakeTheirs}>Use that draft</Button>
          <Button size="sm" onClick={onKeepMine}>Keep this one</Button>
        </>
      }
    >
      This draft was changed in another tab or device at {at}, so it was not saved from here.
      {theirs.bodyText.trim() ? <> That version begins: “{excerpt(theirs.bodyText)}”</> : null}
    </ErrorNotice>
  );
}
