/**
 * The iframe that shows an email. No `allow-scripts`: script cannot run even if the sanitizer is
 * bypassed, and the document's own CSP forbids it too. `allow-same-origin` without `allow-scripts`
 * lets only the app's code read the frame's layout to fit its height; nothing inside can run to use
 * that origin (docs/safety.md#email-frame-height).
 * `allow-popups` + `allow-popups-to-escape-sandbox` let links open a normal new tab.
 * Pure constants, so the component that renders the frame and the server that builds its document
 * share one definition.
 */
export const EMAIL_IFRAME_SANDBOX = "allow-same-origin allow-popups allow-popups-to-escape-sandbox";
export const EMAIL_IFRAME_REFERRER_POLICY = "no-referrer";
