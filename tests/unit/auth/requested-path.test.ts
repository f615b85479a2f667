import { describe, expect, it } from "vitest";
import { signInAddressFor } from "@/requested-path";

describe("the sign-in address for a signed-out visitor", () => {
  it("carries the page they asked for, query included, encoded", () => {
    expect(signInAddressFor("/team/checkout/plan?cycle=2026-q3")).toBe(
      "/sign-in?next=%2Fteam%2Fcheckout%2Fplan%3Fcycle%3D2026-q3",
    );
  });

  it("is plain for the start page, the sign-in page itself, and anything that is not a path", () => {
    for (const path of [null, "", "/", "/sign-in", "/sign-in?next=%2Forg", "https://evil.example/x", "org"]) {
      expect(signInAddressFor(path)).toBe("/sign-in");
    }
  });
});
