import type { IsoDateTime } from "./datetime";

export interface TagRef {
  readonly id: number;
  readonly name: string;
  readonly color: string | null;
}

export interface Tag extends TagRef {
  readonly description: string | null;
  readonly usage: number | null;
  readonly createdAt: IsoDateTime | null;
}
