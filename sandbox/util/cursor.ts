// Cursors are opaque to clients (base64 JSON like Gorgias's `["next", 29, 929]`) and carry
// the sort key and id of the boundary item, so pages stay stable while data changes.

export type Direction = "next" | "prev";

export interface Cursor {
  direction: Direction;
  key: string;
  id: number;
}

export function encodeCursor(direction: Direction, key: string, id: number): string {
  return Buffer.from(JSON.stringify([direction, key, id]), "utf8").toString("base64");
}

export function decodeCursor(raw: string): Cursor | null {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(raw)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [direction, key, id] = value as unknown[];
    if ((direction !== "next" && direction !== "prev") || typeof key !== "string") return null;
    if (typeof id !== "number" || !Number.isInteger(id)) return null;
    return { direction, key, id };
  } catch {
    return null;
  }
}
