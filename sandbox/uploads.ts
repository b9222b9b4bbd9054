import { randomUUID } from "node:crypto";
import { ApiError } from "./http/errors.js";

// `POST /api/upload` (reference §12): multipart files in, file descriptors out. The bytes are kept
// in memory only (a restart forgets them; their URLs then answer 404), served under
// `/{domain}/files/uploads/…`. Limits are the sandbox's choice (sandbox/README.md, choice 29).

export const UPLOAD_LIMITS = {
  /** Per file, in bytes (10 MB). */
  fileBytes: 10_000_000,
  /** Files in one request. */
  files: 10,
  /** The whole request body: 20 MB of files plus multipart overhead. */
  requestBytes: 21_000_000,
} as const;

export interface UploadedFile {
  readonly url: string;
  readonly name: string;
  readonly content_type: string;
  readonly size: number;
  readonly bytes: Buffer;
}

interface Part {
  readonly name: string | null;
  readonly filename: string | null;
  readonly contentType: string | null;
  readonly body: Buffer;
}

const MSG = "Failed to upload files";

/** RFC 7578 multipart/form-data, enough for browsers' and fetch's FormData. */
export function parseMultipart(body: Buffer, contentType: string | undefined): Part[] {
  const boundary = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
  const token = boundary?.[1] ?? boundary?.[2];
  if (!token) throw new ApiError(400, MSG, { _schema: ["The body must be multipart/form-data with a boundary."] });
  const delimiter = Buffer.from(`--${token}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw new ApiError(400, MSG, { _schema: ["The multipart body has no parts."] });
  for (;;) {
    at += delimiter.length;
    // `--` after a delimiter closes the body.
    if (body[at] === 0x2d && body[at + 1] === 0x2d) break;
    const headerEnd = body.indexOf("\r\n\r\n", at);
    const next = body.indexOf(delimiter, at);
    if (headerEnd < 0 || next < 0 || headerEnd > next) throw new ApiError(400, MSG, { _schema: ["The multipart body is malformed."] });
    const headers = body.subarray(at, headerEnd).toString("utf8");
    // The part's content ends with the CRLF that precedes the next delimiter.
    const content = body.subarray(headerEnd + 4, next - 2);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    const field = (key: string) => new RegExp(`\\b${key}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(disposition)?.[1]?.replace(/\\(.)/g, "$1") ?? null;
    parts.push({
      name: field("name"),
      filename: field("filename"),
      contentType: /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim().toLowerCase() ?? null,
      body: content,
    });
    at = next;
  }
  return parts;
}

const megabytes = (n: number) => `${Math.round(n / 100_000) / 10} MB`;

/** Files of a parsed upload, checked against the limits; nothing is stored when one fails. */
export function filesOf(parts: readonly Part[]): { name: string; content_type: string; bytes: Buffer }[] {
  const files = parts.filter((p) => p.filename !== null);
  if (files.length === 0) throw new ApiError(400, MSG, { file: ["No file was sent."] });
  if (files.length > UPLOAD_LIMITS.files) throw new ApiError(400, MSG, { file: [`At most ${UPLOAD_LIMITS.files} files per upload.`] });
  return files.map((f) => {
    const name = (f.filename ?? "").split(/[\\/]/).pop()?.trim() ?? "";
    if (!name) throw new ApiError(400, MSG, { file: ["A file has no name."] });
    if (f.body.length > UPLOAD_LIMITS.fileBytes) {
      throw new ApiError(413, `File too large: ${name} is ${megabytes(f.body.length)}, the limit is ${megabytes(UPLOAD_LIMITS.fileBytes)} per file.`);
    }
    return { name, content_type: f.contentType ?? "application/octet-stream", bytes: f.body };
  });
}

/** Uploaded files of every account, served at `/{domain}/files/uploads/{id}/{name}` (found by domain and id). */
export class UploadStore {
  private readonly files = new Map<string, UploadedFile>();

  add(domain: string, file: { name: string; content_type: string; bytes: Buffer }): UploadedFile {
    const id = randomUUID();
    const url = `/${domain}/files/uploads/${id}/${encodeURIComponent(file.name)}`;
    const stored: UploadedFile = { url, name: file.name, content_type: file.content_type, size: file.bytes.length, bytes: file.bytes };
    this.files.set(`${domain}/${id}`, stored);
    return stored;
  }

  get(domain: string, id: string): UploadedFile | undefined {
    return this.files.get(`${domain}/${id}`);
  }

  clear(): void {
    this.files.clear();
  }
}
