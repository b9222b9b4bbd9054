"use client";

import { useEffect, useRef, useState } from "react";
import type { EmailFrame as EmailFrameData } from "@/lib/domain/ticket-thread";
import { EMAIL_IFRAME_REFERRER_POLICY, EMAIL_IFRAME_SANDBOX } from "@/lib/domain/email-frame";
import { fitFrame } from "@/features/ticket/client/fit-frame";

/**
 * A sanitized email in a sandboxed frame: no scripts, the document's own CSP. It opens at the
 * server's estimate, then takes its content's measured height at every width (fit-frame.ts).
 */
export function EmailFrame({ frame, title }: { frame: EmailFrameData; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [measured, setMeasured] = useState<{ srcDoc: string; px: number } | null>(null);
  const { srcDoc } = frame;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return fitFrame(element, (px) => setMeasured((last) => (last?.srcDoc === srcDoc && last.px === px ? last : { srcDoc, px })));
  }, [srcDoc]);
  // A new document keeps the old height until it is measured, rather than jumping to the estimate.
  const height = measured?.px ?? frame.estimatedHeight;
  return (
    <iframe
      ref={ref}
      title={title}
      srcDoc={srcDoc}
      sandbox={EMAIL_IFRAME_SANDBOX}
      referrerPolicy={EMAIL_IFRAME_REFERRER_POLICY}
      loading="lazy"
      className="block w-full rounded-md border-0 bg-transparent"
      style={{ height }}
      data-testid="email-frame"
      data-measured={measured?.srcDoc === srcDoc ? "true" : undefined}
    />
  );
}
