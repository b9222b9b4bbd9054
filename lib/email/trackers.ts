/**
 * Tracking-pixel heuristics. A tracker is removed outright (never just blocked) because loading it
 * tells the sender that, when and from which IP an agent read the mail, and an agent who clicks
 * "load images" is asking for pictures, not for that.
 *
 * The host list is deliberately small and suffix-matched; it catches the common ESP open-trackers.
 * Shape rules (1×1, hidden) catch the rest regardless of host.
 */

const TRACKER_HOST_SUFFIXES: readonly string[] = [
  "mailtrack.io",
  "mltrk.io",
  "mailfoogae.appspot.com", // Streak
  "t.yesware.com",
  "app.yesware.com",
  "track.hubspot.com",
  "t.hubspotemail.net",
  "t.hubspotfree.net",
  "t.sidekickopen01.com",
  "hubspotlinks.com",
  "bl-1.com", // Bananatag
  "getnotify.com",
  "emltrk.com",
  "r.superhuman.com",
  "track.mixmax.com",
  "email.mixmax.com",
  "mandrillapp.com",
  "ct.sendgrid.net",
  "open.convertkit-mail.com",
  "pixel.mailerlite.com",
  "track.customer.io",
  "pixel.app.returnpath.net",
  "mailstat.us",
  "opens.responder.co.il",
  "trk.klclick.com",
];

// Path shapes used by ESP open-trackers whose host is the sender's own click domain.
const TRACKER_PATH =
  /\/(?:track\/open|wf\/open|e\/o\/|open\.php|open\.aspx|trackopen|pixel(?:\.gif|\.png)?|beacon(?:\.gif)?|t\.gif)(?:$|[/?.])/i;

export function isTrackerUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const knownHost = TRACKER_HOST_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
  return knownHost || TRACKER_PATH.test(url.pathname);
}

function dimension(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^(\d+(?:\.\d+)?)(?:px)?$/i.exec(value.trim());
  return match?.[1] === undefined ? null : Number(match[1]);
}

// Inline-style tricks for a pixel nobody sees: hidden, transparent or shrunk to ≤1px.
const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0*(?:\.0+)?\s*(?:!important\s*)?(?:;|$)|(?:max-)?(?:width|height)\s*:\s*[01](?:\.0+)?(?:px)?\s*(?:!important\s*)?(?:;|$))/i;

/** A remote image that exists only to be fetched: 1×1 (or 0-sized), hidden by CSS, or on a known tracker. */
export function isTrackingPixel(url: URL, attribs: Readonly<Record<string, string>>): boolean {
  if (isTrackerUrl(url)) return true;
  const width = dimension(attribs.width);
  const height = dimension(attribs.height);
  if ((width !== null && width <= 1) || (height !== null && height <= 1)) return true;
  return HIDDEN_STYLE.test(attribs.style ?? "");
}
