import { decodeCursor, type Cursor } from "../util/cursor.js";
import { ApiError, type FieldErrors } from "./errors.js";

// Gorgias rejects unknown query parameters (a documented 400 cause), so every endpoint
// declares the parameters it accepts and anything else is an error.

export type ParamType = "int" | "string" | "bool" | "int[]" | "string[]" | "cursor" | "limit" | readonly string[];
export type ParamSpec = Record<string, ParamType>;

export class Query {
  constructor(private readonly values: Map<string, unknown>) {}

  int(name: string): number | undefined {
    return this.values.get(name) as number | undefined;
  }
  str(name: string): string | undefined {
    return this.values.get(name) as string | undefined;
  }
  bool(name: string): boolean | undefined {
    return this.values.get(name) as boolean | undefined;
  }
  ints(name: string): number[] | undefined {
    return this.values.get(name) as number[] | undefined;
  }
  strs(name: string): string[] | undefined {
    return this.values.get(name) as string[] | undefined;
  }
  cursor(): Cursor | null {
    return (this.values.get("cursor") as Cursor | undefined) ?? null;
  }
  limit(): number {
    return (this.values.get("limit") as number | undefined) ?? 30;
  }
}

/** Page parameters every cursor-paginated list accepts. */
export const PAGE: ParamSpec = { cursor: "cursor", limit: "limit" };

export function parseQuery(params: URLSearchParams, spec: ParamSpec): Query {
  const errors: FieldErrors = {};
  const out = new Map<string, unknown>();
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const names = new Set(params.keys());
  for (const raw of names) {
    const name = raw.endsWith("[]") ? raw.slice(0, -2) : raw;
    const type = spec[name];
    if (!type) {
      add(raw, "Unknown field.");
      continue;
    }
    const all = params.getAll(raw);
    const isList = type === "int[]" || type === "string[]";
    if (!isList && all.length > 1) {
      add(name, "Only one value is allowed.");
      continue;
    }
    const value = all[0] ?? "";
    if (isList) {
      const items = all.flatMap((v) => v.split(",")).filter((v) => v !== "");
      if (type === "int[]") {
        if (items.some((v) => !/^\d+$/.test(v))) add(name, "Not a valid integer.");
        else if (items.length > 100) add(name, "Longer than maximum length 100.");
        else out.set(name, items.map(Number));
      } else out.set(name, items);
    } else if (type === "int") {
      if (!/^\d+$/.test(value) || Number(value) > 2 ** 31) add(name, "Not a valid integer.");
      else out.set(name, Number(value));
    } else if (type === "limit") {
      if (!/^\d+$/.test(value)) add(name, "Not a valid integer.");
      else if (Number(value) < 1 || Number(value) > 100) add(name, "Must be greater than or equal to 1 and less than or equal to 100.");
      else out.set(name, Number(value));
    } else if (type === "bool") {
      if (!["true", "false", "1", "0"].includes(value.toLowerCase())) add(name, "Not a valid boolean.");
      else out.set(name, value.toLowerCase() === "true" || value === "1");
    } else if (type === "cursor") {
      const cursor = decodeCursor(value);
      if (!cursor) add(name, "Invalid cursor.");
      else out.set(name, cursor);
    } else if (type === "string") {
      out.set(name, value);
    } else if (!type.includes(value)) {
      add(name, `Must be one of: ${type.join(", ")}.`);
    } else out.set(name, value);
  }
  if (Object.keys(errors).length > 0) throw new ApiError(400, "Invalid request parameters.", errors);
  return new Query(out);
}

export function orderValues(fields: readonly string[]): string[] {
  return fields.flatMap((f) => [`${f}:asc`, `${f}:desc`]);
}

export function splitOrder(orderBy: string): { field: string; dir: "asc" | "desc" } {
  const [field = "", dir = "desc"] = orderBy.split(":");
  return { field, dir: dir === "asc" ? "asc" : "desc" };
}
