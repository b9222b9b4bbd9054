import { describe, expect, it } from "vitest";
import type { GorgiasError } from "@/lib/gorgias/errors";
import { parseCallLimit, parseRetryAfter, parseUpstreamError } from "@/lib/gorgias/classify";
import { API_KEY, empty, hang, json, networkError, scriptedFetch, testClient, text } from "./helpers";

async function failWith(...replies: Parameters<typeof scriptedFetch>) {
  const { fetch, requests } = scriptedFetch(...replies);
  const { client } = testClient(fetch, { retry: { maxRetries: 0 }, timeoutMs: 50 });
  const result = await client.tickets.get(12);
  if (result.ok) throw new Error("expected an error");
  return { error: result.error, requests };
}

describe("error mapping", () => {
  it("401 → unauthorized, keeps Gorgias's words", async () => {
    const { error } = await failWith(json({ error: { msg: "Unauthorized." } }, 401));
    expect(error).toMatchObject({ kind: "unauthorized", request: "GET /api/tickets/12" });
    expect(error.message).toContain("Unauthorized.");
  });

  it("401 with the generated-doc shape `{message}` still reads the message", async () => {
    const { error } = await failWith(json({ message: "Unauthorized" }, 401));
    expect(error.kind).toBe("unauthorized");
    expect(error.message).toContain("Unauthorized");
  });

  it("403 → forbidden", async () => {
    expect((await failWith(json({ error: { msg: "Forbidden" } }, 403))).error.kind).toBe("forbidden");
  });

  it("404 JSON → not_found(resource); 404 HTML → not_found(unknown_account)", async () => {
    const resource = (await failWith(json({ error: { msg: "Resource not found." } }, 404))).error;
    expect(resource).toMatchObject({ kind: "not_found", reason: "resource" });
    const account = (await failWith(text("<!DOCTYPE html><html><title>404 Not Found</title></html>", 404, "text/html; charset=utf-8"))).error;
    expect(account).toMatchObject({ kind: "not_found", reason: "unknown_account" });
    expect(account.message).toContain('"acme" does not exist');
  });

  it("400 → rejected with field errors, nested ones flattened", async () => {
    const body = {
      error: {
        msg: "Failed to create ticket",
        data: { sender: ["Missing data for required field."], messages: { "0": { channel: ["Not a valid choice."] } } },
      },
    };
    const { error } = await failWith(json(body, 400));
    expect(error).toMatchObject({
      kind: "rejected",
      status: 400,
      fields: { sender: ["Missing data for required field."], "messages.0.channel": ["Not a valid choice."] },
    });
    expect(error.message).toContain("Failed to create ticket");
  });

  it("400 where `error` is a plain string or an object without msg", async () => {
    expect((await failWith(json({ error: "bad cursor" }, 400))).error.message).toContain("bad cursor");
    expect((await failWith(json({ error: { code: 7 } }, 400))).error.kind).toBe("rejected");
  });

  it("409 → conflict", async () => {
    expect((await failWith(json({ error: { msg: "The resource already exists." } }, 409))).error.kind).toBe("conflict");
  });

  it("429 → rate_limited with Retry-After (seconds or HTTP date)", async () => {
    const { error } = await failWith(json({}, 429, { "retry-after": "7" }));
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 7 });
    expect(parseRetryAfter(new Date(1_000_000 + 5_000).toUTCString(), 1_000_000)).toBe(5);
    expect(parseRetryAfter("soon", 0)).toBeNull();
  });

  it("5xx → unavailable with status", async () => {
    expect((await failWith(text("<html>bad gateway</html>", 502, "text/html"))).error).toMatchObject({ kind: "unavailable", status: 502 });
  });

  it("no answer within timeoutMs → timeout", async () => {
    expect((await failWith(hang)).error).toMatchObject({ kind: "timeout", timeoutMs: 50 });
  });

  it("connection reset / refused / dns → network with reason", async () => {
    expect((await failWith(networkError("ECONNRESET"))).error).toMatchObject({ kind: "network", reason: "reset" });
    expect((await failWith(networkError("UND_ERR_SOCKET"))).error).toMatchObject({ kind: "network", reason: "reset" });
    expect((await failWith(networkError("ECONNREFUSED"))).error).toMatchObject({ kind: "network", reason: "refused" });
    expect((await failWith(networkError("ENOTFOUND"))).error).toMatchObject({ kind: "network", reason: "dns" });
  });

  it("bad JSON and schema mismatch → unexpected_response with a short detail, not the body", async () => {
    const bad = (await failWith(text("{not json", 200, "application/json"))).error;
    expect(bad).toMatchObject({ kind: "unexpected_response", detail: "body is not JSON" });
    const huge = "x".repeat(50_000);
    const mismatch = (await failWith(json({ id: "twelve", status: "open", blob: huge }))).error;
    expect(mismatch.kind).toBe("unexpected_response");
    if (mismatch.kind !== "unexpected_response") return;
    expect(mismatch.detail).toContain("id");
    expect(JSON.stringify(mismatch).length).toBeLessThan(1_000);
  });

  it("a redirect is not followed (it could carry the credentials elsewhere)", async () => {
    const { error } = await failWith(new Response(null, { status: 302, headers: { location: "https://evil.test/" } }));
    expect(error).toMatchObject({ kind: "unexpected_response", status: 302 });
  });

  it("no error value ever contains the API key, even when Gorgias echoes it", async () => {
    const token = Buffer.from(`agent@acme.test:${API_KEY}`).toString("base64");
    const cases: GorgiasError[] = [
      (await failWith(json({ error: { msg: `bad key ${API_KEY}`, data: { [API_KEY]: [`x ${token}`] } } }, 400))).error,
      (await failWith(json({ error: { msg: `Unauthorized ${API_KEY}` } }, 401))).error,
      (await failWith(json({ id: API_KEY }))).error,
    ];
    for (const e of cases) {
      expect(JSON.stringify(e)).not.toContain(API_KEY);
      expect(JSON.stringify(e)).not.toContain(token);
    }
  });

  it("every error kind carries a non-empty human message", async () => {
    const replies = [json({}, 401), json({}, 403), json({}, 404), json({}, 400), json({}, 409), json({}, 429), empty(503), hang, networkError("ECONNRESET"), text("<", 200)];
    for (const reply of replies) {
      const { error } = await failWith(reply);
      expect(error.message.length).toBeGreaterThan(10);
    }
  });
});

