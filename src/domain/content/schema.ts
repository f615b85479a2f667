/**
 * The content model: pitfalls, countermeasures and questionnaires.
 *
 * Content lives as typed files under `content/` so coaches can review it in a pull request; these
 * schemas are what every content file must satisfy. Cross-references (a question detecting a
 * symptom, a pitfall referencing a countermeasure) are checked by `validateContent`, not here,
 * because they span files.
 */
import { z } from "zod";
import { PITFALL_IDS } from "./pitfall-ids";

/** Lower-case words joined by hyphens: stable ids that also read well in URLs and exports. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, e.g. 'linear-run-costs'");

const text = z.string().trim().min(1, "must not be empty");

export { PITFALL_IDS };
export const pitfallIdSchema = z.enum(PITFALL_IDS);
export type PitfallId = z.infer<typeof pitfallIdSchema>;

export const symptomSchema = z.strictObject({
  id: slugSchema,
  /** Short title, e.g. "Inflated availability targets". */
  title: text,
  /** What it looks like in a team, in the project's own words. */
  description: text,
});

export const causeSchema = z.strictObject({
  id: slugSchema,
  text: text,
});

/** A countermeasure is its own entity because one can serve several pitfalls. */
/**
 * How much a countermeasure asks of a team, used only to break ties in rankings: when two
 * countermeasures would remove the same risk, the one a team can finish sooner comes first.
 */
export const COUNTERMEASURE_EFFORTS = ["low", "medium", "high"] as const;
export const countermeasureEffortSchema = z.enum(COUNTERMEASURE_EFFORTS);
export type CountermeasureEffort = z.infer<typeof countermeasureEffortSchema>;

export const countermeasureSchema = z.strictObject({
  id: slugSchema,
  /** The action, imperative: "Pre-approve low-risk, repeatable changes". */
  action: text,
  /** Longer guidance on what doing it involves. */
  guidance: text,
  effort: countermeasureEffortSchema,
});

/**
 * How a pitfall uses a countermeasure: its own "so that" rationale, the symptoms it relieves and
 * the causes it removes. Rankings follow the causes: evidence of a cause counts towards the
 * countermeasures that remove that cause; evidence of a symptom alone counts towards those that
 * relieve the symptom.
 */
export const pitfallCountermeasureSchema = z.strictObject({
  countermeasureId: slugSchema,
  /** The "so that ..." outcome for this pitfall, without the words "so that". */
  rationale: text,
  addresses: z.array(slugSchema).min(1, "must address at least one symptom of this pitfall"),
  removesCauses: z.array(slugSchema).min(1, "must remove at least one cause of this pitfall"),
});

export const noteSchema = z.strictObject({
  id: slugSchema,
  title: text,
  body: text,
});

export const relatedPitfallSchema = z.strictObject({
  pitfallId: pitfallIdSchema,
  why: text,
});

export const pitfallSchema = z.strictObject({
  id: pitfallIdSchema,
  name: text,
  summary: text,
  whyItMatters: text,
  symptoms: z.array(symptomSchema).min(1),
  causes: z.array(causeSchema).min(1),
  countermeasures: z.array(pitfallCountermeasureSchema).min(1),
  notes: z.array(noteSchema),
  related: z.array(relatedPitfallSchema),
});

/* ------------------------------------------------------------------------------------------------
 * Questionnaire
 * ---------------------------------------------------------------------------------------------- */

/** A risk value: 0 = healthy, 1 = the answer fully signals the pitfall. */
export const riskSchema = z.number().min(0).max(1);

/** Five-point agreement scale, stored as 1 (strongly disagree) .. 5 (strongly agree). */
export const AGREEMENT_LEVELS = [1, 2, 3, 4, 5] as const;

export const agreementAnswerTypeSchema = z.strictObject({
  type: z.literal("agreement"),
  /** Which end of the scale signals the pitfall. */
  riskyWhen: z.enum(["agree", "disagree"]),
});

