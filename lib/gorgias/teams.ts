import type { Page } from "@/lib/domain/page";
import type { Team } from "@/lib/domain/team";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { listOf } from "./wire/common";
import { team } from "./wire/team";

const teamList = listOf(team);

export function teamsApi(send: Transport) {
  return {
    list: (q: { readonly cursor?: string | null; readonly limit?: number } = {}, o?: CallOptions): Promise<Result<Page<Team>, GorgiasError>> =>
      send({ method: "GET", path: "/teams", query: { cursor: q.cursor, limit: q.limit }, schema: teamList }, o),
  };
}
