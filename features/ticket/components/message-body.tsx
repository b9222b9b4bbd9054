"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ImageIcon } from "lucide-react";
import { useState } from "react";
import type { EmailTheme, ThreadBody, ThreadMessage } from "@/lib/domain/ticket-thread";
import { messageBodyQuery } from "@/features/ticket/client/queries";
import { EmailFrame } from "./email-frame";
import { previewLabel, remoteImagesLabel } from "./message-presentation";

interface MessageBodyProps {
  account: string;
  ticketId: number;
  message: ThreadMessage;
  theme: EmailTheme;
  frameTitle: string;
}

const linkButton = "rounded text-xs font-medium text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300";

/**
 * The body as the server prepared it; quoted history folded, remote images only on request, and a
 * long body as a preview until the agent asks for all of it.
 */
export function MessageBody({ account, ticketId, message, theme, frameTitle }: MessageBodyProps) {
  const [expanded, setExpanded] = useState(false);
  const [wantImages, setWantImages] = useState(false);
  const [wantAll, setWantAll] = useState(false);
  const asked = wantImages || wantAll;
  // Asking for more keeps the last answer on screen until the new one arrives.
  const requested = useQuery({
    ...messageBodyQuery(account, ticketId, message.id, theme, { images: wantImages, all: wantAll }),
    enabled: asked,
    placeholderData: keepPreviousData,
  });
  const body: ThreadBody = asked && requested.data ? requested.data.body : message.body;
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
      {body.preview && <p className="text-xs text-zinc-600 dark:text-zinc-400">{previewLabel(body.preview)}</p>}
      {body.format === "html" && body.truncated && !body.preview && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">This email is longer than the Desk displays; its end is not shown.</p>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {hasMore && (
          <button type="button" className={linkButton} aria-expanded={expanded} onClick={() => setExpanded((v) => !v)}>
            {expanded ? "Hide quoted text" : message.hasSignature && !message.hasQuotedHistory ? "Show signature" : "Show quoted text"}
          </button>
        )}
        {body.preview && (
          <button type="button" className={linkButton} onClick={() => setWantAll(true)} disabled={wantAll && requested.isFetching}>
            {wantAll && requested.isFetching ? "Loading all…" : "Show all"}
          </button>
        )}
        {imagesLabel && (
          <button type="button" className={`${linkButton} inline-flex items-center gap-1`} onClick={() => setWantImages(true)} disabled={wantImages && requested.isFetching}>
            <ImageIcon aria-hidden size={14} />
            {wantImages && requested.isFetching ? "Loading images…" : imagesLabel}
          </button>
        )}
        {body.format === "html" && body.trackingPixels > 0 && (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            {body.trackingPixels === 1 ? "1 tracking pixel blocked" : `${body.trackingPixels} tracking pixels blocked`}
          </span>
        )}
        {requested.isError && (
          <span role="alert" className="text-xs text-red-700 dark:text-red-300">
            Couldn&apos;t load {wantAll ? "the whole message" : "images"}: {requested.error.message}
          </span>
        )}
      </div>
    </div>
  );
}
