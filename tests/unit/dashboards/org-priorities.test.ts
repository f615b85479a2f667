import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { content, countermeasureById } from "@/domain/content";
import { PITFALL_IDS, type PitfallId } from "@/domain/content/schema";
import {
  buildOrgPriorities,
  sameTeamsChangeText,
  TOP_ORG_COUNTERMEASURES,
  type OrgPrioritiesInput,
} from "@/domain/dashboards/org-priorities";
import { coverageText, percentileBasis, percentilesBasis } from "@/domain/dashboards/coverage";
import { readStoredResults, type StoredResultRow } from "@/domain/plans/stored-rankings";
import { bandForScore } from "@/domain/scoring/bands";
import { BAND_URGENCY, compareRemediation } from "@/domain/scoring/remediation-order";

const [cmA, cmB, cmC] = content.countermeasures.map((countermeasure) => countermeasure.id);

/** Per pitfall: its score and the risk each countermeasure would remove from it. */
type TeamScores = Partial<Record<PitfallId, { score: number; removes?: Record<string, number> }>>;

function storedRows(scores: TeamScores): StoredResultRow[] {
  return PITFALL_IDS.map((pitfallId) => {
    const entry = scores[pitfallId] ?? { score: 5 };
    return {
      pitfallId,
      status: "scored",
      score: entry.score,
      band: bandForScore(entry.score),
      confidence: 0.8,
      detail: JSON.stringify({
        triggeredSymptoms: [],
        countermeasures: Object.entries(entry.removes ?? {}).map(([countermeasureId, riskRemoved]) => ({
          countermeasureId,
          action: `Action ${countermeasureId}`,
          rationale: "so that",
          addresses: [],
          addressesTriggered: [],
          riskRemoved,
        })),
      }),
    };
  });
}

const units = [
  { id: "u1", name: "Payments", slug: "payments" },
  { id: "u2", name: "Logistics", slug: "logistics" },
];
const teams = [
  { id: "t1", name: "Checkout", slug: "checkout", orgUnitId: "u1" },
  { id: "t2", name: "Billing", slug: "billing", orgUnitId: "u1" },
  { id: "t3", name: "Returns", slug: "returns", orgUnitId: "u2" },
  { id: "t4", name: "Fleet", slug: "fleet", orgUnitId: "u2" },
];

function input(overrides: Partial<OrgPrioritiesInput> = {}): OrgPrioritiesInput {
  return {
    units,
    teams,
    current: new Map([
      [
        "t1",
        storedRows({
          "linear-run-costs": { score: 85, removes: { [cmA!]: 20, [cmB!]: 5 } },
          "excessive-bau": { score: 65, removes: { [cmB!]: 30 } },
        }),
      ],
      ["t2", storedRows({ "linear-run-costs": { score: 70, removes: { [cmA!]: 10 } } })],
      [
        "t3",
        storedRows({
          "linear-run-costs": { score: 90, removes: { [cmA!]: 25 } },
          "excessive-bau": { score: 92, removes: { [cmC!]: 15 } },
        }),
      ],
    ]),
    previous: new Map([
      ["t1", storedRows({ "linear-run-costs": { score: 40 } })],
      ["t3", storedRows({ "linear-run-costs": { score: 88 } })],
    ]),
    previousCycleName: "2026 Q3",
    planItems: [
      { teamId: "t1", countermeasureId: cmA!, status: "in_progress" },
      { teamId: "t3", countermeasureId: cmA!, status: "dropped" },
    ],
    ...overrides,
  };
}

describe("where the organisation is at risk", () => {
  it("lists pitfalls by teams at High or Critical, with the change among the teams that submitted in both", () => {
    const { pitfalls, coverage } = buildOrgPriorities(input());
    expect(coverage).toEqual({ submitted: 3, teams: 4 });
    expect(pitfalls.map((risk) => [risk.pitfallId, risk.highOrCritical, risk.critical, risk.scored])).toEqual(
      [
        ["linear-run-costs", 3, 2, 3],
        ["excessive-bau", 2, 1, 3],
      ],
    );
    // Billing did not submit in 2026 Q3, so the change is about Checkout and Returns only.
    expect(pitfalls[0]!.change).toEqual({ teams: 2, before: 1, now: 2, since: "2026 Q3" });
    expect(sameTeamsChangeText(pitfalls[0]!.change!)).toBe(
      "up from 1 in 2026 Q3 to 2, among the 2 teams that submitted in both",
    );
  });

  it("lists the Critical teams with their Critical pitfalls, most first", () => {
    const { criticalTeams } = buildOrgPriorities(input());
    expect(
      criticalTeams.map((team) => [team.name, team.unitSlug, team.pitfalls.map((p) => p.pitfallId)]),
    ).toEqual([
      ["Returns", "logistics", ["excessive-bau", "linear-run-costs"]],
      ["Checkout", "payments", ["linear-run-costs"]],
    ]);
  });

  it("marks a team whose assessment is reopened: its last submitted results still count", () => {
    const { criticalTeams } = buildOrgPriorities(input({ reopenedTeamIds: new Set(["t3"]) }));
    expect(criticalTeams.map((team) => [team.name, team.reopened])).toEqual([
      ["Returns", true],
      ["Checkout", false],
    ]);
  });

  it("ranks countermeasures by the engine's remediation order summed over teams, with who already plans them", () => {
    const { countermeasures } = buildOrgPriorities(input());
    expect(countermeasures.map((entry) => entry.countermeasureId)).toEqual([cmA, cmB, cmC]);
    const first = countermeasures[0]!;
    expect(first.totalRiskRemoved).toBe(55);
    // Critical counts 4, High 3: Checkout 20×4, Billing 10×3, Returns 25×4.
    expect(first.urgency).toBe(210);
    expect(first.teams.map((team) => [team.name, team.riskRemoved, team.planStatus])).toEqual([
      ["Returns", 25, "dropped"],
      ["Checkout", 20, "in_progress"],
      ["Billing", 10, null],
    ]);
    // A dropped item does not count as planned.
    expect(first.planned).toBe(1);
  });

  it("has nothing to compare without a cycle before", () => {
    const { pitfalls } = buildOrgPriorities(input({ previousCycleName: null, previous: new Map() }));
    expect(pitfalls.every((risk) => risk.change === null)).toBe(true);
  });
});

