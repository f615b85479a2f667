import { describe, expect, it } from "vitest";
import { contentFiles } from "@content/index";
import {
  content,
  countermeasureById,
  contextRulesDetectingSymptom,
  latestQuestionnaire,
  questionsDetectingSymptom,
} from "@/domain/content";
import { PITFALL_IDS } from "@/domain/content/schema";
import { validateContent } from "@/domain/content/validate";

const pitfalls = content.pitfalls;
const questionnaire = latestQuestionnaire();
const allQuestions = questionnaire.sections.flatMap((section) => section.questions);

describe("the content files", () => {
  it("validate as a whole without a single problem", () => {
    expect(() => validateContent(contentFiles)).not.toThrow();
  });

  it("list one file per pitfall, named after the pitfall id", () => {
    const pitfallFiles = contentFiles.filter((entry) => entry.file.startsWith("content/pitfalls/"));
    expect(pitfallFiles.map((entry) => entry.file).sort()).toEqual(
      PITFALL_IDS.map((id) => `content/pitfalls/${id}.ts`).sort(),
    );
  });

  it("credit the Equal Experts playbook as the source", () => {
    expect(content.source.publisher).toBe("Equal Experts");
    expect(content.source.url).toBe("https://github.com/EqualExperts/you-build-it-you-run-it-playbook");
    expect(content.source.licence).toMatch(/licen[cs]e/i);
  });
});

describe("counts match the seed playbook text", () => {
  it("has the seven pitfalls in the canonical order", () => {
    expect(pitfalls.map((pitfall) => pitfall.id)).toEqual([...PITFALL_IDS]);
  });

  it("has 17 symptoms, distributed 1, 4, 2, 2, 3, 3, 2", () => {
    expect(pitfalls.map((pitfall) => pitfall.symptoms.length)).toEqual([1, 4, 2, 2, 3, 3, 2]);
    expect(pitfalls.flatMap((pitfall) => pitfall.symptoms)).toHaveLength(17);
  });

  it("has 16 countermeasure references, distributed 2, 2, 4, 2, 1, 1, 4", () => {
    expect(pitfalls.map((pitfall) => pitfall.countermeasures.length)).toEqual([2, 2, 4, 2, 1, 1, 4]);
    expect(pitfalls.flatMap((pitfall) => pitfall.countermeasures)).toHaveLength(16);
  });

  it("has 15 distinct countermeasures, every one referenced by some pitfall", () => {
    expect(content.countermeasures).toHaveLength(15);
    const referenced = new Set(
      pitfalls.flatMap((pitfall) => pitfall.countermeasures.map((ref) => ref.countermeasureId)),
    );
    expect(referenced.size).toBe(15);
  });

  it("shares re-architecting for adaptability between exactly Excessive BAU and Limited on-call schedule, with different rationales", () => {
    const sharing = pitfalls.filter((pitfall) =>
      pitfall.countermeasures.some((ref) => ref.countermeasureId === "re-architect-for-adaptability"),
    );
    expect(sharing.map((pitfall) => pitfall.id)).toEqual(["excessive-bau", "limited-on-call-schedule"]);
    const rationales = sharing.map(
      (pitfall) =>
        pitfall.countermeasures.find((ref) => ref.countermeasureId === "re-architect-for-adaptability")!
          .rationale,
    );
    expect(new Set(rationales).size).toBe(2);
    expect(countermeasureById("re-architect-for-adaptability")?.action).toBe(
      "Re-architect digital services for adaptability",
    );
  });

  it("keeps the seed's notes: R(n) cost model, ITIL v3, specialist roles, crisis communications", () => {
    const notesOf = (id: string) =>
      pitfalls
        .find((pitfall) => pitfall.id === id)!
        .notes.map((note) => `${note.title} ${note.body}`)
        .join(" ");
    expect(notesOf("linear-run-costs")).toContain("R(n)");
    expect(notesOf("linear-run-costs")).toContain("R(1)");
    expect(notesOf("change-management-treacle")).toContain("ITIL v3");
    expect(notesOf("embedded-specialists")).toMatch(
      /database administrators.*information security.*network.*operability/,
    );
    expect(notesOf("no-major-incident-management")).toMatch(/crisis communications/i);
    expect(notesOf("excessive-bau")).toMatch(/less often than/i);
    expect(notesOf("responsible-but-unaccountable")).toMatch(/supportive/i);
    expect(notesOf("limited-on-call-schedule")).toMatch(/operations teams/i);
  });
});

