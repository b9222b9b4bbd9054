"use client";

import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import type { ComposerMode } from "@/features/composer/client/drafts";
import type { EarlierSend } from "@/features/composer/client/use-composer-drafts";

/** What became of a send that was under way when the page went away (a reload, a closed tab, a crash). */
export function EarlierSendNotice({ mode, state, onCheck, onDismiss }: { mode: ComposerMode; state: EarlierSend; onCheck: () => void; onDismiss: () => void }) {
  const what = mode === "reply" ? "email reply" : "note";
  if (state === "sent") {
    return (
      <ErrorNotice tone="info" role="status" testId="earlier-send" actions={<Button size="sm" onClick={onDismiss}>OK</Button>}>
        Your {what} was sent before the page reloaded.
      </ErrorNotice>
    );
  }
  if (state === "waiting") {
    return (
      <ErrorNotice tone="info" role="status" testId="earlier-send">
        Your {what} is waiting to be sent; you can still undo it above. Sending this text again never sends it twice.
      </ErrorNotice>
    );
  }
  if (state === "sending") {
    return (
      <ErrorNotice tone="info" role="status" testId="earlier-send">
        Your {what} was still being sent when the page reloaded. Checking whether it went out…
      </ErrorNotice>
    );
  }
  return (
    <ErrorNotice tone="warn" role="status" testId="earlier-send" actions={<Button size="sm" onClick={onCheck}>Check now</Button>}>
      Gorgias had not confirmed your {what} when the page reloaded. Your text is kept; checking never sends it twice.
    </ErrorNotice>
  );
}
