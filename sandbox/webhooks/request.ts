import type { HttpSettingsRec } from "../store/types.js";
import { renderString, renderValue, type TemplateContext } from "./template.js";

// Turns an HTTP integration's settings and one event's context into the request to send.

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

const LOOPBACK_HOSTS = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/i;

/**
 * The sandbox runs next to its tests on one machine, so it only ever calls that machine:
 * an http(s) URL whose host is loopback. Returns why a URL is refused, or null.
 */
export function loopbackError(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Not a valid URL.";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "Only http and https URLs can be called.";
  if (!LOOPBACK_HOSTS.test(parsed.hostname)) return "The sandbox only delivers to loopback addresses (localhost, 127.0.0.0/8, [::1]).";
  return null;
}

export function buildRequest(http: HttpSettingsRec, context: TemplateContext): OutgoingRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(http.headers)) headers[name] = renderString(value, context);
  let body: string | null = null;
  // GET and HEAD carry no body: their form is not sent.
  if (http.method !== "GET" && http.method !== "HEAD" && http.form !== null && http.form !== "") {
    const rendered = renderValue(http.form, context);
    if (typeof rendered === "string") body = rendered;
    else if (http.request_content_type === "application/json") body = JSON.stringify(rendered);
    else {
      const entries = Object.entries(rendered as Record<string, unknown>).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]);
      body = new URLSearchParams(entries).toString();
    }
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["Content-Type"] = http.request_content_type;
  }
  return { method: http.method, url: renderString(http.url, context), headers, body };
}
