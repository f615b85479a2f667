import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PITFALL_IDS } from "@/domain/content/schema";
import {
  compareHeadlineRisk,
  headlineSentence,
  showsFindings,
  sortRiskierFirst,
  teamHeadline,
  type HeadlinePitfallResult,
  type TeamHeadline,
} from "@/domain/results/headline";
import { bandForScore, RISK_BANDS, type RiskBand } from "@/domain/scoring/bands";

const rank = (band: RiskBand) => RISK_BANDS.indexOf(band);
const names: Record<string, string> = {
  "excessive-bau": "Excessive BAU",
  "linear-run-costs": "Linear run costs",
};
const nameOf = (id: string) => names[id] ?? id;

function scored(
  pitfallId: string,
  score: number,
  band: RiskBand = bandForScore(score),
): HeadlinePitfallResult {
  return { pitfallId, status: "scored", score, band };
}

/** Seven pitfalls: the given scores for the first ones, 5.0 (band None) for the rest. */
function team(...scores: number[]): HeadlinePitfallResult[] {
  return PITFALL_IDS.map((pitfallId, index) => scored(pitfallId, scores[index] ?? 5));
}

describe("a team's headline", () => {
  it("leads with the worst pitfall's band, not the average", () => {
    // The case from the issue: one Critical pitfall among quiet ones averages to Low.
    const results = PITFALL_IDS.map((pitfallId) =>
      pitfallId === "excessive-bau" ? scored(pitfallId, 89.7) : scored(pitfallId, 14.7),
    );
    const headline = teamHeadline(results);
    expect(headline).toEqual({
      worstBand: "critical",
      worstPitfalls: ["excessive-bau"],
      worstScore: 89.7,
      namedBand: "critical",
      topScore: 89.7,
      worstSuspected: false,
      highOrCriticalCount: 1,
      criticalCount: 1,
      scoredCount: 7,
      unscoredCount: 0,
      averageScore: 25.4,
    });
    expect(bandForScore(headline.averageScore!)).toBe("low");
    expect(headlineSentence(headline, nameOf)).toBe(
      "Critical — 1 pitfall High or Critical (worst: Excessive BAU 89.7) · average 25.4",
    );
  });

  it("counts High and Critical pitfalls and lists the worst band's pitfalls highest score first", () => {
    const results = [
      scored("linear-run-costs", 68.8),
      scored("excessive-bau", 89.7),
      scored("a", 81),
      scored("b", 62),
      scored("c", 20),
      { pitfallId: "d", status: "not-assessed", score: null, band: null },
      { pitfallId: "e", status: "insufficient-evidence", score: null, band: null },
    ];
    const headline = teamHeadline(results);
    expect(headline.worstBand).toBe("critical");
    expect(headline.worstPitfalls).toEqual(["excessive-bau", "a"]);
    expect(headline.highOrCriticalCount).toBe(4);
    expect(headline.criticalCount).toBe(2);
    expect(headline.scoredCount).toBe(5);
    expect(headline.unscoredCount).toBe(2);
    expect(headline.averageScore).toBe(64.3);
    expect(headlineSentence(headline, nameOf)).toBe(
      "Critical — 4 pitfalls High or Critical (worst: Excessive BAU 89.7) · average 64.3",
    );
  });

  it("takes the stored band, which a defining finding may set above the score's band", () => {
    const headline = teamHeadline([scored("excessive-bau", 26.1, "high"), scored("linear-run-costs", 40)]);
    expect(headline.worstBand).toBe("high");
    expect(headline.worstPitfalls).toEqual(["excessive-bau"]);
    expect(headline.highOrCriticalCount).toBe(1);
  });

  it("has no band when nothing is scored, and ignores bands it does not know", () => {
    const headline = teamHeadline([
      { pitfallId: "a", status: "not-assessed", score: null, band: null },
      { pitfallId: "b", status: "scored", score: 50, band: "severe" },
      { pitfallId: "c", status: "scored", score: null, band: "high" },
    ]);
    expect(headline).toMatchObject({ worstBand: null, scoredCount: 0, unscoredCount: 3, averageScore: null });
    expect(headlineSentence(headline, nameOf)).toMatch(/^Not scored/);
    expect(teamHeadline([]).worstBand).toBeNull();
  });

  it("names a confirmed pitfall before one resting on 'don't know' alone in the same band, and marks a suspected one", () => {
    const suspected = { ...scored("excessive-bau", 79.9), dontKnowOnly: true };
    const confirmed = scored("linear-run-costs", 68.8);
    const headline = teamHeadline([suspected, confirmed]);
    expect(headline.worstPitfalls).toEqual(["linear-run-costs", "excessive-bau"]);
    expect(headline).toMatchObject({ worstScore: 68.8, worstSuspected: false, highOrCriticalCount: 2 });
    const alone = teamHeadline([suspected, scored("linear-run-costs", 20)]);
    expect(alone.worstSuspected).toBe(true);
    expect(headlineSentence(alone, nameOf)).toBe(
      "High — 1 pitfall High or Critical (worst: Excessive BAU 79.9, suspected) · average 50.0",
    );
  });

  it("names no pitfall in band None: a team without risk shows no symptoms", () => {
    const headline = teamHeadline(team(8, 3));
    expect(headline).toMatchObject({ worstBand: "none", worstPitfalls: [], worstScore: null, topScore: 8 });
    expect(headlineSentence(headline, nameOf)).toBe("None — no pitfall shows symptoms · average 5.1");
  });
});

