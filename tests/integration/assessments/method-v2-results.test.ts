/**
 * Scoring method 2 end to end through the data layer: what a team submits is scored with findings
 * and floors, shown on the result page, and a "not applicable" that the team context contradicts is
 * refused on submit without changing anything.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "@/domain/content/schema";
import { DONT_KNOW_CEILING } from "@/domain/scoring";
import { ExpectedError } from "@/contracts/action-result";
import {
  confirmCarriedOverAnswers,
  saveAnswer,
  startAssessment,
  submitAssessment,
} from "@/server/assessments/mutations";
import { saveMyAnswer } from "@/server/responses/mutations";
import { getAssessmentResult, getReview } from "@/server/assessments/queries";
import { healthyAnswers, healthyContext } from "../../calibration/profiles";
import {
  createOrganisation,
  createSubmittedAssessment,
  createTeam,
  snapshotAssessment,
  type TestOrganisation,
} from "./fixtures";

async function startFrom(org: TestOrganisation, name: string, answers: Record<string, Answer>) {
  const team = await createTeam(org.orgUnitId, name);
  await createSubmittedAssessment(team.id, org.previousCycle.id, { ...healthyContext, ...answers });
  const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
  const confirmed = await confirmCarriedOverAnswers(team.lead, {
    assessmentId,
    questionIds: Object.keys({ ...healthyContext, ...answers }),
    expectedVersion: 1,
  });
  return { team, assessmentId, version: confirmed.version };
}

describe("results under scoring method 2", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  it("shows a defining finding, and the average it lifted the score from", async () => {
    const { team, assessmentId, version } = await startFrom(org, "Payments", {
      ...healthyAnswers,
      "rbu-accountable-for-incidents": { kind: "value", value: "head-of-operations" },
    });
    await submitAssessment(team.lead, { assessmentId, expectedVersion: version });
    const result = await getAssessmentResult(team.member, team.slug, "2026-q4");
    const pitfall = result.pitfalls.find((entry) => entry.pitfallId === "responsible-but-unaccountable")!;
    expect(pitfall).toMatchObject({ score: 60, band: "high" });
    expect(pitfall.findings).toEqual([
      { explanation: expect.stringContaining("Head of Operations answers"), floor: "High" },
    ]);
    expect(pitfall.averageScore).toBeGreaterThan(0);
    expect(pitfall.averageScore).toBeLessThan(60);
    expect(pitfall.nextSteps[0]?.countermeasureId).toBe("make-budget-holders-accountable-for-outcomes");
    // A healthy pitfall shows neither findings nor next steps.
    const healthy = result.pitfalls.find((entry) => entry.pitfallId === "embedded-specialists")!;
    expect(healthy).toMatchObject({
      band: "none",
      findings: [],
      averageScore: null,
      nextSteps: [],
      symptoms: [],
    });
  });

  it("stops a pitfall resting on 'don't know' alone at the top of High, and says why, with the average", async () => {
    const dontKnow: Answer = { kind: "dontKnow" };
    // Every major incident question unknown: most of the pitfall's evidence is a "don't know"
    // that is itself a sign, so the score may reach High, not Critical.
    const { team, assessmentId, version } = await startFrom(org, "Ledger", {
      ...healthyAnswers,
      "nmim-incident-managers-informed": dontKnow,
      "nmim-incident-commander-share": dontKnow,
      "nmim-leadership-updated-share": dontKnow,
      "nmim-know-how-to-involve-others": dontKnow,
      "nmim-automated-touchpoints": dontKnow,
      "nmim-crisis-communications-plan": dontKnow,
      "nmim-time-to-restore-major-incidents": dontKnow,
    });
    await submitAssessment(team.lead, { assessmentId, expectedVersion: version });
    const result = await getAssessmentResult(team.member, team.slug, "2026-q4");
    const pitfall = result.pitfalls.find((entry) => entry.pitfallId === "no-major-incident-management")!;
    expect(pitfall).toMatchObject({ score: DONT_KNOW_CEILING, band: "high", averageScore: null });
    expect(pitfall.ceilingAverage).toBeGreaterThanOrEqual(80);
    // Elsewhere nothing is capped.
    const known = result.pitfalls.find((entry) => entry.pitfallId === "linear-run-costs")!;
    expect(known.ceilingAverage).toBeNull();
  });

  it("refuses 'not applicable' on an on-call question from a team with its own schedule, changing nothing", async () => {
    const { team, assessmentId, version } = await startFrom(org, "Search", {
      ...healthyAnswers,
      "locs-share-of-time-on-call": { kind: "notApplicable", reason: "we have no rota" },
    });
    const review = await getReview(team.lead, team.slug);
    expect(review?.invalid.map((item) => item.questionId)).toEqual(["locs-share-of-time-on-call"]);
    expect(review?.invalid[0]?.message).toContain("Our team's own on-call schedule");

    const before = await snapshotAssessment(assessmentId);
    const error = await submitAssessment(team.lead, { assessmentId, expectedVersion: version }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ExpectedError);
    expect((error as ExpectedError).message).toMatch(/cannot be submitted yet/);
    expect(JSON.stringify(error)).not.toContain("stack");
    expect(await snapshotAssessment(assessmentId)).toEqual(before);
  });

  it("saves such a 'not applicable' but marks it, in the words the review and submitting use", async () => {
    const { team, assessmentId, version } = await startFrom(org, "Returns", healthyAnswers);
    const saved = await saveAnswer(team.lead, {
      assessmentId,
      questionId: "locs-share-of-time-on-call",
      answer: { kind: "notApplicable", reason: "We have no rota this quarter" },
      note: null,
      expectedVersion: version,
    });
    expect(saved.answer).toMatchObject({ kind: "notApplicable", reason: "We have no rota this quarter" });
    expect(saved.contradiction).toContain("Our team's own on-call schedule");
    const review = await getReview(team.lead, team.slug);
    expect(review?.invalid).toEqual([
      expect.objectContaining({ questionId: "locs-share-of-time-on-call", message: saved.contradiction }),
    ]);
    const refused = await submitAssessment(team.lead, { assessmentId, expectedVersion: saved.version }).then(
      () => null,
      (caught: unknown) => caught as ExpectedError,
    );
    expect(refused?.fieldErrors["locs-share-of-time-on-call"]).toEqual([saved.contradiction]);

    // Answered with a value, or "don't know", nothing is marked.
    const fixed = await saveAnswer(team.lead, {
      assessmentId,
      questionId: "locs-share-of-time-on-call",
      answer: { kind: "dontKnow" },
      note: null,
      expectedVersion: saved.version,
    });
    expect(fixed.contradiction).toBeNull();
    // A "not applicable" the context does not rule out is not marked either.
    const elsewhere = await saveAnswer(team.lead, {
      assessmentId,
      questionId: "nmim-time-to-restore-major-incidents",
      answer: { kind: "notApplicable", reason: "No major incident this year" },
      note: null,
      expectedVersion: fixed.version,
    });
    expect(elsewhere.contradiction).toBeNull();

    // One's own answers are marked against the team's saved context the same way.
    const own = await saveMyAnswer(team.member, {
      assessmentId,
      questionId: "locs-share-of-time-on-call",
      answer: { kind: "notApplicable", reason: "We have no rota this quarter" },
      expectedVersion: 0,
    });
    expect(own.contradiction).toBe(saved.contradiction);
  });
});
