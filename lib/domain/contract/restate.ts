import type { z } from "zod";

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Key sets too: an optional field left out of the schema would otherwise pass both ways.
type Same<A, B> = Mutual<A, B> extends true ? Mutual<keyof A, keyof B> : false;

/**
 * Pins a schema to the domain type it restates for the wire: it compiles only while the schema's
 * output and `T` are assignable both ways and have the same keys, so a field added to one and not
 * the other is a type error rather than a field the route silently drops (or sends unchecked).
 */
export const restates =
  <T>() =>
  <S extends z.ZodType>(schema: S & (Same<z.output<S>, T> extends true ? unknown : { readonly "does not match the domain type": T })): S =>
    schema;
