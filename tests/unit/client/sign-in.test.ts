import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppError } from "@/lib/errors";

const expired: AppError = { code: "unauthenticated", message: "Your session has ended." };
const refused: AppError = { code: "reauth_required", message: "Gorgias no longer accepts your key." };

/** A page at `/demo?q=refund`, with a fresh module (it remembers that it is already leaving). */
async function onPage(search = "?q=refund") {
  const assign = vi.fn();
  vi.stubGlobal("window", { location: { pathname: "/demo", search, assign } });
  vi.resetModules();
  const mod = await import("@/lib/client/sign-in");
  return { assign, ...mod };
}

afterEach(() => vi.unstubAllGlobals());

describe("an ended session goes to sign-in with the way back", () => {
  it("the URL carries the page and the query, and why", async () => {
    const { signInUrl } = await onPage();
    expect(signInUrl(expired, "/demo?q=refund")).toBe("/sign-in?callbackUrl=%2Fdemo%3Fq%3Drefund&reason=expired");
    expect(signInUrl(refused, "/demo/tickets/12")).toBe("/sign-in?callbackUrl=%2Fdemo%2Ftickets%2F12&reason=reauth");
  });

  it("navigates once, from the current page, whatever number of reads fail at once", async () => {
    const { assign, signInWhenNeeded } = await onPage();
    signInWhenNeeded(expired);
    signInWhenNeeded(refused);
    expect(assign).toHaveBeenCalledTimes(1);
    expect(assign).toHaveBeenCalledWith("/sign-in?callbackUrl=%2Fdemo%3Fq%3Drefund&reason=expired");
  });

  it("any other failure stays on the page", async () => {
    const { assign, signInWhenNeeded } = await onPage("");
    for (const code of ["rate_limited", "forbidden", "internal", "not_found"] as const) signInWhenNeeded({ code, message: "x" });
    expect(assign).not.toHaveBeenCalled();
  });
});
