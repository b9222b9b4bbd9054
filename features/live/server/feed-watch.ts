import "server-only";

/** How often an open stream looks at the feed's health (memoised per desk, so this is cheap). */
const CHECK_MS = 2_000;

export type Attachment = (send: (event: string, data: unknown) => void) => Promise<() => void>;

/**
 * Tells a browser when the account's change feed stops (or resumes) reading Gorgias: while it is
 * stopped no pushes can come, so the browser's lists must ask for themselves (and will meet the
 * outage, and say so). Sent only on a change that held for two checks in a row, so one slow poll
 * does not make every tab re-read, and only once the feed was seen live on this stream: a feed still
 * starting (no tab had kept it running) is not an outage.
 */
export function feedWatch(feedLive: () => Promise<boolean>, checkMs = CHECK_MS): Attachment {
  return async (send) => {
    let reported: boolean | null = null;
    let pending: boolean | null = null;
    const timer = setInterval(() => {
      void feedLive().then((live) => {
        if (reported === null) reported = live ? true : null;
        else if (live === reported) pending = null;
        else if (pending === live) {
          reported = live;
          pending = null;
          send("feed", { live });
        } else pending = live;
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
