import "server-only";
import { appStore } from "@/lib/auth/app-store";
import type { BulkEvent } from "@/lib/domain/bulk";
import { BulkRequest } from "@/lib/domain/contract/bulk";
import { appError, type AppError } from "@/lib/errors";
import { isReadOnlyRole } from "@/lib/domain/user";
import type { AgentContext } from "@/lib/server/agent-action";
import { invalidInput } from "@/lib/server/invalid-input";
import type { Result } from "@/lib/result";
import { errorResponse } from "@/lib/server/error-response";
import { logger } from "@/lib/server/logger";
import { requestIdFrom } from "@/lib/server/request-id";
import { BULK_REFUSAL, runBulk } from "./bulk";

const MAX_BODY_CHARS = 64_000;

/**
 * `POST /api/{account}/bulk`: a bulk change (or its undo) answered as NDJSON, one `BulkEvent` a line
 * as the rows are written, so the list shows each row's progress. A route rather than a server
 * action because an action answers once. Same origin only, like every write (the session cookie
 * would ride along with another site's form). The change runs to its end even when the tab goes:
 * its undo is recorded before the first write. The route passes the session reader in: importing it
 * here would tie this entry (which `npm run mcp` also loads) to Next's request scope.
 */
export async function bulkResponse(request: Request, account: string, agentContext: () => Promise<Result<AgentContext, AppError>>): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const fail = (error: AppError) => errorResponse({ ...error, requestId });
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return fail(appError("forbidden", "Bulk changes are made from the Desk's own pages only."));
  const ctx = await agentContext();
  if (!ctx.ok) return fail(ctx.error);
  if (account !== ctx.value.agent.accountDomain) return fail(appError("not_found", "No such account."));
  if (isReadOnlyRole(ctx.value.agent.role)) return fail(BULK_REFUSAL);
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return fail(appError("invalid_input", "Too many tickets at once."));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail(appError("invalid_input", "The bulk change is not JSON."));
  }
  const parsed = BulkRequest.safeParse(raw);
  if (!parsed.success) return fail(invalidInput(parsed.error));
  const { db } = await appStore();
  const encoder = new TextEncoder();
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const emit = (event: BulkEvent) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          open = false;
        }
      };
      runBulk({ db, ...ctx.value }, parsed.data, emit)
        .catch((error: unknown) => {
          logger.error({ err: error, requestId, route: "bulk", account }, "bulk change failed");
          emit({ type: "error", message: "Something went wrong on our side.", requestId });
        })
        .finally(() => {
          if (open) controller.close();
          open = false;
        });
    },
    cancel() {
      open = false;
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "private, no-store", "X-Request-Id": requestId, "X-Accel-Buffering": "no" } });
}