describe("coverage and percentile wording", () => {
  it("says how many teams a figure covers, and that an open cycle is provisional", () => {
    expect(coverageText({ submitted: 3, teams: 5 }, true)).toBe("3 of 5 teams so far");
    expect(coverageText({ submitted: 5, teams: 5 }, false)).toBe("5 of 5 teams submitted");
    expect(percentileBasis(9, true)).toBe(
      "ranked against 9 teams scored on this pitfall, provisional while the cycle is open",
    );
    expect(percentileBasis(2, false)).toBe("ranked against 2 teams scored on this pitfall");
    expect(percentileBasis(1, false)).toBe("ranked against 1 team scored on this pitfall");
    expect(percentilesBasis(true)).toBe(
      "ranked against the teams scored on each pitfall, provisional while the cycle is open",
    );
    expect(percentilesBasis(false)).toBe("ranked against the teams scored on each pitfall");
    expect(sameTeamsChangeText({ teams: 0, before: 0, now: 0, since: "2026 Q3" })).toBe(
      "no team submitted in both 2026 Q3 and this cycle",
    );
  });
});

const countermeasureIds = content.countermeasures.slice(0, 6).map((countermeasure) => countermeasure.id);
const teamScoresArb: fc.Arbitrary<TeamScores> = fc.dictionary(
  fc.constantFrom(...PITFALL_IDS),
  fc.record({
    score: fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10),
    removes: fc.dictionary(
      fc.constantFrom(...countermeasureIds),
      fc.integer({ min: 0, max: 400 }).map((tenths) => tenths / 10),
    ),
  }),
) as fc.Arbitrary<TeamScores>;

describe("properties", () => {
  it("a single team's priorities follow that team's own ranking by urgency", () => {
    fc.assert(
      fc.property(teamScoresArb, (scores) => {
        const rows = storedRows(scores);
        const { countermeasures } = buildOrgPriorities(
          input({ current: new Map([["t1", rows]]), previous: new Map(), planItems: [] }),
        );
        // The team's own list puts its worst pitfall's first step first whatever its urgency; summed
        // over an organisation only urgency orders, so the team's list is compared in that order.
        const { pitfalls, recommendations } = readStoredResults(rows);
        const bandOf = new Map(pitfalls.map((pitfall) => [pitfall.pitfallId, pitfall.band ?? "none"]));
        const own = recommendations
          .filter((recommendation) => recommendation.totalRiskRemoved > 0)
          .map((recommendation) => ({
            countermeasureId: recommendation.countermeasureId,
            totalRiskRemoved: recommendation.totalRiskRemoved,
            urgency:
              Math.round(
                recommendation.pitfalls.reduce(
                  (sum, entry) => sum + entry.riskRemoved * BAND_URGENCY[bandOf.get(entry.pitfallId)!],
                  0,
                ) * 10,
              ) / 10,
            effort: countermeasureById(recommendation.countermeasureId)!.effort,
          }))
          .sort(compareRemediation)
          .map((key) => key.countermeasureId)
          .slice(0, TOP_ORG_COUNTERMEASURES);
        expect(countermeasures.map((entry) => entry.countermeasureId)).toEqual(own);
      }),
    );
  });

  it("is in remediation order, counts within bounds and does not depend on the order teams arrive in", () => {
    fc.assert(
      fc.property(fc.array(teamScoresArb, { minLength: 1, maxLength: 4 }), (teamScores) => {
        const entries = teamScores.map((scores, index) => [teams[index]!.id, storedRows(scores)] as const);
        const forward = buildOrgPriorities(input({ current: new Map(entries), previous: new Map(entries) }));
        const backward = buildOrgPriorities(
          input({ current: new Map([...entries].reverse()), previous: new Map(entries) }),
        );
        expect(backward.countermeasures.map((entry) => entry.countermeasureId)).toEqual(
          forward.countermeasures.map((entry) => entry.countermeasureId),
        );
        expect(backward.pitfalls).toEqual(forward.pitfalls);
        for (let index = 1; index < forward.countermeasures.length; index++) {
          expect(
            compareRemediation(forward.countermeasures[index - 1]!, forward.countermeasures[index]!),
          ).toBeLessThanOrEqual(0);
        }
        for (const risk of forward.pitfalls) {
          expect(risk.critical).toBeLessThanOrEqual(risk.highOrCritical);
          expect(risk.highOrCritical).toBeLessThanOrEqual(risk.scored);
          // Compared with itself, nothing moved.
          expect(risk.change).toMatchObject({ before: risk.highOrCritical, now: risk.highOrCritical });
        }
        for (const countermeasure of forward.countermeasures) {
          expect(countermeasure.planned).toBeLessThanOrEqual(countermeasure.teams.length);
          expect(countermeasure.teams.every((team) => team.riskRemoved > 0)).toBe(true);
        }
      }),
    );
  });
});