/** A scored result for which nothing was found: only healthy-side or middle answers. */
function nothingFound(pitfallId: string, score: number): HeadlinePitfallResult {
  return { ...scored(pitfallId, score), evidenceFound: false };
}

describe("a headline names only pitfalls with evidence", () => {
  it("says plainly that no pitfall shows symptoms when nothing was found for any", () => {
    // Every answer "agree" on a good practice: Low everywhere, nothing found anywhere.
    const results = PITFALL_IDS.map((pitfallId) => nothingFound(pitfallId, 25));
    const headline = teamHeadline(results);
    expect(headline).toMatchObject({
      worstBand: "low",
      worstPitfalls: [],
      worstScore: null,
      namedBand: null,
      topScore: 25,
      averageScore: 25,
    });
    expect(headlineSentence(headline, nameOf)).toBe("Low — no pitfall shows symptoms · average 25.0");
  });

  it("names the pitfall with evidence, not a higher-scoring one at the same band without any", () => {
    const headline = teamHeadline([
      nothingFound("linear-run-costs", 27.5),
      scored("excessive-bau", 14.2),
      scored("c", 5),
    ]);
    expect(headline.worstBand).toBe("low");
    expect(headline.worstPitfalls).toEqual(["excessive-bau"]);
    expect(headline.worstScore).toBe(14.2);
    expect(headlineSentence(headline, nameOf)).toBe(
      "Low — no pitfall High or Critical (worst: Excessive BAU 14.2) · average 15.6",
    );
  });

  it("keeps the worst band, and names the worst pitfall with evidence below it", () => {
    // Fence-sitting everywhere on Linear run costs scores 50 with nothing found.
    const headline = teamHeadline([nothingFound("linear-run-costs", 50), scored("excessive-bau", 22)]);
    expect(headline).toMatchObject({
      worstBand: "medium",
      worstPitfalls: ["excessive-bau"],
      worstScore: 22,
      namedBand: "low",
      topScore: 50,
    });
    expect(headlineSentence(headline, nameOf)).toBe(
      "Medium — no pitfall High or Critical (worst with symptoms: Excessive BAU 22.0) · average 36.0",
    );
  });

  it("never hides a High or Critical pitfall, whatever its flag says", () => {
    const headline = teamHeadline([
      { ...scored("excessive-bau", 26.1, "high"), evidenceFound: false },
      scored("linear-run-costs", 40),
    ]);
    expect(headline.worstBand).toBe("high");
    expect(headline.worstPitfalls).toEqual(["excessive-bau"]);
    expect(headline.highOrCriticalCount).toBe(1);
  });

  it("reads a result without the flag as found, as results were stored before it", () => {
    expect(teamHeadline([scored("excessive-bau", 25)]).worstPitfalls).toEqual(["excessive-bau"]);
  });

  it("orders teams by their worst band and its top score, named or not", () => {
    const nothing = teamHeadline([nothingFound("linear-run-costs", 29)]);
    const something = teamHeadline([scored("linear-run-costs", 20)]);
    expect(compareHeadlineRisk(nothing, something)).toBeLessThan(0);
  });
});

describe("findings shown only for pitfalls with risk", () => {
  it("hides symptoms and next steps for band None and for unscored pitfalls", () => {
    expect(showsFindings({ status: "scored", score: 2.6, band: "none" })).toBe(false);
    expect(showsFindings({ status: "not-assessed", score: null, band: null })).toBe(false);
    expect(showsFindings({ status: "insufficient-evidence", score: 40, band: "medium" })).toBe(false);
    expect(showsFindings({ status: "scored", score: 10, band: "low" })).toBe(true);
    expect(showsFindings({ status: "scored", score: 89.7, band: "critical" })).toBe(true);
  });
});

