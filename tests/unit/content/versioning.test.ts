import { describe, expect, it } from "vitest";
import { contentFiles } from "@content/index";
import { questionnaireV1 } from "@content/questionnaires/v1";
import { createContentLookups } from "@/domain/content/lookups";
import type { Answers, Questionnaire } from "@/domain/content/schema";
import { validateContent } from "@/domain/content/validate";
import { carryAnswersAcrossVersions } from "@/domain/content/versioning";

const v1: Questionnaire = structuredClone(questionnaireV1);

function questionById(questionnaire: Questionnaire, id: string) {
  const question = questionnaire.sections
    .flatMap((section) => section.questions)
    .find((candidate) => candidate.id === id);
  if (!question) throw new Error(`no question ${id} in ${questionnaire.id}`);
  return question;
}

/**
 * v2 as a later version might look: one question renamed with an option removed, one question
 * dropped, one range narrowed, one "not applicable" withdrawn, and one new question.
 */
function buildV2(): Questionnaire {
  const v2 = structuredClone(v1);
  v2.id = "v2";
  v2.publishedOn = "2027-02-01";

  const frequency = questionById(v2, "cmt-deployment-frequency");
  frequency.id = "cmt-deployment-frequency-bands";
  if (frequency.answer.type !== "choice") throw new Error("fixture expects a choice question");
  frequency.answer.options = frequency.answer.options.filter(
    (option) => option.value !== "less-than-monthly",
  );
  for (const rule of v2.contextRules) {
    for (const condition of rule.when) {
      if (condition.field !== "cmt-deployment-frequency") continue;
      condition.field = "cmt-deployment-frequency-bands";
      if (condition.op === "in") condition.values = condition.values.filter((value) => value !== "less-than-monthly");
    }
  }

  const embedded = v2.sections.find((section) => section.pitfallId === "embedded-specialists")!;
  embedded.questions = embedded.questions.filter((question) => question.id !== "es-specialist-community");
  // The loneliness symptom still needs a detector in v2.
  questionById(v2, "es-wait-for-specialist").detects.symptoms.push("specialist-loneliness");

  const callouts = questionById(v2, "ebau-callouts-per-shift");
  if (callouts.answer.type !== "number") throw new Error("fixture expects a number question");
  callouts.answer.max = 10;

  const askedToCut = questionById(v2, "rbu-asked-to-cut-on-call-spend");
  askedToCut.allowNotApplicable = false;
  delete askedToCut.applicableWhen;

  const linearRunCosts = v2.sections.find((section) => section.pitfallId === "linear-run-costs")!;
  linearRunCosts.questions.push({
    ...structuredClone(questionById(v1, "lrc-target-reviewed-this-quarter")),
    id: "lrc-standby-cost-known",
    prompt: "Do you know what your team's out-of-hours standby cost last quarter?",
  });

  const unchangedIds = [
    ...v2.context.map((question) => question.id),
    ...v2.sections.flatMap((section) => section.questions.map((question) => question.id)),
  ].filter((id) => id !== "cmt-deployment-frequency-bands" && id !== "lrc-standby-cost-known");
  v2.supersedes = {
    questionnaireId: "v1",
    questionMap: {
      ...Object.fromEntries(unchangedIds.map((id) => [id, id])),
      "cmt-deployment-frequency-bands": "cmt-deployment-frequency",
    },
  };
  return v2;
}

const v1Answers: Answers = {
  "availability-target": { kind: "value", value: "99-9" },
  "team-size": { kind: "value", value: 8 },
  "cmt-deployment-frequency": { kind: "value", value: "weekly" },
  "es-specialist-community": { kind: "value", value: true },
  "ebau-callouts-per-shift": { kind: "value", value: 12 },
  "rbu-asked-to-cut-on-call-spend": { kind: "notApplicable", reason: "nobody in the team is on call" },
  "locs-personal-disruption": { kind: "dontKnow" },
  "lrc-target-reviewed-this-quarter": { kind: "value", value: false },
};

describe("carryAnswersAcrossVersions within one version", () => {
  it("keeps every answer that still fits, under the same question id", () => {
    expect(carryAnswersAcrossVersions(v1, v1, v1Answers)).toEqual(v1Answers);
  });

  it("drops answers to questions the questionnaire does not have and values that do not fit", () => {
    const carried = carryAnswersAcrossVersions(v1, v1, {
      "team-size": { kind: "value", value: 8 },
      "no-such-question": { kind: "value", value: 3 },
      "availability-target": { kind: "value", value: "99-999" },
      "lrc-standby-cost-per-new-team": { kind: "value", value: 6 },
      "team-size-typo": { kind: "value", value: 8 },
      "on-call-rota-size": { kind: "notApplicable", reason: "context questions always apply" },
      "lrc-target-chosen-on-exposure": { kind: "value", value: "yes" },
    });
    expect(carried).toEqual({ "team-size": { kind: "value", value: 8 } });
  });
});

