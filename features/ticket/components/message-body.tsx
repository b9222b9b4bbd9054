"use client";

import { useQuery } from "@tanstack/react-query";
import { ImageIcon } from "lucide-react";
import { useState } from "react";
import type { EmailTheme, ThreadBody, ThreadMessage } from "@/lib/domain/ticket-thread";
import { messageBodyWithImagesQuery } from "@/features/ticket/client/queries";
import { EmailFrame } from "./email-frame";
import { remoteImagesLabel } from "./message-presentation";

interface MessageBodyProps {
  account: string;
  ticketId: number;
  message: ThreadMessage;
  theme: EmailTheme;
  frameTitle: string;
}

const linkButton = "rounded text-xs font-medium text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300";

/** The body as the server prepared it; quoted history folded, remote images only on request. */
export function MessageBody({ account, ticketId, message, theme, frameTitle }: MessageBodyProps) {
  const [expanded, setExpanded] = useState(false);
  const [wantImages, setWantImages] = useState(false);
  const withImages = useQuery({ ...messageBodyWithImagesQuery(account, ticketId, message.id, theme), enabled: wantImages });
  const body: ThreadBody = wantImages && withImages.data ? withImages.data.body : message.body;
  const hasMore = body.full !== null;
  const imagesLabel = body.format === "html" && !body.imagesAllowed ? remoteImagesLabel(body.remoteImages) : null;

  return (
    <div className="flex flex-col gap-2">
      {body.format === "text" ? (
        <div className="text-sm leading-relaxed break-words whitespace-pre-wrap text-zinc-900 dark:text-zinc-100" data-testid="message-text">
          {expanded && body.full !== null ? body.full : body.main}
        </div>
      ) : (
        <EmailFrame frame={expanded && body.full ? body.full : body.main} title={frameTitle} />
      )}
      {body.format === "html" && body.fallbackToText && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">This email was too large or complex to display as sent; showing its text.</p>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {hasMore && (
          <button type="button" className={linkButton} aria-expanded={expanded} onClick={() => setExpanded((v) => !v)}>
            {expanded ? "Hide quoted text" : message.hasSignature && !message.hasQuotedHistory ? "Show signature" : "Show quoted text"}
          </button>
        )}
        {imagesLabel && (
          <button type="button" className={`${linkButton} inline-flex items-center gap-1`} onClick={() => setWantImages(true)} disabled={withImages.isFetching}>
            <ImageIcon aria-hidden size={14} />
            {withImages.isFetching ? "Loading images…" : imagesLabel}
          </button>
        )}
        {body.format === "html" && body.trackingPixels > 0 && (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            {body.trackingPixels === 1 ? "1 tracking pixel blocked" : `${body.trackingPixels} tracking pixels blocked`}
          </span>
        )}
        {withImages.isError && (
          <span role="alert" className="text-xs text-red-700 dark:text-red-300">
            Couldn&apos;t load images: {withImages.error.message}
          </span>
        )}
      </div>
    </div>
  );
}
