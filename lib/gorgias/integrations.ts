import { z } from "zod";
import type { HttpIntegration, HttpIntegrationSpec, Integration } from "@/lib/domain/integration";
import type { Page } from "@/lib/domain/page";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { listOf } from "./wire/common";
import { httpIntegration, integration } from "./wire/integration";

const integrationList = listOf(integration);
// A `type` filter Gorgias may ignore: other integrations in the answer are skipped, not an error.
const httpIntegrationList = listOf(z.union([httpIntegration, z.object({ type: z.string() }).transform(() => null)])).transform(
  (page): Page<HttpIntegration> => ({ ...page, items: page.items.filter((i): i is HttpIntegration => i !== null) }),
);

const httpBody = (spec: HttpIntegrationSpec) => ({
  type: "http",
  name: spec.name,
  http: {
    url: spec.url,
    method: "POST",
    request_content_type: "application/json",
    headers: spec.headers,
    form: spec.form,
    triggers: Object.fromEntries(spec.triggers.map((t) => [t, true])),
  },
});

export function integrationsApi(send: Transport) {
  return {
    list: (q: { readonly type?: string; readonly cursor?: string | null; readonly limit?: number } = {}, o?: CallOptions): Promise<Result<Page<Integration>, GorgiasError>> =>
      send({ method: "GET", path: "/integrations", query: { type: q.type, cursor: q.cursor, limit: q.limit }, schema: integrationList }, o),
    /** HTTP integrations (webhooks) only; creating and changing them needs an admin's key. */
    listHttp: (q: { readonly cursor?: string | null; readonly limit?: number } = {}, o?: CallOptions): Promise<Result<Page<HttpIntegration>, GorgiasError>> =>
      send({ method: "GET", path: "/integrations", query: { type: "http", cursor: q.cursor, limit: q.limit }, schema: httpIntegrationList }, o),
    getHttp: (id: number, o?: CallOptions): Promise<Result<HttpIntegration, GorgiasError>> =>
      send({ method: "GET", path: `/integrations/${id}`, schema: httpIntegration }, o),
    createHttp: (spec: HttpIntegrationSpec, o?: CallOptions): Promise<Result<HttpIntegration, GorgiasError>> =>
      send({ method: "POST", path: "/integrations", body: httpBody(spec), schema: httpIntegration }, o),
    updateHttp: (id: number, spec: HttpIntegrationSpec, o?: CallOptions): Promise<Result<HttpIntegration, GorgiasError>> =>
      send({ method: "PUT", path: `/integrations/${id}`, body: httpBody(spec), schema: httpIntegration }, o),
  };
}
