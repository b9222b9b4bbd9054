import { z } from "zod";
import type { User } from "@/lib/domain/user";
import { joinName, optBool, optString, wireId } from "./common";

export const user = z
  .object({
    id: wireId,
    email: optString,
    name: optString,
    firstname: optString,
    lastname: optString,
    active: optBool(true),
    timezone: optString,
    role: z.object({ name: z.string() }).nullish(),
    meta: z.object({ profile_picture_url: optString }).nullish(),
  })
  .transform(
    (u): User => ({
      id: u.id,
      email: u.email,
      name: u.name ?? joinName(u.firstname, u.lastname),
      firstname: u.firstname,
      lastname: u.lastname,
      role: u.role?.name ?? null,
      active: u.active,
      timezone: u.timezone,
      avatarUrl: u.meta?.profile_picture_url ?? null,
    }),
  );
