import { describe, expect, it } from "vitest";
import { normaliseAddress, resolveClientAddress } from "@/client-address";

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