export const yesNoAnswerTypeSchema = z.strictObject({
  type: z.literal("yesNo"),
  riskyAnswer: z.enum(["yes", "no"]),
});

export const choiceOptionSchema = z.strictObject({
  value: slugSchema,
  label: text,
  risk: riskSchema,
});

export const choiceAnswerTypeSchema = z.strictObject({
  type: z.literal("choice"),
  options: z.array(choiceOptionSchema).min(2),
});

export const NUMBER_UNITS = [
  "percent",
  "count",
  "per-week",
  "per-month",
  "per-shift",
  "hours",
  "days",
  "people",
] as const;

/**
 * Piecewise-linear risk curve over the answer: points with strictly increasing `at`, risk
 * interpolated between them and held flat beyond the ends. A step is two close points
 * (e.g. at 2.99 and 3), which keeps the curve a function.
 */
export const riskPointSchema = z.strictObject({ at: z.number(), risk: riskSchema });

export const numberAnswerTypeSchema = z.strictObject({
  type: z.literal("number"),
  unit: z.enum(NUMBER_UNITS),
  min: z.number(),
  max: z.number(),
  integer: z.boolean(),
  riskCurve: z.array(riskPointSchema).min(2),
});

export const answerTypeSchema = z.discriminatedUnion("type", [
  agreementAnswerTypeSchema,
  yesNoAnswerTypeSchema,
  choiceAnswerTypeSchema,
  numberAnswerTypeSchema,
]);
export type AnswerType = z.infer<typeof answerTypeSchema>;

/**
 * A condition over the team context or an answer. `field` names a context question id or a
 * pitfall question id; values compare against the stored answer value (option value, number, or
 * boolean for yes/no).
 */
export const conditionSchema = z.discriminatedUnion("op", [
  z.strictObject({
    field: slugSchema,
    op: z.literal("in"),
    values: z.array(z.union([slugSchema, z.boolean()])).min(1),
  }),
  z.strictObject({ field: slugSchema, op: z.literal("lt"), value: z.number() }),
  z.strictObject({ field: slugSchema, op: z.literal("gt"), value: z.number() }),
  /** Holds when the field was answered "don't know"; known not to hold when it has a value. */
  z.strictObject({ field: slugSchema, op: z.literal("dontKnow") }),
]);

/** The symptoms and causes of its pitfall a piece of evidence points at. */
export const detectsSchema = z.strictObject({
  symptoms: z.array(slugSchema),
  causes: z.array(slugSchema),
});

/** Bands a high-risk finding can hold a pitfall at, at the least. */
export const FLOOR_BANDS = ["medium", "high", "critical"] as const;
export const floorBandSchema = z.enum(FLOOR_BANDS);
export type FloorBand = z.infer<typeof floorBandSchema>;

export const questionSchema = z.strictObject({
  id: slugSchema,
  /** Plain-language question shown to the team lead. */
  prompt: text,
  /** Help text: what to count, where to look, why it matters. */
  help: text,
  answer: answerTypeSchema,
  /** Relative importance inside its pitfall, 1 (supporting) .. 3 (strong signal). */
  weight: z.number().int().min(1).max(3),
  detects: detectsSchema,
  allowDontKnow: z.boolean(),
  allowNotApplicable: z.boolean(),
  required: z.boolean(),
  /**
   * When set, "don't know" is itself evidence, at this risk: used where the playbook treats not
   * knowing as a sign of the pitfall (e.g. unplanned work that nobody tracks). Otherwise "don't
   * know" only lowers confidence.
   */
  dontKnowRisk: riskSchema.optional(),
  /**
   * Team context conditions under which the question means something. When one is known not to
   * hold, the question is not asked and is left out of the score whatever was answered (e.g. the
   * share of a team on its own rota, for a team on a shared domain rota).
   */
  appliesWhen: z.array(conditionSchema).min(1).optional(),
  /**
   * Team context under which an answer on the risky half is no sign of the pitfall on its own: when
   * any one of these lists of conditions holds, the answer counts like one on the healthy side
   * (risk at most 0.25) and triggers nothing. A target not chosen on financial exposure that fits
   * the exposure band anyway is a process to put right, not a target to re-select.
   */
  notASignWhen: z.array(z.array(conditionSchema).min(1)).min(1).optional(),
  /**
   * Team context conditions under which "not applicable" contradicts the team's own context (e.g.
   * on-call questions for a team that runs its own schedule). Such an answer is refused on submit
   * and, if stored earlier, scored as "don't know".
   */
  applicableWhen: z.array(conditionSchema).min(1).optional(),
});

