/**
 * The calibration suite: every profile in ./profiles.ts scored by the real engine on the real
 * content, checked against the verdict a coach would give. One test per profile; after all of
 * them, one summary line: `calibration: N profiles, M passed`.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, it } from "vitest";
import { questionnaireV2 as questionnaire } from "@content/questionnaires/v2";
import { content } from "@/domain/content";
import type { Answers, PitfallId, Questionnaire } from "@/domain/content/schema";
import {
  type AssessmentScore,
  AnswerValidationError,
  type PitfallScore,
  RISK_BANDS,
  type RiskBand,
  scoreAssessment,
} from "@/domain/scoring";
import { headlineSentence, teamHeadline } from "@/domain/results/headline";
import { toStoredPitfallResults } from "@/domain/results/stored-results";
import {
  type BandRange,
  type CalibrationProfile,
  type Comparison,
  type PitfallExpectation,
  profiles,
  V2_ONLY_QUESTION_IDS,
} from "./profiles";

const scoringContent = {
  questionnaire: questionnaire as Questionnaire,
  pitfalls: content.pitfalls,
  countermeasures: content.countermeasures,
};

const questionIds = new Set(questionnaire.sections.flatMap((section) => section.questions.map((q) => q.id)));
const contextIds = new Set(questionnaire.context.map((question) => question.id));
const symptomIds = new Set(
  content.pitfalls.flatMap((pitfall) => pitfall.symptoms.map((symptom) => symptom.id)),
);
const causeIds = new Set(content.pitfalls.flatMap((pitfall) => pitfall.causes.map((cause) => cause.id)));
const countermeasureIds = new Set(content.countermeasures.map((countermeasure) => countermeasure.id));
const EFFORT_RANK = { low: 0, medium: 1, high: 2 } as const;
const effortOf = (countermeasureId: string) =>
  EFFORT_RANK[
    content.countermeasures.find((countermeasure) => countermeasure.id === countermeasureId)!.effort
  ];

/**
 * Answers the questionnaire in use can take. Only the questions v2 adds may be missing from it;
 * any other unknown id is a mistake in the profile and fails it.
 */
function answersFor(profile: CalibrationProfile, answers: Answers, problems: string[]): Answers {
  const kept: Record<string, Answers[string]> = {};
  for (const [id, answer] of Object.entries(answers)) {
    if (questionIds.has(id)) kept[id] = answer;
    else if (!V2_ONLY_QUESTION_IDS.includes(id)) {
      problems.push(`profile answers "${id}", which is not a question of questionnaire ${questionnaire.id}`);
    }
  }
  for (const id of Object.keys(profile.context)) {
    if (!contextIds.has(id))
      problems.push(`profile context "${id}" is not a context question of ${questionnaire.id}`);
  }
  return kept;
}

/** Typos in expectations must fail loudly rather than pass vacuously. */
function checkReferences(profile: CalibrationProfile, problems: string[]): void {
  const { expect } = profile;
  for (const [pitfallId, expectation] of Object.entries(expect.pitfalls) as [
    PitfallId,
    PitfallExpectation,
  ][]) {
    for (const id of [...(expectation.symptomsMustFire ?? []), ...(expectation.symptomsMustNotFire ?? [])]) {
      if (!symptomIds.has(id)) problems.push(`${pitfallId}: unknown symptom id "${id}"`);
    }
    for (const id of [
      ...(expectation.causesMustFire ?? []),
      ...(expectation.causesMustNotFire ?? []),
      ...(expectation.causesSuspected ?? []),
    ]) {
      if (!causeIds.has(id)) problems.push(`${pitfallId}: unknown cause id "${id}"`);
    }
    if (expectation.firstCountermeasure && !countermeasureIds.has(expectation.firstCountermeasure)) {
      problems.push(`${pitfallId}: unknown countermeasure id "${expectation.firstCountermeasure}"`);
    }
  }
  if (expect.firstCountermeasureOverall && !countermeasureIds.has(expect.firstCountermeasureOverall)) {
    problems.push(`unknown countermeasure id "${expect.firstCountermeasureOverall}"`);
  }
}

const bandIndex = (band: RiskBand) => RISK_BANDS.indexOf(band);
const inRange = (band: RiskBand, [lowest, highest]: BandRange) =>
  bandIndex(band) >= bandIndex(lowest) && bandIndex(band) <= bandIndex(highest);
