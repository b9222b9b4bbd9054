import { BlockList, isIP } from "node:net";

/**
 * The client address for sign-in throttling, or null when there is none worth believing.
 *
 * X-Forwarded-For is written by whoever sends the request, so an entry is believed only when a
 * proxy we trust (`TRUSTED_PROXIES`) appended it: walking from the right, the first address that is
 * not one of our proxies is the client's; anything left of it is the client's own say. Next does
 * not give us the connection's address apart from that header (it fills it in only when the
 * header is missing), so without trusted proxies there is no address to believe: every visitor is
 * one "direct" client, held by the per-email limit and the cap on everyone's attempts
 * (lib/db/sign-in-throttle.ts) — a made-up header can then neither dodge a limit nor aim it at an
 * agent's address. With them, the Desk must be reachable only through those proxies.
 */
export function clientAddress(headers: Headers, trusted: readonly string[]): string | null {
  if (trusted.length === 0) return null;
  const proxies = blockList(trusted);
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = bareAddress(hops[i] ?? "");
    // A trusted proxy wrote something that is not an address: nothing to its left can be placed.
    if (address === null) return null;
    if (!proxies.check(address, isIP(address) === 4 ? "ipv4" : "ipv6")) return address;
    if (i === 0) return address; // the client is inside the trusted network itself
  }
  return null;
}

/** `1.2.3.4`, `1.2.3.4:5678`, `[2001:db8::1]:443`, `::ffff:1.2.3.4` → the address alone; null if none. */
function bareAddress(hop: string): string | null {
  let address = hop;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) === 0 ? null : address.toLowerCase();
}

const lists = new Map<string, BlockList>();

function blockList(trusted: readonly string[]): BlockList {
  const key = trusted.join(",");
  let list = lists.get(key);
  if (!list) {
    list = new BlockList();
    for (const entry of trusted) {
      const [address = "", prefix] = entry.split("/");
      const bare = bareAddress(address) ?? address;
      const family = isIP(bare) === 4 ? "ipv4" : "ipv6";
      if (prefix === undefined) list.addAddress(bare, family);
      else list.addSubnet(bare, Number(prefix), family);
    }
    lists.set(key, list);
  }
  return list;
}
