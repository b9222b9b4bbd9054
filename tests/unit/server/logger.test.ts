import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { createLogger } = await import("@/lib/server/logger");

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("server logs", () => {
  it("are one JSON line per event, with the whole error (stack and cause) and the request id", () => {
    vi.stubEnv("LOG_LEVEL", "info");
    const { stream, records } = capture();
    const cause = new Error("connect ECONNREFUSED 127.0.0.1:5432");
    createLogger(stream).error({ err: new Error("could not load drafts", { cause }), requestId: "r-1" }, "route handler failed");
    vi.unstubAllEnvs();
    const [record] = records();
    expect(record).toMatchObject({ level: 50, msg: "route handler failed", requestId: "r-1", service: "gorgias-desk" });
    const err = record?.err as { type: string; message: string; stack: string };
    expect(err.type).toBe("Error");
    expect(err.stack).toContain("could not load drafts");
    expect(err.stack).toContain("ECONNREFUSED");
    expect(err.stack).toMatch(/at .+logger\.test\.ts/);
  });

  it("never print an API key a third-party error happened to carry", () => {
    vi.stubEnv("LOG_LEVEL", "info");
    const { stream, records } = capture();
    createLogger(stream).warn({ request: { headers: { authorization: "Basic c2VjcmV0" } }, apiKey: "sk-live-123" }, "odd answer");
    vi.unstubAllEnvs();
    expect(records()).toHaveLength(1);
    expect(JSON.stringify(records())).not.toMatch(/c2VjcmV0|sk-live-123/);
  });
});
