/**
 * The iframe that shows an email. No `allow-scripts`: script cannot run even if the sanitizer is
 * bypassed. No `allow-same-origin`: the frame gets an opaque origin, so nothing in it can reach
 * the app's cookies, storage or DOM (the price is that the parent cannot measure its height).
 * `allow-popups` + `allow-popups-to-escape-sandbox` let links open a normal new tab.
 * Pure constants, so the component that renders the frame and the server that builds its document
 * share one definition.
 */
export const EMAIL_IFRAME_SANDBOX = "allow-popups allow-popups-to-escape-sandbox";
export const EMAIL_IFRAME_REFERRER_POLICY = "no-referrer";