export const questionSectionSchema = z.strictObject({
  pitfallId: pitfallIdSchema,
  intro: text,
  questions: z.array(questionSchema).min(4).max(8),
});

/** Team context questions share the answer types but carry no risk of their own. */
export const contextQuestionSchema = z.strictObject({
  id: slugSchema,
  prompt: text,
  help: text,
  answer: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("yesNo") }),
    z.strictObject({
      type: z.literal("choice"),
      options: z.array(z.strictObject({ value: slugSchema, label: text })).min(2),
    }),
    z.strictObject({
      type: z.literal("number"),
      unit: z.enum(NUMBER_UNITS),
      min: z.number(),
      max: z.number(),
      integer: z.boolean(),
    }),
  ]),
  allowDontKnow: z.boolean(),
  required: z.boolean(),
  /**
   * Conditions on earlier context questions under which this one is asked at all (a question about
   * a 99.99% target, for a service whose target is 99.99%). When one is known not to hold, it is not
   * shown, not required, and an answer kept from before is not read by any rule.
   */
  appliesWhen: z.array(conditionSchema).min(1).optional(),
});

/**
 * A playbook rule that only makes sense with context, e.g. "an out-of-hours schedule on a service
 * whose availability target is 95%".
 *
 * - `appliesWhen` (optional) says when the rule is a question at all ("the target is 95%"). When
 *   one of these conditions is known not to hold, the rule is not applicable and carries no weight.
 * - `unless` (optional) names other answers that rule the finding out as a sign of this pitfall
 *   ("the product budget holder answers for incidents and pays for on-call"). When all of them
 *   hold, the rule is known not to hold, whatever `when` says; when one is unknown, so is the
 *   finding (unless `when` already fails).
 * - `when` is the finding itself ("an out-of-hours schedule covers it"). When all of its
 *   conditions hold the rule fires: evidence with risk 1 at its weight. When one is known not to
 *   hold, it is healthy evidence (risk 0) at its weight.
 * - `floor` makes a fired rule a high-risk finding: the pitfall is at least in that band, whatever
 *   the average says. A rule of weight 0 is a finding only: it sets the floor and adds no weight.
 */
export const contextRuleSchema = z.strictObject({
  id: slugSchema,
  pitfallId: pitfallIdSchema,
  /** Shown when the rule fires: what was found and why it signals the pitfall. */
  explanation: text,
  appliesWhen: z.array(conditionSchema).min(1).optional(),
  unless: z.array(conditionSchema).min(1).optional(),
  when: z.array(conditionSchema).min(1),
  weight: z.number().int().min(0).max(3),
  floor: floorBandSchema.optional(),
  detects: detectsSchema,
});

/**
 * Who a pulse question is for. Each person says which apply to them when they answer; a question
 * for "everyone" is asked of every member of the team.
 */
export const PULSE_AUDIENCES = ["on-call", "specialist", "everyone"] as const;
export const pulseAudienceSchema = z.enum(PULSE_AUDIENCES);
export type PulseAudience = z.infer<typeof pulseAudienceSchema>;

/**
 * A pulse question: asked of the people concerned themselves, anonymously, because a lead can only
 * answer it second-hand (how disruptive on-call is to one's life, how close to burnout one is).
 * Only counts per option are stored; the average risk of the answers is evidence for the pitfall,
 * at the question's own weight, once enough people have answered (see docs/scoring.md).
 */
