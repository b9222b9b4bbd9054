/**
 * The client address for sign-in throttling. Behind a reverse proxy the first X-Forwarded-For hop is
 * the client; without one the header is spoofable, which only weakens the per-IP limit — the
 * per-email limit still holds.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim() || "";
  return /^[0-9a-fA-F:.]{2,45}$/.test(candidate) ? candidate : "unknown";
}
