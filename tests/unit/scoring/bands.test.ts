import { describe, expect, it } from "vitest";
import { BANDS, bandForScore, isHighOrCritical, RISK_BANDS } from "../../../src/domain/scoring";

describe("bandForScore", () => {
  it.each([
    [0, "none"],
    [9.9, "none"],
    [10, "low"],
    [29.9, "low"],
    [30, "medium"],
    [59.9, "medium"],
    [60, "high"],
    [79.9, "high"],
    [80, "critical"],
    [100, "critical"],
  ] as const)("puts %d in %s", (score, band) => {
    expect(bandForScore(score)).toBe(band);
  });

  it("puts a score exactly at each cut-off in the higher band", () => {
    for (const definition of BANDS) {
      expect(bandForScore(definition.from)).toBe(definition.band);
    }
  });

  it.each([-0.1, 100.1, Number.NaN, Number.POSITIVE_INFINITY])("refuses %d", (score) => {
    expect(() => bandForScore(score)).toThrow(RangeError);
  });
});

describe("BANDS", () => {
  it("lists every band once, in order, with contiguous ranges covering 0-100", () => {
    expect(BANDS.map((definition) => definition.band)).toEqual([...RISK_BANDS]);
    expect(BANDS[0]!.from).toBe(0);
    expect(BANDS.at(-1)!.to).toBe(100);
    for (let index = 1; index < BANDS.length; index++) {
      expect(BANDS[index]!.from).toBe(BANDS[index - 1]!.to);
    }
  });

  it("agrees with bandForScore just below each upper bound", () => {
    for (const definition of BANDS.slice(0, -1)) {
      expect(bandForScore(definition.to - 0.1)).toBe(definition.band);
    }
  });
});

describe("isHighOrCritical", () => {
  it("is true only for the two top bands", () => {
    expect(RISK_BANDS.filter((band) => isHighOrCritical(band))).toEqual(["high", "critical"]);
    expect(isHighOrCritical(null)).toBe(false);
  });
});
