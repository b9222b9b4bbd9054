import { describe, expect, it } from "vitest";
import { decodable, parsableCallback, validAuthority } from "@/lib/security/request-guards";

describe("request guards", () => {
  it.each([
    ["127.0.0.1:3300", true],
    ["desk.example.com", true],
    ["[::1]:3000", true],
    ["Desk.Example.com", true],
    [null, true],
    ["127.0.0.1:3300.evil.example", false],
    ["desk.example.com/path", false],
    ["user@desk.example.com", false],
    ["", false],
    ["a b", false],
  ])("host %j is valid: %s", (host, valid) => {
    expect(validAuthority(host)).toBe(valid);
  });

  it.each([
    ["/demo/tickets/1", true],
    ["http://127.0.0.1:3300/demo", true],
    [null, true],
    ["http://127.0.0.1:3300.evil.example", false],
    ["http://[oops", false],
    [`/${"a".repeat(3000)}`, false],
  ])("callback %j parses: %s", (callback, valid) => {
    expect(parsableCallback(callback)).toBe(valid);
  });

  it("a broken % escape does not decode", () => {
    expect(decodable("/demo/%E0%A4%A")).toBe(false);
    expect(decodable("/demo/caf%C3%A9")).toBe(true);
  });
});
