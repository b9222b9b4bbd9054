import type { SanitizedHtml } from "./sanitize";

import { EMAIL_IFRAME_REFERRER_POLICY, EMAIL_IFRAME_SANDBOX } from "@/lib/domain/email-frame";

export { EMAIL_IFRAME_REFERRER_POLICY, EMAIL_IFRAME_SANDBOX };

/** Spread onto the `<iframe>` together with `srcDoc={buildEmailDocument(...)}`. */
export const EMAIL_IFRAME_PROPS = {
  sandbox: EMAIL_IFRAME_SANDBOX,
  referrerPolicy: EMAIL_IFRAME_REFERRER_POLICY,
} as const;

export type EmailTheme = "light" | "dark";

export type EmailDocumentOptions = {
  readonly theme: EmailTheme;
  /** Must match the `allowRemoteImages` the HTML was sanitized with. */
  readonly allowRemoteImages?: boolean;
  /** The sanitizer's `inlineSources`: the attachments its `cid:` images show. */
  readonly inlineSources?: readonly string[];
};

/**
 * The frame's own policy, fixed at parse time (it comes before any content). It is enforced by the
 * browser, so even markup the sanitizer misjudged cannot fetch, submit or navigate the frame.
 */
export function emailContentSecurityPolicy(allowRemoteImages: boolean, inlineSources: readonly string[] = []): string {
  // A `cid:` image left unresolved has no source at all (lib/email/inline-images.ts): no scheme for it here.
  const imgSrc = allowRemoteImages ? "data: https:" : ["data:", ...inlineSources].join(" ");
  return [
    "default-src 'none'",
    `img-src ${imgSrc}`,
    "style-src 'unsafe-inline'",
    "font-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const THEMES: Readonly<Record<EmailTheme, { scheme: string; text: string; background: string; link: string; muted: string }>> = {
  light: { scheme: "light", text: "#1f2328", background: "#ffffff", link: "#0b57d0", muted: "#59636e" },
  dark: { scheme: "dark", text: "#e6edf3", background: "#0d1117", link: "#7cb7ff", muted: "#9198a1" },
};

function stylesheet(theme: EmailTheme): string {
  const colours = THEMES[theme];
  return [
    `:root{color-scheme:${colours.scheme}}`,
    `html,body{margin:0;padding:0;background:${colours.background};color:${colours.text}}`,
    // flow-root: the body's box holds its floats and its children's margins, so it measures the whole content (fit-frame.ts).
    "body{display:flow-root;padding:12px 16px;font:14px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;overflow-wrap:anywhere;word-wrap:break-word}",
    "img,video{max-width:100%;height:auto}",
    "table{max-width:100%}",
    "pre{white-space:pre-wrap}",
    `a{color:${colours.link}}`,
    `blockquote{margin:0 0 0 .5em;padding-left:.75em;border-left:3px solid ${colours.muted};color:${colours.muted}}`,
    // Blocked remote images keep their box so the layout does not collapse, marked as a placeholder.
    `img[data-remote-src]{display:inline-block;min-width:16px;min-height:16px;outline:1px dashed ${colours.muted}}`,
    // An inline image whose part is missing: its alt text in a quiet box instead of a broken icon.
    `img[data-inline-missing]{display:inline-block;padding:2px 6px;border:1px dashed ${colours.muted};border-radius:4px;color:${colours.muted};font-size:12px}`,
  ].join("\n");
}

/** The complete `srcdoc` for one message. */
export function buildEmailDocument(sanitizedHtml: SanitizedHtml, options: EmailDocumentOptions): string {
  const csp = emailContentSecurityPolicy(options.allowRemoteImages === true, options.inlineSources);
  return [
    "<!doctype html>",
    '<html><head><meta charset="utf-8">',
    // First element after charset: nothing may be fetched before the policy is in force.
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    `<meta name="color-scheme" content="${THEMES[options.theme].scheme}">`,
    '<base target="_blank">',
    `<style>${stylesheet(options.theme)}</style>`,
    "</head><body>",
    sanitizedHtml,
    "</body></html>",
  ].join("");
}
