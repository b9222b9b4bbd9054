import { z } from "zod";
import type { Account } from "@/lib/domain/account";
import { optDatetime } from "./common";

export const account = z
  .object({
    domain: z.string(),
    created_datetime: optDatetime,
    status: z.object({ status: z.string().nullish() }).nullish(),
  })
  .transform((a): Account => ({ domain: a.domain, status: a.status?.status ?? null, createdAt: a.created_datetime }));
