import { describe, expect, it } from "vitest";
import { queryStatus } from "@/lib/client/query-status";

const words = { loading: "Loading agents…", failed: "Couldn't load agents" };

describe("queryStatus", () => {
  it("says it is loading while the query has nothing yet", () => {
    expect(queryStatus({ isPending: true, error: null }, words)).toEqual({ loading: "Loading agents…", error: null });
  });

  it("names what failed and why, and stops saying it is loading", () => {
    expect(queryStatus({ isPending: true, error: new Error("Gorgias is busy.") }, words)).toEqual({ loading: null, error: "Couldn't load agents: Gorgias is busy." });
  });

  it("says nothing once the data is in", () => {
    expect(queryStatus({ isPending: false, error: null }, words)).toEqual({ loading: null, error: null });
  });
});
