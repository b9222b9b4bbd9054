/**
 * The two identifiers that reach us as text from URLs and forms, as plain constants and checks so
 * the browser can use them without a validator; `lib/domain/contract/ids.ts` builds the server's
 * schemas from the same definitions.
 */

/** Gorgias ids are positive 32-bit integers. */
export const MAX_GORGIAS_ID = 2_147_483_647;

export const isGorgiasId = (n: number): boolean => Number.isInteger(n) && n > 0 && n <= MAX_GORGIAS_ID;

/** An id from URL text (" 12 ", "1e3" and "0x10" read as numbers do): null when it is not one. */
export function gorgiasIdFrom(text: string): number | null {
  const n = Number(text);
  return isGorgiasId(n) ? n : null;
}

/**
 * A bare Gorgias subdomain (`acme` of acme.gorgias.com): one DNS label, so putting it into a URL
 * can never name another host (docs/safety.md#account-domain).
 */
export const ACCOUNT_DOMAIN_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const isAccountDomain = (text: string): boolean => ACCOUNT_DOMAIN_PATTERN.test(text);
