import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normaliseAddress, resolveClientAddress, throttleScope } from "@/client-address";

describe("the client address used for throttling", () => {
  it("is the connection's address by default, whatever X-Forwarded-For the client writes", () => {
    for (const forwardedFor of [
      undefined,
      "1.2.3.4",
      "1.2.3.5",
      "9.9.9.9, 8.8.8.8",
      ["7.7.7.7", "6.6.6.6"],
    ]) {
      expect(resolveClientAddress({ socketAddress: "203.0.113.9", forwardedFor, trustedProxyHops: 0 })).toBe(
        "203.0.113.9",
      );
    }
  });

  it("behind trusted proxies, is the entry the outermost trusted proxy wrote, never a client-written one", () => {
    // Client → load balancer (appends the client's address) → app.
    const oneHop = (forwardedFor: string) =>
      resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor, trustedProxyHops: 1 });
    expect(oneHop("198.51.100.7")).toBe("198.51.100.7");
    expect(oneHop("1.1.1.1, 198.51.100.7")).toBe("198.51.100.7");
    expect(oneHop("1.1.1.2, 2.2.2.2, 198.51.100.7")).toBe("198.51.100.7");
    // Client → CDN → load balancer → app.
    expect(
      resolveClientAddress({
        socketAddress: "10.0.0.2",
        forwardedFor: "6.6.6.6, 198.51.100.7, 172.16.0.5",
        trustedProxyHops: 2,
      }),
    ).toBe("198.51.100.7");
  });

  it("with fewer entries than trusted hops, falls back to the nearest one rather than failing", () => {
    expect(
      resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: undefined, trustedProxyHops: 2 }),
    ).toBe("10.0.0.2");
  });

  it("treats one machine as one address: ports and the IPv4-mapped prefix are dropped, junk is ignored", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress(" 192.0.2.1:5678 ")).toBe("192.0.2.1");
    expect(normaliseAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("<script>")).toBe("");
    expect(
      resolveClientAddress({ socketAddress: undefined, forwardedFor: undefined, trustedProxyHops: 0 }),
    ).toBe("unknown");
  });
});

describe("throttleScope", () => {
  it("keeps an IPv4 address, and counts an IPv6 address by its /64 network", () => {
    expect(throttleScope("192.0.2.7")).toBe("192.0.2.7");
    expect(throttleScope("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(throttleScope("2001:db8:1:2::99")).toBe("2001:db8:1:2::/64");
    expect(throttleScope("2001:0db8:0001:0002:0000:0000:0000:0001")).toBe("2001:db8:1:2::/64");
    expect(throttleScope("::1")).toBe("::/64");
    expect(throttleScope("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(throttleScope("unknown")).toBe("unknown");
  });

  it("puts every address of a /64 under one key, and addresses of different /64s under different keys", () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((value) => value.toString(16));
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 8, maxLength: 8 }),
        fc.array(group, { minLength: 4, maxLength: 4 }),
        (address, otherHost) => {
          const scope = throttleScope(address.join(":"));
          expect(throttleScope([...address.slice(0, 4), ...otherHost].join(":"))).toBe(scope);
          const otherNetwork = [...address];
          otherNetwork[3] = ((Number.parseInt(address[3]!, 16) + 1) % 0x10000).toString(16);
          expect(throttleScope(otherNetwork.join(":"))).not.toBe(scope);
        },
      ),
      { numRuns: 300 },
    );
  });
});
