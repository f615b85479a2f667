import { describe, expect, it } from "vitest";
import { possessive } from "@/domain/text/possessive";

describe("a name in the possessive", () => {
  it("adds 's to a name that does not end in s", () => {
    expect(possessive("Checkout")).toBe("Checkout's");
    expect(possessive("Søk & Finn")).toBe("Søk & Finn's");
  });

  it("adds an apostrophe alone to a name ending in s, whatever its case", () => {
    expect(possessive("Cloud Foundations")).toBe("Cloud Foundations'");
    expect(possessive("Payments")).toBe("Payments'");
    expect(possessive("API GATEWAYS")).toBe("API GATEWAYS'");
  });
});
