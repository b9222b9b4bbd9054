import { z } from "zod";
import type { Customer } from "@/lib/domain/customer";
import { joinName, optDatetime, optRecord, optString, wireId } from "./common";

const channel = z.object({ type: z.string(), address: z.string(), preferred: z.boolean().nullish() });

export const customer = z
  .object({
    id: wireId,
    email: optString,
    name: optString,
    firstname: optString,
    lastname: optString,
    external_id: optString,
    language: optString,
    timezone: optString,
    note: optString,
    channels: z
      .array(channel)
      .nullish()
      .transform((c) => c ?? []),
    data: optRecord,
    created_datetime: optDatetime,
    updated_datetime: optDatetime,
  })
  .transform(
    (c): Customer => ({
      id: c.id,
      email: c.email,
      name: c.name ?? joinName(c.firstname, c.lastname),
      firstname: c.firstname,
      lastname: c.lastname,
      externalId: c.external_id,
      language: c.language,
      timezone: c.timezone,
      note: c.note,
      channels: c.channels.map((ch) => ({ type: ch.type, address: ch.address, preferred: ch.preferred ?? false })),
      data: c.data,
      createdAt: c.created_datetime,
      updatedAt: c.updated_datetime,
    }),
  );
