import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-ip";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });
const PROXY = ["10.0.0.0/8", "::1"];

describe("clientAddress", () => {
  it("without trusted proxies believes no header: every visitor is the one direct client", () => {
    for (const xff of [undefined, "203.0.113.9", "198.51.100.7, 203.0.113.9", "127.0.0.1"]) {
      expect(clientAddress(headers(xff), [])).toBeNull();
    }
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.9" }), PROXY)).toBeNull();
  });

  it("through a trusted proxy, the address it appended is the client's, whatever the client wrote before it", () => {
    expect(clientAddress(headers("203.0.113.9"), PROXY)).toBe("203.0.113.9");
    // A spoofed first hop (an agent's address) is the client's own say: it neither dodges nor aims.
    expect(clientAddress(headers("198.51.100.7, 203.0.113.9"), PROXY)).toBe("203.0.113.9");
    expect(clientAddress(headers("198.51.100.7, 203.0.113.9, 10.1.2.3"), PROXY)).toBe("203.0.113.9");
    // A forged trusted address to the left of the real client changes nothing either.
    expect(clientAddress(headers("10.9.9.9, 203.0.113.9, 10.1.2.3"), PROXY)).toBe("203.0.113.9");
  });

  it("reads ports, brackets and IPv4-mapped IPv6 as the bare address", () => {
    expect(clientAddress(headers("203.0.113.9:51234"), PROXY)).toBe("203.0.113.9");
    expect(clientAddress(headers("[2001:db8::7]:443"), PROXY)).toBe("2001:db8::7");
    expect(clientAddress(headers("::ffff:203.0.113.9, ::ffff:10.0.0.2"), PROXY)).toBe("203.0.113.9");
  });

  it("a client inside the trusted network is itself; a hop that is no address leaves none", () => {
    expect(clientAddress(headers("10.4.4.4, 10.0.0.2"), PROXY)).toBe("10.4.4.4");
    expect(clientAddress(headers("203.0.113.9, unknown"), PROXY)).toBeNull();
    expect(clientAddress(headers(""), PROXY)).toBeNull();
  });
});
