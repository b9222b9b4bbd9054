/** Joins class names, skipping falsy ones: the only helper primitives may import. */
export function cx(...parts: ReadonlyArray<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}
