import { ApiError } from "../http/errors.js";
import { parseQuery } from "../http/query.js";
import type { RequestContext, Router } from "../http/router.js";
import { filesOf, parseMultipart } from "../uploads.js";

/** POST /api/upload: every file part is stored; the answer lists their descriptors, in order. */
function upload(ctx: RequestContext) {
  parseQuery(ctx.query, {});
  if (!ctx.upload) throw new ApiError(400, "Failed to upload files", { _schema: ["The body must be multipart/form-data."] });
  const files = filesOf(parseMultipart(ctx.upload.bytes, ctx.upload.contentType));
  const stored = files.map((f) => ctx.state.uploads.add(ctx.store.domain, f));
  return { status: 201, body: stored.map((f) => ({ url: `${ctx.origin}${f.url}`, name: f.name, content_type: f.content_type, size: f.size })) };
}

export function uploadRoutes(router: Router): void {
  router.add("POST", "/api/upload", upload);
}
