import type { PickerOption } from "@/components/ui/picker";
import type { TagRef } from "@/lib/domain/tag";

const CREATE = "create";

/**
 * An option's value is the tag's name, not its id: a tag created by name shows with a temporary id
 * until the re-read brings Gorgias's, and an option keyed by id would remount under the pointer then,
 * losing the click. Both Gorgias calls (add, remove) work by name anyway.
 */
const valueOf = (t: TagRef) => `tag:${t.name}`;

/** The picker's options: "Create tag" for a new name, the ticket's tags (to remove), the others found (to add). */
export function tagOptions(typed: string, applied: readonly TagRef[], found: readonly TagRef[]): PickerOption[] {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const known = (name: string) => found.some((t) => same(t.name, name)) || applied.some((t) => same(t.name, name));
  const matching = (t: TagRef) => !typed || t.name.toLowerCase().includes(typed.toLowerCase());
  return [
    ...(typed && !known(typed) ? [{ value: CREATE, label: `Create tag “${typed}”` }] : []),
    ...applied.filter(matching).map((t) => ({ value: valueOf(t), label: t.name, detail: "On this ticket · remove" })),
    ...found.filter((t) => !applied.some((a) => a.name === t.name)).map((t) => ({ value: valueOf(t), label: t.name })),
  ];
}

export type TagPick = { readonly add: TagRef } | { readonly remove: TagRef } | null;

/** What picking `value` does, against the tags as they are now (ids may have changed since it showed). */
export function tagPick(value: string, typed: string, applied: readonly TagRef[], found: readonly TagRef[]): TagPick {
  // A temporary id marks a tag Gorgias creates when it is added by name.
  if (value === CREATE) return { add: { id: -Date.now(), name: typed, color: null } };
  const on = applied.find((t) => valueOf(t) === value);
  if (on) return { remove: on };
  const tag = found.find((t) => valueOf(t) === value);
  return tag ? { add: tag } : null;
}
