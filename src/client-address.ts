import ipaddr from "ipaddr.js";

/**
 * Which address a request came from, for throttling. Pure, so the server wrapper that applies it
 * and the tests share one rule.
 *
 * By default (0 trusted proxy hops) it is the address of the connection's other end: nothing the
 * client writes can change it. Behind load balancers or reverse proxies, `TRUSTED_PROXY_HOPS` says
 * how many of them append to `X-Forwarded-For`; the address is then the entry the outermost
 * trusted proxy wrote, counted from the right. Entries further left were written by the client
 * and are never used.
 */
export function resolveClientAddress(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxyHops: number;
}): string {
  const socket = normaliseAddress(input.socketAddress ?? "") || "unknown";
  if (input.trustedProxyHops <= 0) return socket;
  const header = Array.isArray(input.forwardedFor)
    ? input.forwardedFor.join(",")
    : (input.forwardedFor ?? "");
  const forwarded = header
    .split(",")
    .map((entry) => normaliseAddress(entry))
    .filter(Boolean);
  // The chain as seen from here: client-written entries, then each proxy's, then the socket.
  const chain = [...forwarded, socket];
  const index = chain.length - 1 - input.trustedProxyHops;
  // Fewer entries than trusted hops: the request skipped a proxy; the nearest trusted entry is
  // the best we have (never one the client wrote beyond the chain's length).
  return chain[Math.max(index, 0)]!;
}

/** Trims, drops a port and the IPv4-mapped IPv6 prefix, so one machine is one key. */
export function normaliseAddress(raw: string): string {
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address))
    address = address.slice(0, address.lastIndexOf(":"));
  if (address.startsWith("::ffff:") && /^\d{1,3}(?:\.\d{1,3}){3}$/.test(address.slice(7)))
    address = address.slice(7);
  // Anything that does not look like an address is kept short, so it cannot bloat throttle keys.
  return /^[0-9a-f.:]{1,45}$/.test(address) ? address : "";
}

/**
 * What throttling counts an address under. An IPv4 address is one key. An IPv6 address counts under
 * its /64 network: a home, office or server is usually given a whole /64, so its owner could take a
 * fresh address, and fresh limits, for every attempt. A /64 shared by several machines shares their
 * limits, as the machines behind one IPv4 address do.
 */
export function throttleScope(address: string): string {
  if (!ipaddr.IPv6.isValid(address)) return address;
  const parsed = ipaddr.IPv6.parse(address);
  if (parsed.isIPv4MappedAddress()) return parsed.toIPv4Address().toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`).toString()}/64`;
}

/** The request header the app server sets to the resolved address (see scripts/server.ts). */
export const CLIENT_ADDRESS_HEADER = "x-forwarded-for";