const rangeText = ([lowest, highest]: BandRange) => (lowest === highest ? lowest : `${lowest}..${highest}`);

function describePitfall(pitfall: PitfallScore): string {
  const symptoms = pitfall.triggeredSymptoms.map((symptom) => symptom.symptomId);
  const causes = pitfall.triggeredCauses.map((cause) => cause.causeId);
  const order = pitfall.countermeasures.map((c) => `${c.countermeasureId} (${c.riskRemoved})`);
  return [
    `  ${pitfall.pitfallId}: ${pitfall.status}, score ${pitfall.score ?? "-"}, band ${pitfall.band ?? "-"}`,
    `    symptoms fired: ${symptoms.length ? symptoms.join(", ") : "none"}`,
    `    causes fired: ${causes.length ? causes.join(", ") : "none"}`,
    `    countermeasures: ${order.length ? order.join(" > ") : "none"}`,
  ].join("\n");
}

/** The pitfall a team's headline names: worst band, then highest score. */
function worstPitfall(pitfalls: readonly PitfallScore[]): PitfallScore | undefined {
  const rank = (pitfall: PitfallScore) => (pitfall.band === null ? -1 : RISK_BANDS.indexOf(pitfall.band));
  return pitfalls
    .filter((pitfall) => pitfall.score !== null && pitfall.band !== null && pitfall.band !== "none")
    .sort((a, b) => rank(b) - rank(a) || b.score! - a.score!)[0];
}

function checkPitfall(pitfall: PitfallScore, expectation: PitfallExpectation, problems: string[]): void {
  const where = pitfall.pitfallId;
  const expectedStatus = expectation.status ?? (expectation.band ? "scored" : undefined);
  if (expectedStatus && pitfall.status !== expectedStatus) {
    problems.push(`${where}: expected status ${expectedStatus}, engine said ${pitfall.status}`);
  }
  if (expectation.band) {
    if (pitfall.band === null || !inRange(pitfall.band, expectation.band)) {
      problems.push(
        `${where}: expected band ${rangeText(expectation.band)}, engine said ${pitfall.band ?? "no band"} (score ${pitfall.score ?? "-"})`,
      );
    }
  }
  const fired = new Set(pitfall.triggeredSymptoms.map((symptom) => symptom.symptomId));
  const missing = (expectation.symptomsMustFire ?? []).filter((id) => !fired.has(id));
  if (missing.length) problems.push(`${where}: symptoms that must fire but did not: ${missing.join(", ")}`);
  const unwanted = (expectation.symptomsMustNotFire ?? []).filter((id) => fired.has(id));
  if (unwanted.length) problems.push(`${where}: symptoms that must not fire but did: ${unwanted.join(", ")}`);
  const causes = new Set(pitfall.triggeredCauses.map((cause) => cause.causeId));
  const missingCauses = (expectation.causesMustFire ?? []).filter((id) => !causes.has(id));
  if (missingCauses.length)
    problems.push(`${where}: causes that must fire but did not: ${missingCauses.join(", ")}`);
  const unwantedCauses = (expectation.causesMustNotFire ?? []).filter((id) => causes.has(id));
  if (unwantedCauses.length)
    problems.push(`${where}: causes that must not fire but did: ${unwantedCauses.join(", ")}`);
  for (const id of expectation.causesSuspected ?? []) {
    const cause = pitfall.triggeredCauses.find((candidate) => candidate.causeId === id);
    if (!cause?.suspected) problems.push(`${where}: cause ${id} must be shown as suspected`);
  }
  if (expectation.firstCountermeasure) {
    const first = pitfall.countermeasures[0];
    const second = pitfall.countermeasures[1];
    // A tie for first place is a ranking only when the method's tie-break decides it: the first
    // takes less effort than every countermeasure it ties with. A tie settled by name is not.
    const tied =
      first &&
      second &&
      pitfall.countermeasures.some(
        (other) =>
          other !== first &&
          other.riskRemoved >= first.riskRemoved &&
          effortOf(other.countermeasureId) <= effortOf(first.countermeasureId),
      );
    if (!first || first.countermeasureId !== expectation.firstCountermeasure || first.riskRemoved <= 0) {
      problems.push(
        `${where}: expected first countermeasure ${expectation.firstCountermeasure}, engine ranked ${first ? `${first.countermeasureId} (${first.riskRemoved})` : "none"} first`,
      );
    } else if (tied) {
      problems.push(
        `${where}: ${expectation.firstCountermeasure} is first only by a tie with ${second.countermeasureId} (${first.riskRemoved} each)`,
      );
    }
  }
}

