// Real accounts print UTC datetimes with microseconds and an explicit offset
// ("2025-01-10T09:12:44.123456+00:00"; the reference's older examples omit it). Keeping that
// exact shape everywhere also makes the strings sort lexicographically, which the indexes rely on.

export type Iso = string;

export function formatIso(ms: number, micros = 0): Iso {
  const base = new Date(Math.floor(ms)).toISOString(); // 2026-01-02T03:04:05.678Z
  const millis = base.slice(20, 23);
  return `${base.slice(0, 19)}.${millis}${String(Math.floor(micros) % 1000).padStart(3, "0")}+00:00`;
}

let lastNow = "";
// Two writes in the same millisecond must still order, so the micro digits count up.
export function nowIso(): Iso {
  let iso = formatIso(Date.now(), Number(process.hrtime.bigint() / 1000n) % 1000);
  if (iso <= lastNow) iso = bumpMicro(lastNow);
  lastNow = iso;
  return iso;
}

function bumpMicro(iso: Iso): Iso {
  const ms = isoToMs(iso);
  const micro = Number(iso.slice(23, 26)) + 1;
  return micro >= 1000 ? formatIso(ms + 1, 0) : formatIso(ms, micro);
}

export function isoToMs(iso: Iso): number {
  return Date.parse(`${iso.slice(0, 23)}Z`);
}

const ISO_INPUT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Accepts ISO 8601 with or without offset (offset-less means UTC); null when unparsable. */
export function parseIsoInput(value: string): Iso | null {
  const trimmed = value.trim();
  if (!ISO_INPUT.test(trimmed)) return null;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed) && trimmed.length > 10;
  const fraction = /\.(\d{1,9})/.exec(trimmed)?.[1] ?? "";
  const micros = Number(fraction.padEnd(6, "0").slice(3, 6));
  const ms = Date.parse(hasOffset ? trimmed.replace(" ", "T") : `${trimmed.replace(" ", "T")}${trimmed.length > 10 ? "Z" : "T00:00:00Z"}`);
  if (Number.isNaN(ms)) return null;
  return formatIso(ms, micros);
}
