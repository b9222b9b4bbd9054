/**
 * Keeps an email frame as tall as its content (docs/safety.md#email-frame-height). The frame runs
 * no script; it shares the app's origin only so that this code, in the parent, can read its layout.
 * It re-measures when the frame's width or content changes (a resize, the theme, a late image).
 */

/** A ceiling against runaway layouts; a real email, even shown whole, is far shorter. */
const FRAME_MAX_PX = 40_000;

/** The height the frame needs so nothing is clipped and nothing is left blank below. */
function contentHeight(doc: Document): number {
  const root = doc.documentElement;
  const body = doc.body;
  if (!body) return 0;
  // The root's own box, not its scrollHeight, which never drops below the frame's current height.
  const content = Math.max(root.getBoundingClientRect().height, body.scrollHeight);
  // A wide table gives the frame a horizontal scrollbar, which takes height from its viewport.
  const view = doc.defaultView;
  const scrollbar = view ? Math.max(0, view.innerHeight - root.clientHeight) : 0;
  return Math.min(FRAME_MAX_PX, Math.ceil(content + scrollbar));
}

function loaded(frame: HTMLIFrameElement): Document | null {
  const doc = frame.contentDocument;
  // Before its srcdoc is parsed the frame holds an empty about:blank document.
  return doc && doc.URL === "about:srcdoc" && doc.readyState === "complete" && doc.body ? doc : null;
}

/** Starts measuring `frame`; `onHeight` gets each new height. Returns the stop function. */
export function fitFrame(frame: HTMLIFrameElement, onHeight: (px: number) => void): () => void {
  let stopDoc: (() => void) | null = null;
  const watch = () => {
    stopDoc?.();
    const doc = loaded(frame);
    if (!doc) return;
    const measure = () => onHeight(contentHeight(doc));
    // The parent's ResizeObserver sees the frame document's boxes: same origin, no script inside.
    const observer = new ResizeObserver(measure);
    observer.observe(doc.documentElement);
    observer.observe(frame);
    // An image that loads inside a fixed-size box changes no box the observer watches.
    doc.addEventListener("load", measure, true);
    measure();
    stopDoc = () => {
      observer.disconnect();
      doc.removeEventListener("load", measure, true);
    };
  };
  // A new srcdoc replaces the document; the server-rendered frame may have loaded before hydration.
  frame.addEventListener("load", watch);
  watch();
  return () => {
    frame.removeEventListener("load", watch);
    stopDoc?.();
  };
}
