export type ViewVisibility = "public" | "shared" | "private" | (string & {});

/** A saved ticket list (Gorgias "view"); its filter expression is Gorgias's own language. */
export interface View {
  readonly id: number;
  readonly name: string;
  readonly slug: string | null;
  readonly category: string | null;
  readonly visibility: ViewVisibility | null;
  readonly filters: string | null;
  readonly orderBy: string | null;
  readonly orderDir: "asc" | "desc" | null;
  readonly emoji: string | null;
}
