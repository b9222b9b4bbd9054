import { safeTagColor } from "@/lib/domain/tag-color";
import type { TagRef } from "@/lib/domain/tag";

const SHOWN = 2;

/** Tag names are untrusted text (React escapes them); a colour reaches `style` only as a checked hex. */
export function TagPills({ tags }: { tags: readonly TagRef[] }) {
  if (tags.length === 0) return null;
  const hidden = tags.length - SHOWN;
  return (
    <span className="hidden items-center gap-1 @4xl:flex" data-testid="ticket-tags">
      {tags.slice(0, SHOWN).map((tag) => {
        const color = safeTagColor(tag.color);
        return (
          <span key={tag.id} className="flex max-w-28 items-center gap-1 rounded-full border border-zinc-200 px-1.5 py-px text-[11px] text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
            <span className="size-1.5 shrink-0 rounded-full bg-zinc-400" style={color ? { backgroundColor: color } : undefined} aria-hidden />
            <span className="truncate">{tag.name}</span>
          </span>
        );
      })}
      {hidden > 0 && <span className="text-[11px]" title={tags.slice(SHOWN).map((t) => t.name).join(", ")}>+{hidden}</span>}
    </span>
  );
}