describe("header and body parsing", () => {
  it("reads X-Gorgias-Account-Api-Call-Limit", () => {
    expect(parseCallLimit("10/40")).toEqual({ used: 10, limit: 40 });
    expect(parseCallLimit(" 3 / 80 ")).toEqual({ used: 3, limit: 80 });
    expect(parseCallLimit("garbage")).toBeNull();
    expect(parseCallLimit(null)).toBeNull();
  });

  it("caps upstream text", () => {
    expect(parseUpstreamError(JSON.stringify({ error: { msg: "y".repeat(5_000) } })).msg?.length).toBeLessThanOrEqual(200);
  });
});

describe("outcomeUnknown", () => {
  it("is true exactly for failures after which a write may have been processed", async () => {
    const { outcomeUnknown } = await import("@/lib/gorgias/errors");
    const r = "POST /api/tickets/1/messages";
    expect(outcomeUnknown({ kind: "timeout", request: r, timeoutMs: 1, message: "m" })).toBe(true);
    expect(outcomeUnknown({ kind: "unavailable", request: r, status: 502, message: "m" })).toBe(true);
    expect(outcomeUnknown({ kind: "network", request: r, reason: "reset", message: "m" })).toBe(true);
    expect(outcomeUnknown({ kind: "unexpected_response", request: r, status: 201, detail: "d", message: "m" })).toBe(true);
    expect(outcomeUnknown({ kind: "network", request: r, reason: "refused", message: "m" })).toBe(false);
    expect(outcomeUnknown({ kind: "rate_limited", request: r, retryAfterSeconds: 1, message: "m" })).toBe(false);
    expect(outcomeUnknown({ kind: "rejected", request: r, status: 400, fields: {}, message: "m" })).toBe(false);
  });
});
