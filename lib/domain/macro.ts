import type { IsoDateTime } from "./datetime";

export interface MacroAction {
  readonly name: string;
  readonly title: string | null;
  readonly type: string | null;
  readonly arguments: Readonly<Record<string, unknown>>;
}

export interface Macro {
  readonly id: number;
  readonly name: string;
  readonly intent: string | null;
  readonly language: string | null;
  readonly usage: number | null;
  /** From the `setResponseText` action; still contains `{{…}}` template variables. */
  readonly bodyText: string | null;
  readonly bodyHtml: string | null;
  /** From the `addTags` action (a comma-separated string on the wire). */
  readonly tagNames: readonly string[];
  readonly actions: readonly MacroAction[];
  readonly archivedAt: IsoDateTime | null;
  readonly updatedAt: IsoDateTime | null;
}