describe("riskier first", () => {
  it("orders by worst band, then High-or-Critical count, then worst score, then average; unscored last", () => {
    const criticalLowAverage = { name: "critical, low average", results: team(89.7) };
    const mediumHighAverage = { name: "medium, higher average", results: team(55, 55, 55, 55, 55, 55, 55) };
    const twoHigh = { name: "two high", results: team(70, 65) };
    const oneHigher = { name: "one high, higher", results: team(75) };
    const oneHigh = { name: "one high", results: team(70, 40) };
    const oneHighSameWorst = { name: "one high, same worst, lower average", results: team(70, 20) };
    const nothing = {
      name: "nothing scored",
      results: PITFALL_IDS.map((pitfallId) => ({
        pitfallId,
        status: "not-assessed",
        score: null,
        band: null,
      })),
    };
    const headlines = new Map(
      [criticalLowAverage, mediumHighAverage, twoHigh, oneHigher, oneHigh, oneHighSameWorst, nothing].map(
        (entry) => [entry.name, teamHeadline(entry.results)],
      ),
    );
    const order = sortRiskierFirst([...headlines.keys()].reverse(), (name) => headlines.get(name)!);
    expect(order).toEqual([
      "critical, low average",
      "two high",
      "one high, higher",
      "one high",
      "one high, same worst, lower average",
      "medium, higher average",
      "nothing scored",
    ]);
    expect(headlines.get("medium, higher average")!.averageScore).toBeGreaterThan(
      headlines.get("critical, low average")!.averageScore!,
    );
  });
});

// ----- properties -----

/** A score with one decimal, as stored. */
const scoreArb = fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10);
/** A band floor a defining finding may set; "none" means no floor. */
const floorArb = fc.constantFrom<RiskBand>(...RISK_BANDS);

interface GeneratedPitfall {
  score: number;
  floor: RiskBand;
  status: "scored" | "not-assessed" | "insufficient-evidence";
}

const pitfallArb: fc.Arbitrary<GeneratedPitfall> = fc.record({
  score: scoreArb,
  floor: fc.oneof(
    { arbitrary: fc.constant<RiskBand>("none"), weight: 3 },
    { arbitrary: floorArb, weight: 1 },
  ),
  status: fc.oneof(
    { arbitrary: fc.constant("scored" as const), weight: 5 },
    { arbitrary: fc.constantFrom("not-assessed" as const, "insufficient-evidence" as const), weight: 1 },
  ),
});

const teamArb = fc.array(pitfallArb, { minLength: PITFALL_IDS.length, maxLength: PITFALL_IDS.length });

/** The engine's shape: the band follows the score, raised to the floor when a finding sets one. */
function toResults(pitfalls: readonly GeneratedPitfall[]): HeadlinePitfallResult[] {
  return pitfalls.map((pitfall, index) => {
    const pitfallId = PITFALL_IDS[index]!;
    if (pitfall.status !== "scored") return { pitfallId, status: pitfall.status, score: null, band: null };
    const band = bandForScore(pitfall.score);
    return {
      pitfallId,
      status: "scored",
      score: pitfall.score,
      band: rank(band) >= rank(pitfall.floor) ? band : pitfall.floor,
    };
  });
}

describe("headline properties", () => {
  it("the headline band is never lower than any scored pitfall's band", () => {
    fc.assert(
      fc.property(teamArb, (pitfalls) => {
        const results = toResults(pitfalls);
        const headline = teamHeadline(results);
        for (const result of results) {
          if (result.band === null) continue;
          expect(headline.worstBand).not.toBeNull();
          expect(rank(headline.worstBand!)).toBeGreaterThanOrEqual(rank(result.band as RiskBand));
        }
      }),
    );
  });

  it("raising one pitfall's score never moves a team later in the risk order", () => {
    fc.assert(
      fc.property(teamArb, fc.nat({ max: PITFALL_IDS.length - 1 }), scoreArb, (pitfalls, index, raised) => {
        const target = pitfalls[index]!;
        fc.pre(target.status === "scored" && raised > target.score);
        const before = teamHeadline(toResults(pitfalls));
        const after = teamHeadline(
          toResults(pitfalls.map((pitfall, i) => (i === index ? { ...pitfall, score: raised } : pitfall))),
        );
        // `after` comes first or ties: never later.
        expect(compareHeadlineRisk(after, before)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("the average never decides the headline band", () => {
    fc.assert(
      fc.property(teamArb, (pitfalls) => {
        const results = toResults(pitfalls);
        const headline = teamHeadline(results);
        // The band is the highest stored band, whatever the average's own band would be.
        const bands = results.flatMap((result) =>
          result.band === null ? [] : [rank(result.band as RiskBand)],
        );
        const expected = bands.length === 0 ? null : RISK_BANDS[Math.max(...bands)];
        expect(headline.worstBand).toBe(expected);
        // Changing every other pitfall's score within its band moves the average but not the band.
        if (headline.averageScore !== null) {
          expect(rank(headline.worstBand!)).toBeGreaterThanOrEqual(rank(bandForScore(headline.averageScore)));
        }
      }),
    );
  });

  it("orders consistently: antisymmetric, and every team with a score before every team without", () => {
    fc.assert(
      fc.property(teamArb, teamArb, (first, second) => {
        const a: TeamHeadline = teamHeadline(toResults(first));
        const b: TeamHeadline = teamHeadline(toResults(second));
        expect(Math.sign(compareHeadlineRisk(a, b))).toBe(-Math.sign(compareHeadlineRisk(b, a)) || 0);
        if (a.worstBand !== null && b.worstBand === null) expect(compareHeadlineRisk(a, b)).toBeLessThan(0);
      }),
    );
  });
});
