import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY = 5 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * The raw body, up to `max` bytes. A larger body is read to its end (so the client still gets an
 * answer) but not kept: `tooLarge`.
 */
export function readRaw(req: IncomingMessage, max: number): Promise<{ bytes: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > max ? { bytes: Buffer.alloc(0), tooLarge: true } : { bytes: Buffer.concat(chunks), tooLarge: false }));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const empty = body === undefined;
  const payload = empty ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...(empty ? {} : { "Content-Type": "application/json" }),
    "Content-Length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

export function sendRaw(res: ServerResponse, status: number, contentType: string, payload: string | Buffer, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? "") : all;
  }
  return out;
}

// Unref'd so a pending fault delay never keeps a closing process alive.
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

// Real Gorgias answers a non-existent subdomain with an HTML (Flask) 404 page, not JSON.
export const UNKNOWN_ACCOUNT_HTML = `<!doctype html>
<html lang=en>
<title>404 Not Found</title>
<h1>Not Found</h1>
<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>
`;
