import type { EmailFrame as EmailFrameData } from "@/lib/domain/ticket-thread";
import { EMAIL_IFRAME_REFERRER_POLICY, EMAIL_IFRAME_SANDBOX } from "@/lib/domain/email-frame";
import { EMAIL_FRAME_MAX_PX } from "./message-presentation";

/**
 * A sanitized email in a sandboxed frame: no scripts, an opaque origin, the document's own CSP.
 * Its height is the server's estimate (capped); the frame scrolls and the agent can drag it taller.
 */
export function EmailFrame({ frame, title }: { frame: EmailFrameData; title: string }) {
  const height = Math.min(frame.estimatedHeight, EMAIL_FRAME_MAX_PX);
  return (
    <div className="resize-y overflow-hidden rounded-md" style={{ height, minHeight: 48 }}>
      <iframe
        title={title}
        srcDoc={frame.srcDoc}
        sandbox={EMAIL_IFRAME_SANDBOX}
        referrerPolicy={EMAIL_IFRAME_REFERRER_POLICY}
        loading="lazy"
        className="block h-full w-full border-0 bg-transparent"
        data-testid="email-frame"
      />
    </div>
  );
}
