/**
 * A small questionnaire that exercises every answer type, every condition operator and a
 * countermeasure shared by two pitfalls, and every feature of scoring method v2: a rule with a
 * precondition (`appliesWhen`), a high-risk finding with weight (`floor`) and one of weight 0, a
 * question whose "don't know" is evidence (`dontKnowRisk`), a question left out by the team
 * context (`appliesWhen`), a question whose "not applicable" the context can contradict
 * (`applicableWhen`), two countermeasures removing different causes of one pitfall, and
 * countermeasures of every effort. Scoring tests use it instead of the real content so their
 * expectations do not move when the content is edited.
 */
import type {
  Answer,
  Answers,
  ContextQuestion,
  Countermeasure,
  Pitfall,
  Question,
  Questionnaire,
} from "../../../src/domain/content/schema";
import { answerRisk, type ScoringContent } from "../../../src/domain/scoring";

function question(
  partial: Pick<Question, "id" | "answer" | "weight"> & {
    symptoms?: string[];
    causes?: string[];
    allowDontKnow?: boolean;
    allowNotApplicable?: boolean;
    required?: boolean;
    dontKnowRisk?: number;
    appliesWhen?: Question["appliesWhen"];
    applicableWhen?: Question["applicableWhen"];
  },
): Question {
  return {
    id: partial.id,
    prompt: `Prompt of ${partial.id}?`,
    help: `Help for ${partial.id}.`,
    answer: partial.answer,
    weight: partial.weight,
    detects: { symptoms: partial.symptoms ?? [], causes: partial.causes ?? [] },
    allowDontKnow: partial.allowDontKnow ?? true,
    allowNotApplicable: partial.allowNotApplicable ?? true,
    required: partial.required ?? true,
    ...(partial.dontKnowRisk === undefined ? {} : { dontKnowRisk: partial.dontKnowRisk }),
    ...(partial.appliesWhen === undefined ? {} : { appliesWhen: partial.appliesWhen }),
    ...(partial.applicableWhen === undefined ? {} : { applicableWhen: partial.applicableWhen }),
  };
}

function pitfall(
  id: Pitfall["id"],
  symptoms: string[],
  causes: string[],
  countermeasures: Pitfall["countermeasures"],
): Pitfall {
  return {
    id,
    name: `Pitfall ${id}`,
    summary: `Summary of ${id}.`,
    whyItMatters: `Why ${id} matters.`,
    symptoms: symptoms.map((symptomId) => ({
      id: symptomId,
      title: `Symptom ${symptomId}`,
      description: "Description.",
    })),
    causes: causes.map((causeId) => ({ id: causeId, text: `Cause ${causeId}.` })),
    countermeasures,
    notes: [],
    related: [],
  };
}

export const fixtureCountermeasures: Countermeasure[] = [
  {
    id: "select-targets-on-exposure",
    action: "Select availability targets on financial exposure",
    guidance: "Guidance.",
    effort: "low",
  },
  {
    id: "select-schedules-on-exposure",
    action: "Select out-of-hours schedules on financial exposure",
    guidance: "Guidance.",
    effort: "medium",
  },
  {
    id: "pre-approve-standard-changes",
    action: "Pre-approve low-risk, repeatable changes",
    guidance: "Guidance.",
    effort: "medium",
  },
  {
    id: "automate-change-auditing",
    action: "Automate change auditing",
    guidance: "Guidance.",
    effort: "medium",
  },
  {
    id: "track-unplanned-rework",
    action: "Treat unplanned operational rework like planned work",
    guidance: "Guidance.",
    effort: "low",
  },
  {
    id: "re-architect-for-adaptability",
    action: "Re-architect digital services for adaptability",
    guidance: "Guidance.",
    effort: "high",
  },
  {
    id: "prepare-on-call-from-day-one",
    action: "Prepare for on-call from day one",
    guidance: "Guidance.",
    effort: "medium",
  },
  {
    id: "craft-sustainable-schedule",
    action: "Craft a sustainable on-call schedule",
    guidance: "Guidance.",
    effort: "medium",
  },
  {
    id: "unused-countermeasure",
    action: "A countermeasure no pitfall uses",
    guidance: "Guidance.",
    effort: "medium",
  },
];

