import type { Integration } from "@/lib/domain/integration";
import type { Page } from "@/lib/domain/page";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { listOf } from "./wire/common";
import { integration } from "./wire/integration";

const integrationList = listOf(integration);

export function integrationsApi(send: Transport) {
  return {
    list: (q: { readonly type?: string; readonly cursor?: string | null; readonly limit?: number } = {}, o?: CallOptions): Promise<Result<Page<Integration>, GorgiasError>> =>
      send({ method: "GET", path: "/integrations", query: { type: q.type, cursor: q.cursor, limit: q.limit }, schema: integrationList }, o),
  };
}
