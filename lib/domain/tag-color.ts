/**
 * A tag's colour comes from Gorgias and is untrusted text (docs/safety.md#untrusted-text). It goes into a
 * `style` only when it is a plain hex colour, so nothing like `red;background:url(...)` or
 * `expression(...)` can ride along.
 */
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

export function safeTagColor(color: string | null | undefined): string | null {
  if (typeof color !== "string") return null;
  const trimmed = color.trim();
  return HEX_COLOR.test(trimmed) ? trimmed.toLowerCase() : null;
}