export const fixturePitfalls: Pitfall[] = [
  pitfall(
    "linear-run-costs",
    ["run-cost-tied-to-team-count"],
    ["per-team-standby"],
    [
      {
        countermeasureId: "select-targets-on-exposure",
        rationale: "targets follow exposure",
        addresses: ["run-cost-tied-to-team-count"],
        removesCauses: ["per-team-standby"],
      },
      {
        countermeasureId: "select-schedules-on-exposure",
        rationale: "schedules follow exposure",
        addresses: ["run-cost-tied-to-team-count"],
        removesCauses: ["per-team-standby"],
      },
    ],
  ),
  pitfall(
    "change-management-treacle",
    ["insufficient-deployment-frequency", "prolonged-change-process"],
    ["single-change-category"],
    [
      {
        countermeasureId: "pre-approve-standard-changes",
        rationale: "most deployments skip the queue",
        addresses: ["insufficient-deployment-frequency", "prolonged-change-process"],
        removesCauses: ["single-change-category"],
      },
      {
        countermeasureId: "automate-change-auditing",
        rationale: "compliance without tickets",
        addresses: ["prolonged-change-process"],
        removesCauses: ["single-change-category"],
      },
    ],
  ),
  pitfall(
    "excessive-bau",
    ["slow-planned-work", "high-callouts"],
    ["no-graceful-degradation", "unplanned-work-invisible"],
    [
      {
        countermeasureId: "track-unplanned-rework",
        rationale: "rework is visible",
        addresses: ["slow-planned-work"],
        removesCauses: ["unplanned-work-invisible"],
      },
      {
        countermeasureId: "re-architect-for-adaptability",
        rationale: "services degrade gracefully",
        addresses: ["high-callouts"],
        removesCauses: ["no-graceful-degradation"],
      },
    ],
  ),
  pitfall(
    "limited-on-call-schedule",
    ["minority-on-call", "on-call-burnout"],
    ["unprepared-for-on-call"],
    [
      {
        countermeasureId: "craft-sustainable-schedule",
        rationale: "no one is on call too often",
        addresses: ["minority-on-call", "on-call-burnout"],
        removesCauses: ["unprepared-for-on-call"],
      },
      {
        countermeasureId: "re-architect-for-adaptability",
        rationale: "fewer callouts need a human",
        addresses: ["on-call-burnout"],
        removesCauses: ["unprepared-for-on-call"],
      },
      {
        countermeasureId: "prepare-on-call-from-day-one",
        rationale: "people feel ready",
        addresses: ["minority-on-call"],
        removesCauses: ["unprepared-for-on-call"],
      },
    ],
  ),
];

export const fixtureContextQuestions: ContextQuestion[] = [
  {
    id: "availability-target",
    prompt: "Which availability target do your services have?",
    help: "Help.",
    answer: {
      type: "choice",
      options: [
        { value: "95", label: "95.0%" },
        { value: "99", label: "99.0%" },
        { value: "99-9", label: "99.9%" },
        { value: "99-99", label: "99.99%" },
      ],
    },
    allowDontKnow: true,
    required: true,
  },
  {
    id: "on-call-setup",
    prompt: "How are out-of-hours callouts covered?",
    help: "Help.",
    answer: {
      type: "choice",
      options: [
        { value: "no-out-of-hours", label: "No out-of-hours schedule" },
        { value: "domain-schedule", label: "A domain schedule shared with sibling teams" },
        { value: "own-schedule", label: "Our own schedule" },
      ],
    },
    allowDontKnow: true,
    required: true,
  },
  {
    id: "regulated",
    prompt: "Do your services fall under a regulator's change rules?",
    help: "Help.",
    answer: { type: "yesNo" },
    allowDontKnow: false,
    required: false,
  },
  {
    id: "team-size",
    prompt: "How many people are in the team?",
    help: "Help.",
    answer: { type: "number", unit: "people", min: 1, max: 30, integer: true },
    allowDontKnow: true,
    required: false,
  },
];