function score(profile: CalibrationProfile, answers: Answers, context: Answers, problems: string[]) {
  return scoreAssessment(scoringContent, answersFor(profile, answers, problems), context);
}

function checkComparison(
  profile: CalibrationProfile,
  result: AssessmentScore,
  comparison: Comparison,
  problems: string[],
) {
  const variant = score(
    profile,
    { ...profile.answers, ...comparison.answers },
    { ...profile.context, ...comparison.context },
    problems,
  );
  const mine = result.pitfalls.find((pitfall) => pitfall.pitfallId === comparison.pitfallId);
  const theirs = variant.pitfalls.find((pitfall) => pitfall.pitfallId === comparison.pitfallId);
  const a = mine?.score ?? 0;
  const b = theirs?.score ?? 0;
  const holds = comparison.relation === "above" ? a > b : comparison.relation === "below" ? a < b : a >= b;
  const words = { above: "above", below: "below", notBelow: "no lower than" }[comparison.relation];
  if (!holds) {
    problems.push(
      `${comparison.pitfallId}: expected a score ${words} ${comparison.description}; engine said ${a} (${mine?.band ?? "-"}) against ${b} (${theirs?.band ?? "-"})`,
    );
  }
}

/** Checks one profile; returns the problems found and the engine's view for the report. */
function calibrate(profile: CalibrationProfile): { problems: string[]; engineSaid: string } {
  const problems: string[] = [];
  checkReferences(profile, problems);
  let result: AssessmentScore;
  try {
    result = score(profile, profile.answers, profile.context, problems);
  } catch (error) {
    const refusable = profile.expect.mayRefuseAnswersTo;
    if (error instanceof AnswerValidationError && refusable) {
      const others = error.issues.filter((issue) => !refusable.includes(issue.questionId));
      if (others.length === 0) return { problems, engineSaid: `  refused the answers: ${error.message}` };
    }
    problems.push(`the engine did not score the profile: ${(error as Error).message}`);
    return { problems, engineSaid: "  (no result)" };
  }

  const expected = profile.expect;
  for (const pitfall of result.pitfalls) {
    const expectation =
      expected.pitfalls[pitfall.pitfallId] ??
      (expected.otherPitfalls ? { band: expected.otherPitfalls } : undefined);
    if (expectation) checkPitfall(pitfall, expectation, problems);
  }
  if (expected.noSymptomsAnywhere) {
    const fired = result.pitfalls.flatMap((pitfall) =>
      pitfall.triggeredSymptoms.map((s) => `${pitfall.pitfallId}/${s.symptomId}`),
    );
    if (fired.length) problems.push(`no symptom may fire on this team, but these did: ${fired.join(", ")}`);
  }
  if (expected.firstCountermeasureOverall) {
    const [first, second] = result.countermeasures;
    if (!first || first.countermeasureId !== expected.firstCountermeasureOverall) {
      problems.push(
        `assessment-wide: expected ${expected.firstCountermeasureOverall} first, engine ranked ${first ? `${first.countermeasureId} (${first.totalRiskRemoved})` : "none"} first`,
      );
    } else {
      // The list opens with the worst pitfall's own first step; otherwise urgency decides. Either
      // way a first place won only by a tie-break other than less effort is not a ranking.
      const worst = worstPitfall(result.pitfalls);
      const [ownFirst, ownSecond] = worst?.countermeasures ?? [];
      const noQuicker = (other: { countermeasureId: string }, than: { countermeasureId: string }) =>
        effortOf(other.countermeasureId) <= effortOf(than.countermeasureId);
      const tiedWith =
        ownFirst?.countermeasureId === first.countermeasureId
          ? ownSecond && ownSecond.riskRemoved >= ownFirst.riskRemoved && noQuicker(ownSecond, ownFirst)
            ? ownSecond.countermeasureId
            : null
          : second &&
              second.urgency >= first.urgency &&
              second.totalRiskRemoved >= first.totalRiskRemoved &&
              noQuicker(second, first)
            ? second.countermeasureId
            : null;
      if (tiedWith) {
        problems.push(`assessment-wide: ${first.countermeasureId} is first only by a tie with ${tiedWith}`);
      }
    }
  }
  // The headline as every page reads it: from the results as they are stored, each with whether
  // it rests on "don't know" alone (read from the stored detail on the result page).
  const headline = teamHeadline(
    toStoredPitfallResults(result).map((stored, index) => ({
      ...stored,
      dontKnowOnly: result.pitfalls[index]!.dontKnowOnly,
    })),
  );
  if (expected.worstPitfall) {
    const named = headline.worstPitfalls[0];
    if (named !== expected.worstPitfall)
      problems.push(
        `headline: expected it to name ${expected.worstPitfall}, engine named ${named ?? "none"}`,
      );
  }
  for (const id of expected.forbiddenCountermeasures ?? []) {
    const offered = result.pitfalls.filter((pitfall) =>
      pitfall.countermeasures.some((c) => c.countermeasureId === id && c.riskRemoved > 0),
    );
    if (offered.length)
      problems.push(
        `${id} must not be offered, engine offered it for ${offered.map((p) => p.pitfallId).join(", ")}`,
      );
  }
  if (expected.overallOrderStartsWith) {
    const opening = result.countermeasures
      .slice(0, expected.overallOrderStartsWith.length)
      .map((c) => c.countermeasureId);
    if (opening.join(",") !== expected.overallOrderStartsWith.join(","))
      problems.push(
        `assessment-wide: expected to open with ${expected.overallOrderStartsWith.join(" > ")}, engine opened with ${opening.join(" > ")}`,
      );
  }
  for (const comparison of expected.comparisons ?? []) checkComparison(profile, result, comparison, problems);
  if (expected.headlineNames) {
    const named = headline.worstPitfalls.join(", ") || "no pitfall";
    if (named !== (expected.headlineNames.join(", ") || "no pitfall"))
      problems.push(
        `headline: expected it to name ${expected.headlineNames.join(", ") || "no pitfall"}, it named ${named}`,
      );
  }

  const listed = new Set(Object.keys(expected.pitfalls));
  const shown = result.pitfalls.filter(
    (pitfall) =>
      listed.has(pitfall.pitfallId) ||
      expected.otherPitfalls ||
      (pitfall.band !== null && pitfall.band !== "none"),
  );
  const overall = result.countermeasures
    .slice(0, 3)
    .map((c) => `${c.countermeasureId} (${c.totalRiskRemoved})`);
  return {
    problems,
    engineSaid: [
      ...shown.map(describePitfall),
      `  assessment-wide countermeasures: ${overall.join(" > ") || "none"}`,
      `  headline: ${headlineSentence(headline, (id) => id)}`,
    ].join("\n"),
  };
}

