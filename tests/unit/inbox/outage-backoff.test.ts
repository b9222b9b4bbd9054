import type { Query } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { failuresSinceSuccess } from "@/features/inbox/client/queries";
import { outageBackoffMs } from "@/lib/client/route-fetch";

// react-query restarts `fetchFailureCount` with every fetch; the refresher's backoff must count
// the failures in a row itself, or an outage is asked about every 2 s for as long as it lasts.
describe("failed refreshes in a row", () => {
  it("grow with each failure, and start again after a good read", () => {
    const state = { dataUpdateCount: 1, dataUpdatedAt: 1_000, errorUpdateCount: 0, errorUpdatedAt: 0 };
    const query = { state } as unknown as Pick<Query, "state">;
    const fail = (at: number) => Object.assign(state, { errorUpdateCount: state.errorUpdateCount + 1, errorUpdatedAt: at });
    expect(failuresSinceSuccess(query)).toBe(0);
    const waits = [2_000, 3_000, 4_000, 5_000, 6_000, 7_000].map((at) => (fail(at), outageBackoffMs(failuresSinceSuccess(query))));
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    Object.assign(state, { dataUpdateCount: 2, dataUpdatedAt: 8_000 });
    expect(failuresSinceSuccess(query)).toBe(0);
    fail(9_000);
    expect(failuresSinceSuccess(query)).toBe(1);
  });

  it("count an error seen for the first time after the last good read", () => {
    const query = { state: { dataUpdateCount: 1, dataUpdatedAt: 1_000, errorUpdateCount: 1, errorUpdatedAt: 2_000 } } as unknown as Pick<Query, "state">;
    expect(failuresSinceSuccess(query)).toBe(1);
  });
});
