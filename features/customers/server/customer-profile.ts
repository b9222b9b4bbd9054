import "server-only";
import { liveDesk } from "@/features/live/server";
import type { Customer } from "@/lib/domain/customer";
import type { CustomerProfile, CustomerStore } from "@/lib/domain/customer-store";
import { sharesReads } from "@/lib/domain/sharing";
import { fromUpstream, type AppError } from "@/lib/errors";
import { appUrlFor } from "@/lib/gorgias";
import { err, mapResult, ok, type Result } from "@/lib/result";
import type { AgentContext } from "@/lib/server/agent-action";

interface CustomerRecord {
  readonly customer: Customer;
  readonly stores: readonly CustomerStore[];
}

/**
 * The customer of a ticket's panel, whole: only `GET /customers/{id}` carries their channels and
 * store data (lists are compact). It is kept in the account's shared cache, so opening another
 * ticket of the same customer, or a colleague opening one, reads nothing from Gorgias for a while.
 * Agents whose role may not see every ticket keep their own entry (lib/domain/sharing.ts).
 */
export async function loadCustomerProfile({ agent, gorgias }: AgentContext, customerId: number): Promise<Result<CustomerProfile, AppError>> {
  const scope = sharesReads(agent.role) ? "account" : `user:${agent.gorgiasUserId}`;
  const read = async (): Promise<Result<CustomerRecord, AppError>> => {
    const r = await gorgias.customers.getWithStores(customerId, { priority: "read" });
    return r.ok ? ok(r.value) : err(fromUpstream(r.error));
  };
  const cached = await liveDesk(agent.accountDomain).cache.customer(scope, customerId, read);
  return mapResult(cached, ({ value, fetchedAt }) => ({
    customer: value.customer,
    stores: value.stores,
    gorgiasUrl: appUrlFor(gorgias.baseUrl, `customer/${customerId}`),
    readAt: new Date(fetchedAt).toISOString(),
  }));
}