export const pulseQuestionSchema = z.strictObject({
  id: slugSchema,
  pitfallId: pitfallIdSchema,
  audience: pulseAudienceSchema,
  /** Asked in the first person: "How much did being on call disrupt your life outside work?" */
  prompt: text,
  help: text,
  /** How the aggregate reads as evidence, e.g. "How disruptive the people on the rota find on-call". */
  evidenceLabel: text,
  options: z.array(choiceOptionSchema).min(3).max(5),
  weight: z.number().int().min(1).max(3),
  detects: detectsSchema,
  /**
   * A high-risk finding read from the answers: when their average risk reaches `averageRiskFrom`,
   * the pitfall is at least in `band`, as a lead's answer of the same weight would hold it. The
   * people concerned saying it first-hand counts at least as much as the lead saying it for them.
   */
  floor: z
    .strictObject({
      averageRiskFrom: z.number().gt(0).max(1),
      band: floorBandSchema,
      explanation: text,
    })
    .optional(),
});

export const questionnaireSchema = z.strictObject({
  /** Version id, e.g. "v1". Stored with every cycle so old answers stay interpretable. */
  id: slugSchema,
  title: text,
  publishedOn: z.iso.date(),
  /** How this version's questions map onto an earlier version's, so answers and trends carry over. */
  supersedes: z
    .strictObject({
      questionnaireId: slugSchema,
      /** new question id -> earlier question id (same answer type and options). */
      questionMap: z.record(slugSchema, slugSchema),
    })
    .optional(),
  context: z.array(contextQuestionSchema).min(1),
  sections: z.array(questionSectionSchema),
  contextRules: z.array(contextRuleSchema),
  /** Anonymous pulse questions answered by the people concerned, each on their own. */
  pulse: z.array(pulseQuestionSchema).optional(),
});

export type Symptom = z.infer<typeof symptomSchema>;
export type Cause = z.infer<typeof causeSchema>;
export type Countermeasure = z.infer<typeof countermeasureSchema>;
export type PitfallCountermeasure = z.infer<typeof pitfallCountermeasureSchema>;
export type Pitfall = z.infer<typeof pitfallSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionSection = z.infer<typeof questionSectionSchema>;
export type ContextQuestion = z.infer<typeof contextQuestionSchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type ContextRule = z.infer<typeof contextRuleSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type PulseQuestion = z.infer<typeof pulseQuestionSchema>;

/* ------------------------------------------------------------------------------------------------
 * Answers (the shape stored per question; shared by the questionnaire UI, storage and scoring)
 * ---------------------------------------------------------------------------------------------- */

export const answerSchema = z.discriminatedUnion("kind", [
  /** agreement: 1..5; yesNo: boolean; choice: option value; number: finite number. */
  z.strictObject({ kind: z.literal("value"), value: z.union([z.number(), z.string(), z.boolean()]) }),
  z.strictObject({ kind: z.literal("dontKnow") }),
  z.strictObject({
    kind: z.literal("notApplicable"),
    reason: z.string().trim().min(3, "say briefly why it does not apply").max(500),
  }),
]);
export type Answer = z.infer<typeof answerSchema>;

/** Answers keyed by question id (pitfall questions) or context question id (team context). */
export type Answers = Readonly<Record<string, Answer>>;

/** The content bundle the app runs on: every pitfall, every countermeasure, every questionnaire version. */
export interface ContentBundle {
  pitfalls: readonly Pitfall[];
  countermeasures: readonly Countermeasure[];
  questionnaires: readonly Questionnaire[];
  source: ContentSource;
}

export const contentSourceSchema = z.strictObject({
  title: text,
  publisher: text,
  url: z.url(),
  licence: text,
  credit: text,
});
export type ContentSource = z.infer<typeof contentSourceSchema>;