const outcomes = new Map<string, boolean>();

describe("calibration", () => {
  for (const profile of profiles) {
    it(`${profile.id}: ${profile.title}`, () => {
      outcomes.set(profile.id, false);
      const { problems, engineSaid } = calibrate(profile);
      if (problems.length) {
        throw new Error(
          [
            `Profile "${profile.id}" is not scored the way a coach would judge it.`,
            `Rationale: ${profile.rationale}`,
            "Expected, but:",
            ...problems.map((problem) => `  - ${problem}`),
            `Engine said (questionnaire ${questionnaire.id}):`,
            engineSaid,
          ].join("\n"),
        );
      }
      outcomes.set(profile.id, true);
    });
  }

  it("has at least 15 profiles with unique ids, each listed in docs/calibration.md with a rationale citing the seed or the domain notes", () => {
    const ids = profiles.map((profile) => profile.id);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    const docs = readFileSync(new URL("../../docs/calibration.md", import.meta.url), "utf8");
    const undocumented = ids.filter((id) => !docs.includes(`\`${id}\``));
    const uncited = profiles
      .filter((profile) => !/^(seed|domain notes): /.test(profile.rationale))
      .map((p) => p.id);
    const problems = [
      ...(profiles.length < 15 ? [`only ${profiles.length} profiles`] : []),
      ...(duplicates.length ? [`duplicate ids: ${duplicates.join(", ")}`] : []),
      ...(undocumented.length ? [`not listed in docs/calibration.md: ${undocumented.join(", ")}`] : []),
      ...(uncited.length
        ? [`rationale must start with "seed: " or "domain notes: ": ${uncited.join(", ")}`]
        : []),
    ];
    if (problems.length) throw new Error(problems.join("\n"));
  });

  afterAll(() => {
    const passed = [...outcomes.values()].filter(Boolean).length;
    console.log(`calibration: ${profiles.length} profiles, ${passed} passed`);
  });
});
