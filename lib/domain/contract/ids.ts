import { z } from "zod";
import { ACCOUNT_DOMAIN_PATTERN, MAX_GORGIAS_ID } from "../ids";

/** A Gorgias id in a JSON body. */
export const GorgiasId = z.number().int().positive().max(MAX_GORGIAS_ID);

/** A Gorgias id from a path segment or search param (text, coerced like `gorgiasIdFrom`). */
export const GorgiasIdParam = z.coerce.number<string | number>().int().positive().max(MAX_GORGIAS_ID);

/** The account's subdomain, as typed, configured or found in a URL; never lowercased here. */
export const AccountDomain = z.string().regex(ACCOUNT_DOMAIN_PATTERN, "Use the account's bare subdomain, e.g. acme for acme.gorgias.com");
