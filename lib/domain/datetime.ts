/**
 * Domain datetimes are ISO 8601 strings in UTC with a `Z` suffix: they cross the
 * server/client boundary unchanged (a Date would not survive serialization).
 */
export type IsoDateTime = string;

// Gorgias often omits the offset (`2019-07-05T14:42:00.384938`); nothing documents the zone,
// and every observed value matches UTC, so an offset-less value is read as UTC.
const OFFSETLESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const ISO_LIKE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Normalizes a Gorgias datetime to `YYYY-MM-DDTHH:mm:ss.sssZ`, or null when it is not a datetime. */
export function toUtcIso(raw: string): IsoDateTime | null {
  // Some exports use a space instead of `T` (SQL style); same instant.
  const value = raw.trim().replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, "$1T");
  if (!ISO_LIKE.test(value)) return null;
  // JS Date only promises millisecond precision; microseconds are cut rather than rounded
  // so a value never moves into the next second.
  const trimmed = value.replace(/(\.\d{3})\d+/, "$1");
  const withZone = OFFSETLESS.test(value) ? `${trimmed}Z` : trimmed;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