describe("references between content", () => {
  it("every question detects only symptoms and causes of its own section's pitfall", () => {
    for (const section of questionnaire.sections) {
      const pitfall = pitfalls.find((candidate) => candidate.id === section.pitfallId)!;
      const symptomIds = pitfall.symptoms.map((symptom) => symptom.id);
      const causeIds = pitfall.causes.map((cause) => cause.id);
      for (const question of section.questions) {
        for (const symptomId of question.detects.symptoms)
          expect(symptomIds, question.id).toContain(symptomId);
        for (const causeId of question.detects.causes) expect(causeIds, question.id).toContain(causeId);
      }
    }
  });

  it("every context rule detects only symptoms and causes of its pitfall", () => {
    for (const rule of questionnaire.contextRules) {
      const pitfall = pitfalls.find((candidate) => candidate.id === rule.pitfallId)!;
      for (const symptomId of rule.detects.symptoms) {
        expect(
          pitfall.symptoms.map((symptom) => symptom.id),
          rule.id,
        ).toContain(symptomId);
      }
      for (const causeId of rule.detects.causes)
        expect(
          pitfall.causes.map((cause) => cause.id),
          rule.id,
        ).toContain(causeId);
    }
  });

  it("every countermeasure a pitfall references exists, and addresses that pitfall's own symptoms", () => {
    for (const pitfall of pitfalls) {
      const symptomIds = pitfall.symptoms.map((symptom) => symptom.id);
      for (const ref of pitfall.countermeasures) {
        expect(
          countermeasureById(ref.countermeasureId),
          `${pitfall.id} -> ${ref.countermeasureId}`,
        ).toBeDefined();
        for (const symptomId of ref.addresses) expect(symptomIds).toContain(symptomId);
      }
    }
  });

  it("every symptom is detected by at least one question or rule", () => {
    const undetected = pitfalls
      .flatMap((pitfall) => pitfall.symptoms)
      .filter(
        (symptom) =>
          questionsDetectingSymptom(symptom.id).length === 0 &&
          contextRulesDetectingSymptom(symptom.id).length === 0,
      )
      .map((symptom) => symptom.id);
    expect(undetected).toEqual([]);
  });

  it("every question is evidence of symptoms or of causes, never of both", () => {
    // A cause is not a symptom: an answer about who pays for on-call says nothing, on its own,
    // about whether the team is pressed to cut on-call spend.
    const mixed = allQuestions
      .filter((question) => question.detects.symptoms.length > 0 && question.detects.causes.length > 0)
      .map((question) => question.id);
    expect(mixed).toEqual([]);
  });

  it("every cause is removed by at least one countermeasure of its pitfall", () => {
    for (const pitfall of pitfalls) {
      const removed = new Set(pitfall.countermeasures.flatMap((link) => link.removesCauses));
      expect(pitfall.causes.filter((cause) => !removed.has(cause.id)).map((cause) => cause.id)).toEqual([]);
    }
  });

  it("every related pitfall exists and is not the pitfall itself", () => {
    for (const pitfall of pitfalls) {
      for (const related of pitfall.related) {
        expect(PITFALL_IDS).toContain(related.pitfallId);
        expect(related.pitfallId).not.toBe(pitfall.id);
      }
    }
  });
});