export const fixtureQuestionnaire: Questionnaire = {
  id: "fixture-v1",
  title: "Fixture questionnaire",
  publishedOn: "2026-10-01",
  context: fixtureContextQuestions,
  sections: [
    {
      pitfallId: "linear-run-costs",
      intro: "Run costs.",
      questions: [
        question({
          id: "lrc-targets-from-exposure",
          answer: { type: "yesNo", riskyAnswer: "no" },
          weight: 3,
          symptoms: ["run-cost-tied-to-team-count"],
          allowNotApplicable: false,
        }),
        question({
          id: "lrc-own-schedule-share",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 20, risk: 0 },
              { at: 80, risk: 1 },
            ],
          },
          weight: 2,
          symptoms: ["run-cost-tied-to-team-count"],
          causes: ["per-team-standby"],
          // The share of the team on its own rota means nothing for a team without its own schedule.
          appliesWhen: [{ field: "on-call-setup", op: "in", values: ["own-schedule"] }],
        }),
        question({
          id: "lrc-standby-reviewed",
          answer: { type: "agreement", riskyWhen: "disagree" },
          weight: 1,
        }),
        question({
          id: "lrc-schedule-kind",
          answer: {
            type: "choice",
            options: [
              { value: "none", label: "None", risk: 0 },
              { value: "domain", label: "Domain", risk: 0.3 },
              { value: "own", label: "Own", risk: 1 },
            ],
          },
          weight: 2,
          symptoms: ["run-cost-tied-to-team-count"],
          allowDontKnow: false,
        }),
      ],
    },
    {
      pitfallId: "change-management-treacle",
      intro: "Change management.",
      questions: [
        question({
          id: "cmt-deploys-per-week",
          answer: {
            type: "number",
            unit: "per-week",
            min: 0,
            max: 100,
            integer: true,
            riskCurve: [
              { at: 0, risk: 1 },
              { at: 1, risk: 0.5 },
              { at: 5, risk: 0 },
            ],
          },
          weight: 3,
          symptoms: ["insufficient-deployment-frequency"],
        }),
        question({
          id: "cmt-approval-days",
          answer: {
            type: "number",
            unit: "days",
            min: 0,
            max: 60,
            integer: false,
            riskCurve: [
              { at: 2.99, risk: 0 },
              { at: 3, risk: 0.7 },
              { at: 10, risk: 1 },
            ],
          },
          weight: 2,
          symptoms: ["prolonged-change-process"],
        }),
        question({
          id: "cmt-every-deploy-approved",
          answer: { type: "yesNo", riskyAnswer: "yes" },
          weight: 2,
          symptoms: ["prolonged-change-process"],
          causes: ["single-change-category"],
        }),
        question({
          id: "cmt-pre-approved-share",
          answer: {
            type: "choice",
            options: [
              { value: "most", label: "Most deployments", risk: 0 },
              { value: "some", label: "Some deployments", risk: 0.5 },
              { value: "none", label: "None", risk: 1 },
            ],
          },
          weight: 1,
          symptoms: ["prolonged-change-process"],
          required: false,
        }),
      ],
    },
    {
      pitfallId: "excessive-bau",
      intro: "BAU.",
      questions: [
        question({
          id: "bau-planned-share",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 50, risk: 1 },
              { at: 70, risk: 0.5 },
              { at: 90, risk: 0 },
            ],
          },
          weight: 3,
          symptoms: ["slow-planned-work"],
        }),
        question({
          id: "bau-callouts-per-shift",
          answer: {
            type: "number",
            unit: "per-shift",
            min: 0,
            max: 50,
            integer: true,
            riskCurve: [
              { at: 0, risk: 0 },
              { at: 2, risk: 0.5 },
              { at: 4, risk: 1 },
            ],
          },
          weight: 2,
          symptoms: ["high-callouts"],
          causes: ["no-graceful-degradation"],
        }),
        question({
          id: "bau-rework-tracked",
          answer: { type: "yesNo", riskyAnswer: "no" },
          weight: 1,
          symptoms: ["slow-planned-work"],
          causes: ["unplanned-work-invisible"],
          // Not knowing whether rework is tracked is itself a sign that it is not.
          dontKnowRisk: 0.75,
        }),
        question({
          id: "bau-graceful-degradation",
          answer: { type: "agreement", riskyWhen: "disagree" },
          weight: 2,
          symptoms: ["high-callouts"],
          causes: ["no-graceful-degradation"],
        }),
      ],
    },
    {
      pitfallId: "limited-on-call-schedule",
      intro: "On-call schedule.",
      questions: [
        question({
          id: "locs-rota-size",
          answer: {
            type: "number",
            unit: "people",
            min: 0,
            max: 50,
            integer: true,
            riskCurve: [
              { at: 1, risk: 1 },
              { at: 3, risk: 0 },
            ],
          },
          weight: 3,
          symptoms: ["minority-on-call"],
        }),
        question({
          id: "locs-time-on-call",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 25, risk: 0 },
              { at: 50, risk: 1 },
            ],
          },
          weight: 2,
          symptoms: ["on-call-burnout"],
          // Whoever is on call out of hours has a time on call: "not applicable" contradicts that.
          applicableWhen: [{ field: "on-call-setup", op: "in", values: ["own-schedule", "domain-schedule"] }],
        }),
        question({
          id: "locs-pay-model",
          answer: {
            type: "choice",
            options: [
              { value: "standby-and-callout", label: "Standby and callout pay", risk: 0 },
              { value: "standby", label: "Standby pay only", risk: 0.2 },
              { value: "callout-only", label: "Callout pay only", risk: 1 },
            ],
          },
          weight: 2,
          symptoms: ["minority-on-call"],
        }),
        question({
          id: "locs-feel-prepared",
          answer: { type: "agreement", riskyWhen: "disagree" },
          weight: 1,
          symptoms: ["minority-on-call"],
          causes: ["unprepared-for-on-call"],
        }),
      ],
    },
  ],
  contextRules: [
    {
      id: "out-of-hours-on-95",
      pitfallId: "linear-run-costs",
      explanation: "An out-of-hours schedule covers a service whose availability target is 95%.",
      appliesWhen: [{ field: "availability-target", op: "in", values: ["95"] }],
      when: [{ field: "on-call-setup", op: "in", values: ["domain-schedule", "own-schedule"] }],
      weight: 3,
      floor: "medium",
      detects: { symptoms: ["run-cost-tied-to-team-count"], causes: ["per-team-standby"] },
    },
    {
      id: "slow-approval-unregulated",
      pitfallId: "change-management-treacle",
      explanation: "Approvals take more than five days although no regulator requires them.",
      when: [
        { field: "regulated", op: "in", values: [false] },
        { field: "cmt-approval-days", op: "gt", value: 5 },
      ],
      weight: 1,
      detects: { symptoms: ["prolonged-change-process"], causes: [] },
    },
    {
      id: "small-team-own-schedule",
      pitfallId: "limited-on-call-schedule",
      explanation: "A team of fewer than six people runs its own out-of-hours schedule.",
      appliesWhen: [{ field: "on-call-setup", op: "in", values: ["own-schedule"] }],
      when: [{ field: "team-size", op: "lt", value: 6 }],
      weight: 2,
      detects: { symptoms: ["on-call-burnout"], causes: [] },
    },
    {
      id: "callouts-with-untracked-rework",
      pitfallId: "excessive-bau",
      explanation: "More than three callouts a shift, and the rework they cause is not tracked.",
      when: [
        { field: "bau-callouts-per-shift", op: "gt", value: 3 },
        { field: "bau-rework-tracked", op: "in", values: [false] },
      ],
      // A finding only: both answers already count as questions.
      weight: 0,
      floor: "high",
      detects: {
        symptoms: ["high-callouts"],
        causes: ["no-graceful-degradation", "unplanned-work-invisible"],
      },
    },
  ],
};

