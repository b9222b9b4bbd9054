import type { Integration } from "@/lib/domain/integration";
import type { Macro } from "@/lib/domain/macro";
import type { Tag } from "@/lib/domain/tag";
import type { Team } from "@/lib/domain/team";
import type { User } from "@/lib/domain/user";
import type { View } from "@/lib/domain/view";
import { ok, type Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import { collectAll } from "./pagination";
import type { Transport, CallOptions } from "./request";
import { integrationsApi } from "./integrations";
import { macrosApi } from "./macros";
import { tagsApi } from "./tags";
import { teamsApi } from "./teams";
import { usersApi } from "./users";
import { viewsApi } from "./views";

/**
 * Reference data (users, teams, tags, views, integrations) changes rarely but is needed on every screen;
 * re-reading it would spend the account's shared budget (docs/safety.md#shared-budget). Successful reads are kept
 * for a TTL per account; failures are never cached. Views are kept per credential because a
 * private view is visible only to its owner.
 */
export const REFERENCE_TTL_MS = 10 * 60_000;

/** How many macros the picker suggests for a ticket. */
export const SUGGESTED_MACROS = 3;

export type ReferenceKind = "users" | "teams" | "tags" | "views" | "integrations";

interface Entry {
  readonly at: number;
  readonly value: Promise<Result<unknown[], GorgiasError>>;
}

// On globalThis for the same reason as the budget registry (budget.ts): one cache per process, not per bundle.
const cache: Map<string, Entry> = ((globalThis as { __gorgiasDeskReference?: Map<string, Entry> }).__gorgiasDeskReference ??= new Map());

export interface ReferenceScope {
  readonly accountKey: string;
  readonly credentialId: string;
  readonly now?: () => number;
  readonly ttlMs?: number;
}

export function referenceApi(send: Transport, scope: ReferenceScope) {
  const now = scope.now ?? Date.now;
  const ttl = scope.ttlMs ?? REFERENCE_TTL_MS;
  const users = usersApi(send);
  const teams = teamsApi(send);
  const tags = tagsApi(send);
  const views = viewsApi(send);
  const integrations = integrationsApi(send);
  const macros = macrosApi(send);
  const keyOf = (kind: ReferenceKind) => `${scope.accountKey}|${kind}${kind === "views" ? `|${scope.credentialId}` : ""}`;

  function cached<T>(kind: ReferenceKind, load: () => Promise<Result<T[], GorgiasError>>): Promise<Result<T[], GorgiasError>> {
    return cachedAt(keyOf(kind), load);
  }

  function cachedAt<T>(key: string, load: () => Promise<Result<T[], GorgiasError>>): Promise<Result<T[], GorgiasError>> {
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttl) return hit.value as Promise<Result<T[], GorgiasError>>;
    // The promise is stored at once so concurrent first readers share one load.
    const value = load().then((r) => {
      if (!r.ok && cache.get(key)?.value === value) cache.delete(key);
      return r;
    });
    cache.set(key, { at: now(), value });
    return value;
  }

  const refresh = (o?: CallOptions): CallOptions => ({ priority: "refresh", ...o });
  return {
    users: (o?: CallOptions) => cached<User>("users", () => collectAll((cursor) => users.list({ cursor, limit: 100 }, refresh(o)))),
    teams: (o?: CallOptions) => cached<Team>("teams", () => collectAll((cursor) => teams.list({ cursor, limit: 100 }, refresh(o)))),
    tags: (o?: CallOptions) => cached<Tag>("tags", () => collectAll((cursor) => tags.list({ cursor, limit: 100 }, refresh(o)))),
    views: (o?: CallOptions) => cached<View>("views", () => collectAll((cursor) => views.list({ cursor, limit: 100 }, refresh(o)))),
    /** The account's integrations: which e-mail address a reply leaves from (docs/safety.md#reply-from). */
    integrations: (o?: CallOptions) => cached<Integration>("integrations", () => collectAll((cursor) => integrations.list({ cursor, limit: 100 }, refresh(o)))),
    /**
     * The few macros Gorgias ranks most relevant to a ticket, read once per ticket per TTL: the
     * macro picker opens many times while an agent works a ticket (docs/safety.md#shared-budget).
     */
    suggestedMacros: (ticketId: number, o?: CallOptions) => {
      const prefix = `${scope.accountKey}|macros-for|`;
      // Per-ticket keys would pile up: expired ones go whenever a new ticket is asked about.
      if (!cache.has(`${prefix}${ticketId}`)) for (const [key, e] of cache) if (key.startsWith(prefix) && now() - e.at >= ttl) cache.delete(key);
      return cachedAt<Macro>(`${prefix}${ticketId}`, async () => {
        const page = await macros.suggested(ticketId, SUGGESTED_MACROS, { priority: "read", ...o });
        return page.ok ? ok([...page.value.items]) : page;
      });
    },
    /** After a write that changes reference data (e.g. a new tag was created by adding it). */
    invalidate: (kind: ReferenceKind) => {
      if (kind === "views") {
        for (const key of cache.keys()) if (key.startsWith(`${scope.accountKey}|views`)) cache.delete(key);
      } else cache.delete(keyOf(kind));
    },
  };
}

/** Tests only. */
export function clearReferenceCache(): void {
  cache.clear();
}
