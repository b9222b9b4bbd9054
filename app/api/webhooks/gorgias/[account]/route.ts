import { getDb, webhookSecretMatches } from "@/lib/db";
import { AccountDomain } from "@/lib/domain/contract/ids";
import { WEBHOOK_SECRET_HEADER, WebhookBody, webhookHint } from "@/lib/domain/contract/webhook";
import { appError } from "@/lib/errors";
import { errorResponse } from "@/lib/server/error-response";
import { logger } from "@/lib/server/logger";
import { requestIdFrom } from "@/lib/server/request-id";
import { liveDesk } from "@/features/live/server";

const MAX_BODY_BYTES = 1_000_000;

/**
 * Gorgias HTTP integrations deliver here (`npm run setup:webhooks` creates them). Authenticated by
 * the account's secret in a header, compared in constant time; answered at once; the body is only
 * a hint — the ticket is re-read with a key, and a repeated delivery is handled once.
 */
export async function POST(request: Request, context: RouteContext<"/api/webhooks/gorgias/[account]">): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const fail = (code: Parameters<typeof appError>[0], message: string) => errorResponse(appError(code, message, { requestId }));
  const account = AccountDomain.safeParse((await context.params).account);
  const secret = request.headers.get(WEBHOOK_SECRET_HEADER) ?? "";
  if (!account.success || secret === "") return fail("unauthenticated", "This webhook needs the account's secret.");
  const { db } = await getDb();
  if (!(await webhookSecretMatches(db, account.data, secret))) return fail("unauthenticated", "This webhook needs the account's secret.");

  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return fail("invalid_input", "The delivery is too large.");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return fail("invalid_input", "The delivery is too large.");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail("invalid_input", "The delivery is not JSON: configure the integration's body as {{context}} in JSON.");
  }
  const body = WebhookBody.safeParse(raw);
  if (!body.success) return fail("invalid_input", "The delivery does not name a ticket the way Gorgias does.");
  const hint = webhookHint(body.data);
  if (hint) {
    void liveDesk(account.data)
      .webhook([hint])
      .catch((error: unknown) => logger.error({ err: error, requestId, account: account.data }, "webhook delivery failed"));
  }
  return new Response(null, { status: 202, headers: { "Cache-Control": "no-store", "X-Request-Id": requestId } });
}
