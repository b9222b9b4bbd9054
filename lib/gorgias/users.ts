import type { Page } from "@/lib/domain/page";
import type { User, UserRole } from "@/lib/domain/user";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { listOf } from "./wire/common";
import { user } from "./wire/user";

export interface ListUsersQuery {
  readonly cursor?: string | null;
  readonly limit?: number;
  readonly email?: string;
  readonly search?: string;
  readonly roles?: readonly UserRole[];
  readonly orderBy?: "name:asc" | "name:desc" | "email:asc" | "email:desc" | "created_datetime:asc" | "created_datetime:desc";
}

const userList = listOf(user);

export function usersApi(send: Transport) {
  return {
    list: (q: ListUsersQuery = {}, o?: CallOptions): Promise<Result<Page<User>, GorgiasError>> =>
      send({ method: "GET", path: "/users", query: { cursor: q.cursor, limit: q.limit, email: q.email, search: q.search, roles: q.roles, order_by: q.orderBy }, schema: userList }, o),
    get: (id: number, o?: CallOptions): Promise<Result<User, GorgiasError>> => send({ method: "GET", path: `/users/${id}`, schema: user }, o),
    /** The user behind the API key (`/users/0`): the `sender` of this agent's replies. */
    current: (o?: CallOptions): Promise<Result<User, GorgiasError>> => send({ method: "GET", path: "/users/0", schema: user }, o),
  };
}
