import "server-only";
import type { CustomerMatch } from "@/lib/domain/contract/responses";
import { looksLikeEmail } from "@/lib/domain/inbox-plan";
import { fromUpstream, type AppError } from "@/lib/errors";
import type { GorgiasClient } from "@/lib/gorgias";
import { err, ok, type Result } from "@/lib/result";

const MAX_MATCHES = 10;

/**
 * Gorgias's customer list filters by exact e-mail only; for a name we run the helpdesk's own
 * search (`PUT /views/0/items`, which matches customer names) and keep the distinct customers
 * whose name or e-mail contains the text. One request either way.
 */
export async function findCustomers(gorgias: GorgiasClient, text: string): Promise<Result<{ items: CustomerMatch[] }, AppError>> {
  if (looksLikeEmail(text)) {
    const page = await gorgias.customers.list({ email: text.trim().toLowerCase(), limit: MAX_MATCHES }, { priority: "read" });
    if (!page.ok) return err(fromUpstream(page.error));
    return ok({ items: page.value.items.map((c) => ({ id: c.id, email: c.email, name: c.name, firstname: c.firstname })) });
  }
  const page = await gorgias.views.search({ filters: "", search: text, limit: 100 }, { priority: "read" });
  if (!page.ok) return err(fromUpstream(page.error));
  const needle = text.trim().toLowerCase();
  const byId = new Map<number, CustomerMatch>();
  for (const t of page.value.items) {
    const c = t.customer;
    if (!c || byId.has(c.id)) continue;
    if (!(c.name ?? "").toLowerCase().includes(needle) && !(c.email ?? "").toLowerCase().includes(needle)) continue;
    byId.set(c.id, { id: c.id, email: c.email, name: c.name, firstname: null });
  }
  return ok({ items: [...byId.values()].slice(0, MAX_MATCHES) });
}
