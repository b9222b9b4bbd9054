import "server-only";

/** How often an open stream looks at the feed's health (memoised per desk, so this is cheap). */
const CHECK_MS = 2_000;
/** How long the feed must have stopped before tabs are told: a slow poll or a busy moment is not an outage. */
const STALL_AFTER_MS = 15_000;

export type Attachment = (send: (event: string, data: unknown) => void) => Promise<() => void>;

/**
 * Tells a browser when the account's change feed stops (or resumes) reading Gorgias: while it is
 * stopped no pushes can come, so the browser's lists must ask for themselves (and will meet the
 * outage, and say so). A stop is told once it has lasted `stallAfterMs`, and only once the feed was
 * seen live on this stream (a feed still starting is not an outage); its end at the first live check.
 */
export function feedWatch(feedLive: () => Promise<boolean>, checkMs = CHECK_MS, stallAfterMs = STALL_AFTER_MS): Attachment {
  return async (send) => {
    let seenLive = false;
    let stalled = false;
    let notLiveSince: number | null = null;
    const timer = setInterval(() => {
      void feedLive().then((live) => {
        const now = Date.now();
        if (live) {
          seenLive = true;
          notLiveSince = null;
          if (stalled) {
            stalled = false;
            send("feed", { live: true });
          }
          return;
        }
        if (!seenLive || stalled) return;
        notLiveSince ??= now;
        if (now - notLiveSince >= stallAfterMs) {
          stalled = true;
          send("feed", { live: false });
        }
      });
    }, checkMs);
    timer.unref?.();
    return () => clearInterval(timer);
  };
}

/** Several attachments on one stream, stopped together. */
export function attachAll(...attachments: readonly Attachment[]): Attachment {
  return async (send) => {
    const stops = await Promise.all(attachments.map((attach) => attach(send)));
    return () => stops.forEach((stop) => stop());
  };
}
