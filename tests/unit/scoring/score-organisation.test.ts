import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answers, PitfallId } from "../../../src/domain/content/schema";
import {
  type AssessmentScore,
  scoreAssessment,
  scoreOrganisation,
  type TeamAssessmentResult,
} from "../../../src/domain/scoring";
import { validAnswers, validContext } from "./arbitraries";
import {
  allQuestions,
  answerEvery,
  fixtureContent,
  fixtureQuestionnaire,
  healthiestValue,
  healthyContext,
  notApplicable,
  value,
} from "./fixtures";

const healthyAnswers = answerEvery(allQuestions, (question) => value(healthiestValue(question)));

/** A team whose change-management-treacle score is driven by how many of its deployments need approval. */
function team(
  teamId: string,
  overrides: Answers,
  options: { orgUnitId?: string; context?: Answers } = {},
): TeamAssessmentResult {
  const context = options.context ?? healthyContext;
  return {
    teamId,
    orgUnitId: options.orgUnitId,
    context,
    result: scoreAssessment(fixtureContent, { ...healthyAnswers, ...overrides }, context),
  };
}

const onCall = (setup: string): Answers => ({ ...healthyContext, "on-call-setup": value(setup) });

/** The fixture names its on-call setup question and values differently from questionnaire v1. */
const fixtureOnCall = {
  contextQuestionId: "on-call-setup",
  ownScheduleValues: ["own-schedule"],
  domainScheduleValues: ["domain-schedule"],
};
const treacle: PitfallId = "change-management-treacle";

describe("scoreOrganisation: run cost signal", () => {
  it("counts own schedules, domain schedules once per org unit, and divides by teams with a known setup", () => {
    const signals = scoreOrganisation(
      [
        team("a", {}, { orgUnitId: "payments", context: onCall("own-schedule") }),
        team("b", {}, { orgUnitId: "payments", context: onCall("domain-schedule") }),
        team("c", {}, { orgUnitId: "payments", context: onCall("domain-schedule") }),
        team("d", {}, { orgUnitId: "search", context: onCall("domain-schedule") }),
        team("e", {}, { context: onCall("domain-schedule") }),
        team("f", {}, { orgUnitId: "search", context: onCall("no-out-of-hours") }),
        team(
          "g",
          {},
          { orgUnitId: "search", context: { ...healthyContext, "on-call-setup": { kind: "dontKnow" } } },
        ),
      ],
      fixtureOnCall,
    );
    expect(signals.runCost).toEqual({
      productTeams: 7,
      teamsWithKnownSetup: 6,
      teamsWithUnknownSetup: 1,
      teamsWithOwnSchedule: 1,
      teamsOnDomainSchedule: 4,
      domainSchedules: 3, // payments, search, and team e without an org unit
      teamsWithoutSchedule: 1,
      outOfHoursSchedules: 4,
      schedulesPerTeam: 0.67,
    });
  });

  it("reports a ratio of 1 when every team runs its own schedule: the linear run cost shape", () => {
    const teams = ["a", "b", "c"].map((id) => team(id, {}, { context: onCall("own-schedule") }));
    expect(scoreOrganisation(teams, fixtureOnCall).runCost.schedulesPerTeam).toBe(1);
  });

  it("has no ratio when no team's setup is known", () => {
    expect(scoreOrganisation([]).runCost.schedulesPerTeam).toBeNull();
  });

  it("reads the on-call setup from the question given", () => {
    const teams = [team("a", {}, { context: { ...healthyContext, "availability-target": value("99") } })];
    const signals = scoreOrganisation(teams, {
      contextQuestionId: "availability-target",
      ownScheduleValues: ["99-9"],
      domainScheduleValues: ["99"],
    });
    expect(signals.runCost).toMatchObject({
      teamsOnDomainSchedule: 1,
      domainSchedules: 1,
      teamsWithOwnSchedule: 0,
    });
  });
});

