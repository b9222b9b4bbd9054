"use client";

import { useMemo, useRef, type ChangeEvent, type Ref, type TextareaHTMLAttributes } from "react";
import { templateSegments } from "@/lib/domain/macro-template";
import { cx } from "@/lib/utils";

// Backdrop and textarea must lay text out identically for the marks to sit under the tokens.
const BOX = "w-full whitespace-pre-wrap break-words border border-transparent px-3 py-2 text-sm leading-6 [scrollbar-gutter:stable]";

export interface TemplateTextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange"> {
  value: string;
  onValueChange: (value: string) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  tone: "reply" | "note";
}

/**
 * A plain textarea with unfilled `{{variables}}` highlighted behind the text: the highlight layer
 * renders React text nodes (escaped), never HTML.
 */
export function TemplateTextarea({ value, onValueChange, textareaRef, tone, className, ...props }: TemplateTextareaProps) {
  const backdrop = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => templateSegments(value), [value]);
  // Without a variable there is nothing to mark, and a second copy of a long text only doubles
  // the layout work of every keystroke.
  const marks = segments.some((s) => s.kind === "variable");
  return (
    <div className={cx("relative rounded-md", className)}>
      {marks && (
        <div ref={backdrop} aria-hidden className={cx(BOX, "pointer-events-none absolute inset-0 overflow-hidden text-transparent")}>
          {segments.map((s, i) =>
            s.kind === "variable" ? (
              <mark key={i} className="rounded-sm bg-red-200 text-transparent ring-1 ring-red-400 dark:bg-red-900/70">
                {s.text}
              </mark>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
          {"\n"}
        </div>
      )}
      <textarea
        ref={textareaRef}
        value={value}
        onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onValueChange(e.target.value)}
        onScroll={(e) => {
          if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
        }}
        className={cx(
          BOX,
          "relative block max-h-[50vh] min-h-28 resize-y overflow-y-auto rounded-md bg-transparent [field-sizing:content] focus:outline-none focus:ring-2",
          tone === "note"
            ? "border-amber-300 text-zinc-900 placeholder:text-amber-800/60 focus:ring-amber-400/60 dark:border-amber-700 dark:text-amber-50 dark:placeholder:text-amber-200/40"
            : "border-zinc-300 text-zinc-900 placeholder:text-zinc-400 focus:border-brand focus:ring-brand/30 dark:border-zinc-700 dark:text-zinc-100",
          "read-only:opacity-70",
        )}
        {...props}
      />
    </div>
  );
}
