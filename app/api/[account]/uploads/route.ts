import { NextResponse } from "next/server";
import { uploadAttachment } from "@/features/composer/server";
import { UploadedFileSchema } from "@/lib/domain/contract/responses";
import { appError, type AppError } from "@/lib/errors";
import { MAX_UPLOAD_REQUEST_BYTES } from "@/lib/security/request-guards";
import { agentContext } from "@/lib/server/agent-action";
import { errorResponse, NO_STORE } from "@/lib/server/error-response";
import { logger } from "@/lib/server/logger";
import { requestIdFrom } from "@/lib/server/request-id";

/**
 * One attachment from the composer (multipart, field `file`), passed to Gorgias's `POST /api/upload`
 * (docs/safety.md#attachments). The only body over 1 MB the Desk accepts: the proxy lets this path
 * through with its own limit, and the size is checked again on what actually arrived.
 */
export async function POST(request: Request, context: RouteContext<"/api/[account]/uploads">): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const fail = (error: AppError) => errorResponse({ ...error, requestId });
  try {
    // The session cookie would ride along with another site's form post: only our own pages upload.
    const site = request.headers.get("sec-fetch-site");
    if (site !== null && site !== "same-origin") return fail(appError("forbidden", "Files are attached from the Desk's own pages only."));
    const ctx = await agentContext();
    if (!ctx.ok) return fail(ctx.error);
    const { account } = await context.params;
    if (account !== ctx.value.agent.accountDomain) return fail(appError("not_found", "No such account."));
    if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_REQUEST_BYTES) {
      return fail(appError("invalid_input", "This file is too large to attach."));
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return fail(appError("invalid_input", "The file did not arrive whole. Try attaching it again."));
    }
    const file = form.get("file");
    if (!(file instanceof File)) return fail(appError("invalid_input", "No file was sent.", { fields: { file: ["No file was sent."] } }));
    const uploaded = await uploadAttachment(ctx.value, file);
    if (!uploaded.ok) return fail(uploaded.error);
    return NextResponse.json(UploadedFileSchema.parse(uploaded.value), { status: 201, headers: { ...NO_STORE, "X-Request-Id": requestId } });
  } catch (error) {
    logger.error({ err: error, requestId, route: "uploads" }, "attachment upload failed");
    return fail(appError("internal", "Something went wrong on our side."));
  }
}