describe("cause texts and questions say only what the answers behind them say", () => {
  const causeText = (pitfallId: string, causeId: string) =>
    pitfalls.find((pitfall) => pitfall.id === pitfallId)!.causes.find((cause) => cause.id === causeId)!.text;

  it("words the targets-not-chosen-on-exposure cause for targets above and below the band alike", () => {
    const text = causeText("linear-run-costs", "targets-not-chosen-on-exposure");
    expect(text).toMatch(/above/);
    expect(text).toMatch(/below/);
    expect(text).not.toMatch(/to a higher level/);
    const below = questionnaire.contextRules.filter((rule) => rule.id.startsWith("target-below-exposure"));
    expect(below.length).toBe(2);
    for (const rule of below) expect(rule.detects.causes).toEqual(["targets-not-chosen-on-exposure"]);
  });

  it("keeps the reactive change management cause to what the seed says, and manual records apart", () => {
    expect(causeText("change-management-treacle", "reactive-change-management")).not.toMatch(/by hand/);
    const records = allQuestions.find((question) => question.id === "cmt-change-record-automation")!;
    expect(records.detects.causes).toEqual(["manual-change-records"]);
    const reviewed = allQuestions.find((question) => question.id === "cmt-changes-reviewed-one-by-one")!;
    expect(reviewed.detects.causes).toEqual(["reactive-change-management"]);
  });

  it("reads only the Head of Operations answer as the Head of Operations being accountable", () => {
    const accountable = allQuestions.find((question) => question.id === "rbu-accountable-for-incidents")!;
    expect(accountable.detects.causes).not.toContain("head-of-operations-accountable");
    expect(
      questionnaire.contextRules.find((rule) => rule.id === "head-of-operations-accountable")!.when,
    ).toEqual([{ field: "rbu-accountable-for-incidents", op: "in", values: ["head-of-operations"] }]);
  });

  it("reads batching for approval as the approval cause, not as rare deployments", () => {
    const batching = allQuestions.find((question) => question.id === "cmt-batching-for-approval")!;
    expect(batching.detects).toEqual({ symptoms: [], causes: ["approval-for-every-deployment"] });
  });

  it("gives every cause some evidence, fluctuating demand for expertise included", () => {
    for (const pitfall of pitfalls) {
      const detected = new Set([
        ...questionnaire.sections
          .find((section) => section.pitfallId === pitfall.id)!
          .questions.flatMap((question) => question.detects.causes),
        ...questionnaire.contextRules
          .filter((rule) => rule.pitfallId === pitfall.id)
          .flatMap((rule) => rule.detects.causes),
      ]);
      const undetected = pitfall.causes.filter((cause) => !detected.has(cause.id)).map((cause) => cause.id);
      // A cause nothing detects could never be shown, however the team answered.
      expect(undetected, pitfall.id).toEqual([]);
    }
  });

  it("asks how many teams an embedded specialist serves with the team itself counted, unmistakably", () => {
    const sharing = allQuestions.find((question) => question.id === "es-teams-per-embedded-specialist")!;
    expect(sharing.prompt).toMatch(/yours included/);
    expect(sharing.prompt).not.toMatch(/\balso\b/);
  });
});