export const fixtureContent: ScoringContent = {
  questionnaire: fixtureQuestionnaire,
  pitfalls: fixturePitfalls,
  countermeasures: fixtureCountermeasures,
};

export const allQuestions: readonly Question[] = fixtureQuestionnaire.sections.flatMap(
  (section) => section.questions,
);

export function value(answerValue: number | string | boolean): Answer {
  return { kind: "value", value: answerValue };
}

export const dontKnow: Answer = { kind: "dontKnow" };

export function notApplicable(reason = "We have no such thing"): Answer {
  return { kind: "notApplicable", reason };
}

/**
 * The least or most risky valid value of a question, found by trying the candidates that matter
 * for each answer type (every level, option, range end and curve point).
 */
function extremeValue(q: Question, want: "healthiest" | "riskiest"): number | string | boolean {
  const answerType = q.answer;
  let candidates: (number | string | boolean)[];
  switch (answerType.type) {
    case "agreement":
      candidates = [1, 2, 3, 4, 5];
      break;
    case "yesNo":
      candidates = [true, false];
      break;
    case "choice":
      candidates = answerType.options.map((option) => option.value);
      break;
    case "number": {
      const { min, max, integer } = answerType;
      const points = answerType.riskCurve.flatMap((point) =>
        integer ? [Math.floor(point.at), Math.ceil(point.at)] : [point.at],
      );
      candidates = [min, max, ...points].filter((at) => at >= min && at <= max);
      break;
    }
  }
  let best = candidates[0]!;
  for (const candidate of candidates) {
    const better =
      want === "healthiest"
        ? answerRisk(q, candidate) < answerRisk(q, best)
        : answerRisk(q, candidate) > answerRisk(q, best);
    if (better) best = candidate;
  }
  return best;
}

export function healthiestValue(q: Question): number | string | boolean {
  return extremeValue(q, "healthiest");
}

export function riskiestValue(q: Question): number | string | boolean {
  return extremeValue(q, "riskiest");
}

export function answerEvery(questions: readonly Question[], pick: (q: Question) => Answer): Answers {
  return Object.fromEntries(questions.map((q) => [q.id, pick(q)]));
}

export const riskyContext: Answers = {
  "availability-target": value("95"),
  "on-call-setup": value("own-schedule"),
  regulated: value(false),
  "team-size": value(4),
};

export const healthyContext: Answers = {
  "availability-target": value("99-9"),
  "on-call-setup": value("own-schedule"),
  regulated: value(true),
  "team-size": value(9),
};
