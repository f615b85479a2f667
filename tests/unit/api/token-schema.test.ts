import { describe, expect, it } from "vitest";
import {
  createApiTokenSchema,
  DEFAULT_TOKEN_LIFETIME_DAYS,
  TOKEN_LIFETIMES_DAYS,
  tokenState,
} from "@/contracts/api/tokens";

describe("the create-token form", () => {
  it("accepts a name and one of the offered lifetimes, the longest a year", () => {
    expect(TOKEN_LIFETIMES_DAYS).toContain(DEFAULT_TOKEN_LIFETIME_DAYS);
    expect(Math.max(...TOKEN_LIFETIMES_DAYS)).toBe(365);
    for (const days of TOKEN_LIFETIMES_DAYS) {
      expect(createApiTokenSchema.parse({ name: "  Grafana  ", expiresInDays: String(days) })).toEqual({
        name: "Grafana",
        expiresInDays: days,
      });
    }
  });

  it("refuses an empty or long name and any other lifetime, field by field", () => {
    const cases: [Record<string, string>, string][] = [
      [{ name: "   ", expiresInDays: "90" }, "name"],
      [{ name: "x".repeat(81), expiresInDays: "90" }, "name"],
      [{ name: "Script", expiresInDays: "366" }, "expiresInDays"],
      [{ name: "Script", expiresInDays: "0" }, "expiresInDays"],
      [{ name: "Script", expiresInDays: "forever" }, "expiresInDays"],
      [{ name: "Script" }, "expiresInDays"],
    ];
    for (const [input, field] of cases) {
      const result = createApiTokenSchema.safeParse(input);
      expect(result.success, JSON.stringify(input)).toBe(false);
      expect(
        result.error!.issues.map((issue) => issue.path.join(".")),
        JSON.stringify(input),
      ).toEqual([field]);
    }
  });
});

describe("a token's state", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  it("is revoked once revoked, else expired from its expiry time on, else active", () => {
    expect(tokenState({ expiresAt: "2026-06-01T12:00:01Z", revokedAt: null }, now)).toBe("active");
    expect(tokenState({ expiresAt: "2026-06-01T12:00:00Z", revokedAt: null }, now)).toBe("expired");
    expect(tokenState({ expiresAt: "2027-01-01T00:00:00Z", revokedAt: "2026-05-01T00:00:00Z" }, now)).toBe(
      "revoked",
    );
  });
});