describe("questionnaire v2", () => {
  it("is the latest questionnaire, with one section of 4 to 8 questions per pitfall", () => {
    expect(questionnaire.id).toBe("v2");
    expect(questionnaire.sections.map((section) => section.pitfallId)).toEqual([...PITFALL_IDS]);
    for (const section of questionnaire.sections) {
      expect(section.questions.length).toBeGreaterThanOrEqual(4);
      expect(section.questions.length).toBeLessThanOrEqual(8);
    }
  });

  it("mixes all four answer types", () => {
    const types = new Set(allQuestions.map((question) => question.answer.type));
    expect([...types].sort()).toEqual(["agreement", "choice", "number", "yesNo"]);
  });

  it("asks the team context the playbook rules need", () => {
    const context = new Map(questionnaire.context.map((question) => [question.id, question]));
    const availability = context.get("availability-target")!;
    expect(
      availability.answer.type === "choice" && availability.answer.options.map((option) => option.value),
    ).toEqual(["95-0", "99-0", "99-9", "99-99"]);
    const setup = context.get("out-of-hours-on-call-setup")!;
    expect(setup.answer.type === "choice" && setup.answer.options.map((option) => option.value)).toEqual([
      "none",
      "shared-domain-schedule",
      "own-team-schedule",
      "central-ops",
    ]);
    expect(context.get("financial-exposure-band")?.answer.type).toBe("choice");
    expect(context.get("documented-need-for-top-target")?.answer.type).toBe("yesNo");
    expect(context.get("team-size")?.answer).toMatchObject({ type: "number", unit: "people" });
    expect(context.get("on-call-rota-size")?.answer).toMatchObject({ type: "number", unit: "people" });
  });

  it("encodes the playbook's context rules, each applying only where its precondition holds", () => {
    const rules = new Map(questionnaire.contextRules.map((rule) => [rule.id, rule]));
    expect(rules.get("out-of-hours-schedule-on-95-target")).toMatchObject({
      pitfallId: "linear-run-costs",
      // Where the exposure band is known, the exposure rules judge the schedule instead.
      appliesWhen: [
        { field: "availability-target", op: "in", values: ["95-0"] },
        { field: "financial-exposure-band", op: "in", values: ["not-estimated"] },
      ],
      when: [
        {
          field: "out-of-hours-on-call-setup",
          op: "in",
          values: ["shared-domain-schedule", "own-team-schedule"],
        },
      ],
    });
    expect(rules.get("own-schedule-on-99-0-target")?.pitfallId).toBe("linear-run-costs");
    expect(rules.get("central-ops-covers-95-target")?.pitfallId).toBe("responsible-but-unaccountable");
    expect(rules.get("central-ops-covers-higher-target")?.pitfallId).toBe("responsible-but-unaccountable");
    expect(rules.get("top-target-without-documented-need")).toMatchObject({
      pitfallId: "linear-run-costs",
      appliesWhen: [{ field: "availability-target", op: "in", values: ["99-99"] }],
      when: [{ field: "documented-need-for-top-target", op: "in", values: [false] }],
      detects: { symptoms: [], causes: ["targets-not-chosen-on-exposure"] },
    });
    // An inflated target is the unaccountable pitfall's symptom only where the product does not
    // both answer for incidents and pay for on-call.
    const productAnswersAndPays = [
      { field: "rbu-accountable-for-incidents", op: "in", values: ["product-budget-holder", "product-team"] },
      { field: "rbu-on-call-budget-owner", op: "in", values: ["product-budget"] },
    ];
    const inflatedTargetRules = questionnaire.contextRules.filter((rule) =>
      rule.detects.symptoms.includes("inflated-availability-targets"),
    );
    expect(inflatedTargetRules.map((rule) => rule.id)).toEqual([
      "top-target-without-need-or-ownership",
      "target-above-low-exposure-band",
      "target-above-medium-exposure-band",
      "cover-above-low-exposure-band",
    ]);
    for (const rule of inflatedTargetRules) expect(rule.unless, rule.id).toEqual(productAnswersAndPays);
    expect(rules.get("on-call-rota-below-three")).toMatchObject({
      when: [{ field: "on-call-rota-size", op: "lt", value: 3 }],
      floor: "high",
    });
    expect(rules.get("head-of-operations-accountable")).toMatchObject({ weight: 0, floor: "high" });
    for (const pitfallId of ["linear-run-costs", "responsible-but-unaccountable"]) {
      const exposureRules = questionnaire.contextRules.filter(
        (rule) =>
          rule.pitfallId === pitfallId &&
          [...(rule.appliesWhen ?? []), ...rule.when].some(
            (condition) => condition.field === "financial-exposure-band",
          ),
      );
      expect(exposureRules.length, `${pitfallId} reads the financial exposure band`).toBeGreaterThanOrEqual(
        3,
      );
    }
  });

  it("uses the measurable thresholds: >2 callouts a shift, >25% time on call, <70% planned work are risky", () => {
    const curveRiskAt = (questionId: string, value: number) => {
      const answer = allQuestions.find((question) => question.id === questionId)!.answer;
      if (answer.type !== "number") throw new Error(`${questionId} is not a number question`);
      const points = answer.riskCurve;
      if (value <= points[0]!.at) return points[0]!.risk;
      for (let index = 1; index < points.length; index++) {
        const [left, right] = [points[index - 1]!, points[index]!];
        if (value <= right.at)
          return left.risk + ((right.risk - left.risk) * (value - left.at)) / (right.at - left.at);
      }
      return points.at(-1)!.risk;
    };
    expect(curveRiskAt("ebau-callouts-per-shift", 1)).toBeLessThan(0.5);
    expect(curveRiskAt("ebau-callouts-per-shift", 3)).toBe(1);
    // One scale for on-call load with one-week rotation: a rota of n puts each person on call 100/n %.
    expect(curveRiskAt("locs-share-of-time-on-call", 20)).toBe(0);
    expect(curveRiskAt("locs-share-of-time-on-call", 25)).toBe(0);
    expect(curveRiskAt("locs-share-of-time-on-call", 33.3)).toBe(0.5);
    expect(curveRiskAt("locs-share-of-time-on-call", 50)).toBeGreaterThan(0.8);
    expect(curveRiskAt("ebau-planned-work-share", 85)).toBe(0);
    expect(curveRiskAt("ebau-planned-work-share", 60)).toBeGreaterThan(0.5);
  });
});
