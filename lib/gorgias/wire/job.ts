import { z } from "zod";
import type { Job } from "@/lib/domain/job";
import { wireId } from "./common";

const count = z.number().int().nonnegative().nullish().catch(null).transform((v) => v ?? null);

export const job = z
  .object({
    id: wireId,
    status: z.string(),
    info: z.object({ total: count, processed: count, failed: count }).nullish().catch(null),
  })
  .transform((j): Job => ({ id: j.id, status: j.status, total: j.info?.total ?? null, processed: j.info?.processed ?? null, failed: j.info?.failed ?? null }));