describe("scoreOrganisation: pitfall distribution and percentiles", () => {
  // Treacle scores: every deploy approved (w2 of 9) → 22.2; plus deploys 0/week (w3) → 55.6; healthy → 0.
  const approved = { "cmt-every-deploy-approved": value(true) };
  const teams = [
    team("t1", {}, { orgUnitId: "u1" }),
    team("t2", approved, { orgUnitId: "u1" }),
    team("t3", approved, { orgUnitId: "u2" }),
    team(
      "t4",
      { ...approved, "cmt-deploys-per-week": value(0), "cmt-approval-days": value(10) },
      { orgUnitId: "u2" },
    ),
    team(
      "t5",
      answerEvery(fixtureQuestionnaire.sections[1]!.questions, () => notApplicable()),
    ),
  ];
  const signals = scoreOrganisation(teams);
  const distribution = signals.pitfalls.find((pitfall) => pitfall.pitfallId === treacle)!;
  const percentile = (teamId: string) =>
    signals.standings.find((s) => s.teamId === teamId)!.percentiles[treacle];

  it("counts bands, statuses, the average and the share at high or critical", () => {
    expect(teams.map((t) => t.result.pitfalls[1]!.score)).toEqual([0, 22.2, 22.2, 77.8, null]);
    expect(distribution).toEqual({
      pitfallId: treacle,
      teams: 5,
      scored: 4,
      notAssessed: 1,
      insufficientEvidence: 0,
      bands: { none: 1, low: 2, medium: 0, high: 1, critical: 0 },
      averageScore: 30.6, // (0 + 22.2 + 22.2 + 77.8) / 4 = 30.55
      highOrCriticalShare: 0.25,
    });
  });

  it("gives each team the share of other scored teams below it, ties counted half", () => {
    expect(percentile("t1")).toBe(0);
    expect(percentile("t2")).toBe(50); // (1 lower + ½ of 1 tie) / 3 others
    expect(percentile("t3")).toBe(50);
    expect(percentile("t4")).toBe(100);
    expect(percentile("t5")).toBeNull();
  });

  it("gives a lone scored team the middle percentile", () => {
    const alone = scoreOrganisation([team("solo", approved)]);
    expect(alone.standings[0]!.percentiles[treacle]).toBe(50);
  });

  it("puts every team at 50 when all scores tie", () => {
    const tied = scoreOrganisation(["a", "b", "c", "d"].map((id) => team(id, approved)));
    expect(tied.standings.map((s) => s.percentiles[treacle])).toEqual([50, 50, 50, 50]);
  });

  it("rolls up per org unit, ordered by unit id, leaving teams without a unit out", () => {
    expect(signals.orgUnits.map((unit) => [unit.orgUnitId, unit.teams])).toEqual([
      ["u1", 2],
      ["u2", 2],
    ]);
    const u2 = signals.orgUnits[1]!.pitfalls.find((pitfall) => pitfall.pitfallId === treacle)!;
    expect(u2).toMatchObject({ scored: 2, averageScore: 50, bands: { low: 1, high: 1 } });
  });

  it("refuses the same team twice", () => {
    expect(() => scoreOrganisation([team("a", {}), team("a", approved)])).toThrow(
      /Team "a" appears more than once/,
    );
  });
});

describe("scoreOrganisation properties", () => {
  const teamsArbitrary = fc
    .array(
      fc.tuple(
        validAnswers(fixtureQuestionnaire),
        validContext(fixtureQuestionnaire),
        fc.constantFrom("u1", "u2", undefined),
      ),
      {
        maxLength: 25,
      },
    )
    .map((rows) =>
      rows.map(([answers, context, orgUnitId], index): TeamAssessmentResult => ({
        teamId: `team-${index}`,
        orgUnitId,
        context,
        result: scoreAssessment(fixtureContent, answers, context),
      })),
    );

  it("keeps percentiles in 0..100 and orders them like the scores", () => {
    fc.assert(
      fc.property(teamsArbitrary, (teams) => {
        const signals = scoreOrganisation(teams);
        for (const pitfall of fixtureQuestionnaire.sections.map((section) => section.pitfallId)) {
          const rows = teams.map((t) => ({
            score: scoreOf(t.result, pitfall),
            percentile: signals.standings.find((s) => s.teamId === t.teamId)!.percentiles[pitfall],
          }));
          for (const row of rows) {
            if (row.score === null) {
              expect(row.percentile).toBeNull();
              continue;
            }
            expect(row.percentile).toBeGreaterThanOrEqual(0);
            expect(row.percentile).toBeLessThanOrEqual(100);
          }
          const scored = rows.filter((row) => row.score !== null);
          for (const a of scored) {
            for (const b of scored) {
              if (a.score! < b.score!) expect(a.percentile!).toBeLessThan(b.percentile!);
              if (a.score === b.score) expect(a.percentile).toBe(b.percentile);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("does not depend on the order of the teams", () => {
    fc.assert(
      fc.property(
        teamsArbitrary.chain((teams) =>
          fc.tuple(fc.constant(teams), fc.shuffledSubarray(teams, { minLength: teams.length })),
        ),
        ([teams, shuffled]) => {
          expect(scoreOrganisation(shuffled)).toEqual(scoreOrganisation(teams));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("scores 2,000 teams", () => {
    const many = Array.from({ length: 2000 }, (_, index) =>
      team(
        `team-${String(index).padStart(4, "0")}`,
        { "cmt-deploys-per-week": value(index % 6) },
        {
          orgUnitId: `unit-${index % 40}`,
          context: onCall(index % 3 === 0 ? "own-schedule" : "domain-schedule"),
        },
      ),
    );
    const signals = scoreOrganisation(many, fixtureOnCall);
    expect(signals.teams).toBe(2000);
    expect(signals.runCost.outOfHoursSchedules).toBe(667 + 40);
    expect(signals.standings).toHaveLength(2000);
  });
});

function scoreOf(result: AssessmentScore, pitfallId: PitfallId): number | null {
  const pitfall = result.pitfalls.find((candidate) => candidate.pitfallId === pitfallId)!;
  return pitfall.status === "scored" ? pitfall.score : null;
}