describe("carryAnswersAcrossVersions from v1 to a v2 that supersedes it", () => {
  const v2 = buildV2();
  const carried = carryAnswersAcrossVersions(v1, v2, v1Answers);

  it("moves an answer to the renamed question that the question map names", () => {
    expect(carried["cmt-deployment-frequency-bands"]).toEqual({ kind: "value", value: "weekly" });
    expect(carried).not.toHaveProperty("cmt-deployment-frequency");
  });

  it("keeps answers to questions mapped onto themselves, including context and don't know", () => {
    expect(carried["availability-target"]).toEqual({ kind: "value", value: "99-9" });
    expect(carried["team-size"]).toEqual({ kind: "value", value: 8 });
    expect(carried["locs-personal-disruption"]).toEqual({ kind: "dontKnow" });
    expect(carried["lrc-target-reviewed-this-quarter"]).toEqual({ kind: "value", value: false });
  });

  it("drops answers whose question was removed", () => {
    expect(carried).not.toHaveProperty("es-specialist-community");
  });

  it("drops answers that no longer fit: a value outside a narrowed range, a withdrawn not-applicable", () => {
    expect(carried).not.toHaveProperty("ebau-callouts-per-shift");
    expect(carried).not.toHaveProperty("rbu-asked-to-cut-on-call-spend");
  });

  it("drops a choice whose option was removed, and leaves new questions unanswered", () => {
    const withRemovedOption = carryAnswersAcrossVersions(v1, v2, {
      "cmt-deployment-frequency": { kind: "value", value: "less-than-monthly" },
    });
    expect(withRemovedOption).toEqual({});
    expect(carried).not.toHaveProperty("lrc-standby-cost-known");
  });

  it("carries only the questions the map names, even when an id is unchanged", () => {
    const narrowMap: Questionnaire = {
      ...v2,
      supersedes: { questionnaireId: "v1", questionMap: { "team-size": "team-size" } },
    };
    expect(carryAnswersAcrossVersions(v1, narrowMap, v1Answers)).toEqual({
      "team-size": { kind: "value", value: 8 },
    });
  });

  it("does not modify the answers it is given", () => {
    const before = structuredClone(v1Answers);
    carryAnswersAcrossVersions(v1, v2, v1Answers);
    expect(v1Answers).toEqual(before);
  });

  it("refuses versions that are not directly related", () => {
    const v3: Questionnaire = { ...v2, id: "v3", supersedes: { questionnaireId: "v2", questionMap: {} } };
    expect(() => carryAnswersAcrossVersions(v1, v3, v1Answers)).toThrow(
      'Questionnaire "v3" does not supersede "v1"',
    );
    expect(() => carryAnswersAcrossVersions(v2, v1, v1Answers)).toThrow(
      'Questionnaire "v1" does not supersede "v2"',
    );
  });
});

/** The content as it would be without the real v2, so a hypothetical v2 can take its place. */
const contentBeforeV2 = contentFiles.filter((entry) => entry.file !== "content/questionnaires/v2.ts");

describe("a superseding questionnaire in the content", () => {
  it("validates, and becomes the latest questionnaire", () => {
    const bundle = validateContent([
      ...contentBeforeV2,
      { file: "content/questionnaires/v2.ts", data: buildV2() },
    ]);
    expect(bundle.questionnaires.map((questionnaire) => questionnaire.id)).toEqual(["v1", "v2"]);
    expect(createContentLookups(bundle).latestQuestionnaire().id).toBe("v2");
  });

  it("is rejected when its question map points at questions that do not exist or changed answer type", () => {
    const v2 = buildV2();
    v2.supersedes!.questionMap["cmt-deployment-frequency-bands"] = "cmt-deployment-cadence";
    v2.supersedes!.questionMap["team-size"] = "availability-target";
    expect(() =>
      validateContent([...contentBeforeV2, { file: "content/questionnaires/v2.ts", data: v2 }]),
    ).toThrow(
      [
        "Content is invalid (2 problems):",
        '  content/questionnaires/v2.ts: supersedes.questionMap["team-size"]: answer types differ ("number" now, "choice" in "v1"), so answers cannot carry over',
        '  content/questionnaires/v2.ts: supersedes.questionMap["cmt-deployment-frequency-bands"]: "cmt-deployment-cadence" is not a question of "v1"',
      ].join("\n"),
    );
  });
});
