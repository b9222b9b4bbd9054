import { describe, expect, it } from "vitest";
import { throttleAddress } from "@/lib/db/sign-in-throttle";

describe("throttleAddress", () => {
  it("keeps IPv4 addresses whole and unwraps IPv4-mapped IPv6", () => {
    expect(throttleAddress(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(throttleAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts every address of one IPv6 /64 as one client, however it is written", () => {
    const same = [
      "2001:db8:1:2::1",
      "2001:db8:1:2:ffff:ffff:ffff:ffff",
      "2001:0DB8:0001:0002:0000:0000:0000:0042",
      "[2001:db8:1:2::5]",
      "fe80::1%eth0".replace("fe80::1", "2001:db8:1:2::9"),
    ];
    expect(new Set(same.map(throttleAddress))).toEqual(new Set(["2001:db8:1:2::/64"]));
    expect(throttleAddress("2001:db8:1:3::1")).not.toBe(throttleAddress("2001:db8:1:2::1"));
    expect(throttleAddress("::1")).toBe("0:0:0:0::/64");
    expect(throttleAddress("2001:db8::")).toBe("2001:db8:0:0::/64");
  });

  it("passes through what is not an address, so it still gets its own bucket", () => {
    expect(throttleAddress("unknown")).toBe("unknown");
  });
});
