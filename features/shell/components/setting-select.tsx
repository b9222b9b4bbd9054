"use client";

import { cx } from "@/lib/utils";

export interface SettingSelectProps<T extends string> {
  /** The visible label (hidden on narrow screens by `labelClassName`). */
  readonly label: string;
  readonly ariaLabel: string;
  readonly value: T;
  readonly options: readonly T[];
  readonly optionLabel: Readonly<Record<T, string>>;
  readonly onChange: (value: T) => void;
  readonly className?: string;
  readonly labelClassName?: string;
  readonly "data-testid"?: string;
}

/** A small labelled select of the top bar, for one of the agent's settings on this device. */
export function SettingSelect<T extends string>({ label, ariaLabel, value, options, optionLabel, onChange, className, labelClassName, ...rest }: SettingSelectProps<T>) {
  return (
    <label className={cx("items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400", className ?? "flex")}>
      <span className={labelClassName}>{label}</span>
      <select
        aria-label={ariaLabel}
        value={value}
        onChange={(e) => onChange(options.find((o) => o === e.target.value) ?? value)}
        className="h-7 rounded-md border border-zinc-300 bg-white px-1.5 text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
        data-testid={rest["data-testid"]}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel[o]}
          </option>
        ))}
      </select>
    </label>
  );
}
