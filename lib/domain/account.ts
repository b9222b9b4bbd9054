import type { IsoDateTime } from "./datetime";

export interface Account {
  readonly domain: string;
  /** `active` for a working account; anything else means Gorgias will refuse work. */
  readonly status: string | null;
  readonly createdAt: IsoDateTime | null;
}

/** Last `X-Gorgias-Account-Api-Call-Limit` seen: requests used in the current window out of `limit`. */
export interface CallLimit {
  readonly used: number;
  readonly limit: number;
}
