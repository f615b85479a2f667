/**
 * Calibration profiles: team situations written as data, each with the verdict a You Build It You
 * Run It coach would give it. They are judged from the seed (shared/seed/ybiyri-pitfalls.txt) and
 * the playbook facts in shared/domain-notes.md, never from what the engine happens to output; the
 * engine is tuned against them, not the other way round.
 *
 * Every profile starts from a genuinely healthy team (`healthyContext`, `healthyAnswers`) and
 * overrides only what makes it different, so each one reads like a coach's notes on one team.
 */
import type { Answer, Answers, PitfallId } from "@/domain/content/schema";
import type { PitfallStatus, RiskBand } from "@/domain/scoring";

/* ------------------------------------------------------------------------------------------------
 * Types
 * ---------------------------------------------------------------------------------------------- */

/** Acceptable bands, lowest and highest, both inclusive: ["medium", "high"]. */
export type BandRange = readonly [lowest: RiskBand, highest: RiskBand];

export interface PitfallExpectation {
  /** Acceptable band range. Implies the pitfall is scored. */
  band?: BandRange;
  /** Expected status when it is not simply "scored" (e.g. a pitfall nobody can answer). */
  status?: PitfallStatus;
  symptomsMustFire?: readonly string[];
  symptomsMustNotFire?: readonly string[];
  /** Causes ("likely causes") that must be shown, and causes the team's answers say are absent. */
  causesMustFire?: readonly string[];
  /** Causes that must be shown as suspected: every answer behind them is a "don't know". */
  causesSuspected?: readonly string[];
  causesMustNotFire?: readonly string[];
  /** The countermeasure that must rank first in this pitfall's own ranking. */
  firstCountermeasure?: string;
}

/**
 * A relative judgement: this profile's score on a pitfall compared with the same team answering
 * a few questions differently.
 */
export interface Comparison {
  pitfallId: PitfallId;
  /** The other answer set, in a coach's words. */
  description: string;
  context?: Answers;
  answers?: Answers;
  /** "notBelow": this profile scores at least as high; "above": strictly higher; "below": strictly lower. */
  relation: "notBelow" | "above" | "below";
}

export interface ProfileExpectations {
  pitfalls: Partial<Record<PitfallId, PitfallExpectation>>;
  /** Band range for every pitfall not listed in `pitfalls`; omitted means unconstrained. */
  otherPitfalls?: BandRange;
  /** No symptom of any pitfall may fire. */
  noSymptomsAnywhere?: boolean;
  /** The countermeasure that must rank first in the assessment-wide ranking. */
  firstCountermeasureOverall?: string;
  /**
   * The pitfalls the team's headline must name, in its order; empty: it names none and says that
   * no pitfall shows symptoms.
   */
  headlineNames?: readonly PitfallId[];
  /**
   * Countermeasures that must not be offered at all (risk removed above 0 in any pitfall): steps for
   * practices the team says it has.
   */
  forbiddenCountermeasures?: readonly string[];
  /** The assessment-wide ranking opens with these countermeasures, in this order. */
  overallOrderStartsWith?: readonly string[];
  /** The pitfall the team's headline names (worst band, then confirmed before suspected, then score). */
  worstPitfall?: PitfallId;
  comparisons?: readonly Comparison[];
  /**
   * Question ids whose "not applicable" answers the method may refuse outright. If the engine
   * rejects the answers and every complaint is about one of these ids, the profile passes: a
   * refusal is as good as scoring the pitfall properly.
   */
  mayRefuseAnswersTo?: readonly string[];
}

export interface CalibrationProfile {
  id: string;
  title: string;
  /** One line citing the seed ("seed: ...") or the domain notes ("domain notes: ..."). */
  rationale: string;
  context: Answers;
  answers: Answers;
  expect: ProfileExpectations;
}

/* ------------------------------------------------------------------------------------------------
 * Builders
 * ---------------------------------------------------------------------------------------------- */

/** An answered value: agreement 1..5, yes/no boolean, option slug or number. */
export const v = (value: number | string | boolean): Answer => ({ kind: "value", value });
export const dontKnow: Answer = { kind: "dontKnow" };
export const na = (reason: string): Answer => ({ kind: "notApplicable", reason });

/** Agreement scale, 1 = strongly disagree .. 5 = strongly agree. */
export const STRONGLY_DISAGREE = v(1);
export const DISAGREE = v(2);
export const NEUTRAL = v(3);
export const AGREE = v(4);
export const STRONGLY_AGREE = v(5);
export const YES = v(true);
export const NO = v(false);

/** Ids added by questionnaire v2; skipped (and only these) while the suite runs against v1. */
export const V2_ONLY_QUESTION_IDS: readonly string[] = [
  "locs-time-to-restore-out-of-hours",
  "nmim-time-to-restore-major-incidents",
];

/**
 * A healthy team as the playbook describes it: high exposure, so 99.9% and its own schedule; a
 * rota of 5 of its 6 engineers on weekly rotation (20% of each person's time, under SRE's 25%),
 * paid standby plus callout and prepared from day one; the product budget holder accountable and
 * paying; rework tracked; one automated pipeline and telemetry as code; daily deployments on
 * pre-approved changes; incident management integrated with all seven touchpoints; one dedicated
 * specialist who meets their community.
 */
export const healthyContext: Answers = {
  "financial-exposure-band": v("high"),
  "availability-target": v("99-9"),
  "out-of-hours-on-call-setup": v("own-team-schedule"),
  "team-size": v(8),
  "on-call-rota-size": v(5),
};

export const healthyAnswers: Answers = {
  // Linear run costs
  "lrc-target-chosen-on-exposure": YES,
  "lrc-out-of-hours-cover-decided-by": v("from-availability-target"),
  "lrc-share-of-teams-with-own-schedule": v(20),
  "lrc-standby-cost-per-new-team": DISAGREE,
  "lrc-target-reviewed-this-quarter": YES,
  // Responsible but unaccountable
  "rbu-accountable-for-incidents": v("product-budget-holder"),
  "rbu-on-call-budget-owner": v("product-budget"),
  "rbu-operational-feature-share": v(30),
  "rbu-operational-features-ranked-with-product": AGREE,
  "rbu-asked-to-cut-on-call-spend": NO,
  "rbu-budget-holder-in-incident-review": YES,
  "rbu-operability-expected": STRONGLY_AGREE,
  // Excessive BAU
  "ebau-planned-work-share": v(80),
  "ebau-callouts-per-shift": v(0),
  "ebau-unplanned-work-tracking": v("ticketed-and-time-tracked"),
  "ebau-planned-features-delivered": v(85),
  "ebau-graceful-degradation": AGREE,
  "ebau-deployment-automation": v("one-automated-pipeline"),
  "ebau-telemetry-automation": v("as-code"),
  // Change management treacle
  "cmt-deployment-frequency": v("daily"),
  "cmt-approval-wait-days": v(0),
  "cmt-pre-approved-share": v(90),
  "cmt-one-change-category": NO,
  "cmt-change-record-automation": v("pipeline-automated"),
  "cmt-changes-reviewed-one-by-one": DISAGREE,
  "cmt-batching-for-approval": STRONGLY_DISAGREE,
  // No major incident management
  "nmim-incident-managers-informed": v("automatically"),
  "nmim-incident-commander-share": v(100),
  "nmim-leadership-updated-share": v(100),
  "nmim-know-how-to-involve-others": AGREE,
  "nmim-automated-touchpoints": v(7),
  "nmim-crisis-communications-plan": YES,
  "nmim-time-to-restore-major-incidents": v("under-1-hour"),
  // Embedded specialists
  "es-teams-per-embedded-specialist": v(1),
  "es-wait-for-specialist": v("under-an-hour"),
  "es-self-service-specialist-tasks": AGREE,
  "es-specialist-workload": v("steady"),
  "es-specialist-community": YES,
  "es-specialist-missing-from-design": NO,
  // Limited on-call schedule
  "locs-share-of-team-on-call": v(80),
  "locs-share-of-time-on-call": v(20),
  "locs-on-call-pay-model": v("standby-and-callout"),
  "locs-ready-before-first-shift": v(4),
  "locs-confident-on-call": AGREE,
  "locs-personal-disruption": DISAGREE,
  "locs-left-rota-from-strain": NO,
  "locs-time-to-restore-out-of-hours": v("under-1-hour"),
};

interface ProfileNotes {
  id: string;
  title: string;
  rationale: string;
  /** Team context that differs from the healthy team. */
  context?: Answers;
  /** Answers that differ from the healthy team. */
  answers?: Answers;
  expect: ProfileExpectations;
}

/** A team described by how it differs from the healthy team. */
export function team(notes: ProfileNotes): CalibrationProfile {
  return {
    id: notes.id,
    title: notes.title,
    rationale: notes.rationale,
    context: { ...healthyContext, ...notes.context },
    answers: { ...healthyAnswers, ...notes.answers },
    expect: notes.expect,
  };
}

const HEALTHY: BandRange = ["none", "low"];

/** Every listed question answered "not applicable" with the same reason. */
function allNotApplicable(ids: readonly string[], reason: string): Answers {
  return Object.fromEntries(ids.map((id) => [id, na(reason)]));
}

/** Every listed question answered "don't know". */
function allDontKnow(ids: readonly string[]): Answers {
  return Object.fromEntries(ids.map((id) => [id, dontKnow]));
}

const ON_CALL_QUESTION_IDS = [
  "locs-share-of-team-on-call",
  "locs-share-of-time-on-call",
  "locs-on-call-pay-model",
  "locs-ready-before-first-shift",
  "locs-confident-on-call",
  "locs-personal-disruption",
  "locs-left-rota-from-strain",
  "locs-time-to-restore-out-of-hours",
];

/* ------------------------------------------------------------------------------------------------
 * A realistic struggling team, fresh from Ops Run It (used by two profiles)
 * ---------------------------------------------------------------------------------------------- */

const strugglingTeamContext: Answers = {
  "financial-exposure-band": v("medium"),
  "availability-target": v("99-9"),
  "out-of-hours-on-call-setup": v("own-team-schedule"),
  "team-size": v(9),
  "on-call-rota-size": v(3),
};

const strugglingTeamAnswers: Answers = {
  "lrc-target-chosen-on-exposure": NO,
  "lrc-out-of-hours-cover-decided-by": v("organisation-default"),
  "lrc-share-of-teams-with-own-schedule": v(90),
  "lrc-standby-cost-per-new-team": STRONGLY_AGREE,
  "lrc-target-reviewed-this-quarter": NO,
  "rbu-accountable-for-incidents": v("head-of-operations"),
  "rbu-on-call-budget-owner": v("operations-budget"),
  "rbu-operational-feature-share": v(5),
  "rbu-operational-features-ranked-with-product": DISAGREE,
  "rbu-asked-to-cut-on-call-spend": YES,
  "rbu-budget-holder-in-incident-review": NO,
  "rbu-operability-expected": DISAGREE,
  "ebau-planned-work-share": v(55),
  "ebau-callouts-per-shift": v(2),
  "ebau-unplanned-work-tracking": v("larger-items-only"),
  "ebau-planned-features-delivered": v(50),
  "ebau-graceful-degradation": DISAGREE,
  "ebau-deployment-automation": v("mostly-automated"),
  "ebau-telemetry-automation": v("partly-as-code"),
  "cmt-deployment-frequency": v("monthly"),
  "cmt-approval-wait-days": v(5),
  "cmt-pre-approved-share": v(0),
  "cmt-one-change-category": YES,
  "cmt-change-record-automation": v("by-hand"),
  "cmt-changes-reviewed-one-by-one": STRONGLY_AGREE,
  "cmt-batching-for-approval": AGREE,
  "nmim-incident-managers-informed": v("if-remembered"),
  "nmim-incident-commander-share": v(40),
  "nmim-leadership-updated-share": v(20),
  "nmim-know-how-to-involve-others": DISAGREE,
  "nmim-automated-touchpoints": v(1),
  "nmim-crisis-communications-plan": NO,
  "nmim-time-to-restore-major-incidents": v("over-a-day"),
  "es-teams-per-embedded-specialist": v(2),
  "es-wait-for-specialist": v("hours"),
  "es-self-service-specialist-tasks": DISAGREE,
  "es-specialist-workload": v("mostly-overloaded"),
  "es-specialist-community": NO,
  "es-specialist-missing-from-design": YES,
  "locs-share-of-team-on-call": v(40),
  "locs-share-of-time-on-call": v(33),
  "locs-on-call-pay-model": v("callout-only"),
  "locs-ready-before-first-shift": v(2),
  "locs-confident-on-call": DISAGREE,
  "locs-personal-disruption": AGREE,
  "locs-left-rota-from-strain": YES,
  "locs-time-to-restore-out-of-hours": v("4-to-24-hours"),
};

/**
 * The struggling team's ten riskiest answers, ranked by answer risk × question weight in
 * questionnaire v1 (ties in content order): the ones a team lead is most tempted to hide behind
 * "don't know". Two are change management answers (approval wait, deployment frequency).
 */
export const STRUGGLING_TEAM_TEN_RISKIEST = [
  "lrc-target-chosen-on-exposure",
  "lrc-out-of-hours-cover-decided-by",
  "rbu-accountable-for-incidents",
  "rbu-on-call-budget-owner",
  "cmt-approval-wait-days",
  "cmt-deployment-frequency",
  "ebau-planned-work-share",
  "nmim-leadership-updated-share",
  "locs-share-of-team-on-call",
  "locs-share-of-time-on-call",
] as const;

/* ------------------------------------------------------------------------------------------------
 * The profiles
 * ---------------------------------------------------------------------------------------------- */

export const profiles: readonly CalibrationProfile[] = [
  team({
    id: "healthy-own-schedule",
    title: "Healthy team with its own schedule",
    rationale:
      "domain notes: high exposure → 99.9% → the team's own schedule; a rota of 5 on weekly rotation is 20% of each person's time, under SRE's 25%; pipeline, telemetry as code, pre-approved changes and integrated incident management are the playbook's practices.",
    expect: { pitfalls: {}, otherPitfalls: HEALTHY, noSymptomsAnywhere: true },
  }),

  team({
    id: "healthy-shared-domain-rota",
    title: "Healthy team on a shared domain rota, on-call paid from a shared IT budget",
    rationale:
      "domain notes: 99.0% → a domain schedule shared by sibling teams, so only a few of this team's engineers are on it by design; seed: on-call funding pressure is being pushed to cut spend, which this team never was.",
    context: {
      "financial-exposure-band": v("medium"),
      "availability-target": v("99-0"),
      "out-of-hours-on-call-setup": v("shared-domain-schedule"),
      "team-size": v(7),
      "on-call-rota-size": v(6),
    },
    answers: {
      "lrc-share-of-teams-with-own-schedule": v(10),
      "rbu-on-call-budget-owner": v("shared-it-budget"),
      "rbu-asked-to-cut-on-call-spend": NO,
      "locs-share-of-team-on-call": v(35),
      "locs-share-of-time-on-call": v(17),
      "locs-time-to-restore-out-of-hours": v("1-to-4-hours"),
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": { band: HEALTHY, symptomsMustNotFire: ["minority-of-team-on-call"] },
        "responsible-but-unaccountable": { band: HEALTHY, symptomsMustNotFire: ["on-call-funding-pressure"] },
      },
      otherPitfalls: HEALTHY,
      noSymptomsAnywhere: true,
    },
  }),

  team({
    id: "head-of-operations-accountable-and-paying",
    title: "Head of Operations accountable for reliability and paying for on-call; all else healthy",
    rationale:
      "seed: the pitfall happens when the Head of Operations is still accountable for reliability and on-call is funded from an opex budget they own — both defining causes present, so at least High.",
    answers: {
      "rbu-accountable-for-incidents": v("head-of-operations"),
      "rbu-on-call-budget-owner": v("operations-budget"),
    },
    expect: {
      pitfalls: {
        "responsible-but-unaccountable": {
          band: ["high", "critical"],
          firstCountermeasure: "make-budget-holders-accountable-for-outcomes",
          // Never asked to cut, and the target matches the exposure band: no evidence of these.
          symptomsMustNotFire: ["on-call-funding-pressure", "inflated-availability-targets"],
        },
      },
      otherPitfalls: HEALTHY,
      firstCountermeasureOverall: "make-budget-holders-accountable-for-outcomes",
    },
  }),

  team({
    id: "rota-of-one",
    title: "A rota of one, on call all the time",
    rationale:
      "domain notes: a rota needs at least 3 people and at most 25% of a person's time on call; seed: a minority of the team on call, with disrupted personal lives, is the pitfall itself.",
    context: { "team-size": v(6), "on-call-rota-size": v(1) },
    answers: {
      "locs-share-of-team-on-call": v(20),
      "locs-share-of-time-on-call": v(100),
      "locs-personal-disruption": AGREE,
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": {
          band: ["critical", "critical"],
          symptomsMustFire: ["minority-of-team-on-call", "on-call-burnout-risk"],
          firstCountermeasure: "craft-sustainable-on-call-schedule",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "rota-of-two",
    title: "A rota of two, alternating weeks; all else healthy",
    rationale:
      "domain notes: fewer than 3 people is below the floor at which a rota can work at all, and alternate weeks is 50% of each person's time on call, twice SRE's 25%.",
    context: { "team-size": v(6), "on-call-rota-size": v(2) },
    answers: {
      "locs-share-of-team-on-call": v(40),
      "locs-share-of-time-on-call": v(50),
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": {
          band: ["high", "critical"],
          symptomsMustFire: ["minority-of-team-on-call"],
          firstCountermeasure: "craft-sustainable-on-call-schedule",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "rota-of-three-weekly",
    title: "A rota of three on weekly rotation; all else healthy",
    rationale:
      "domain notes: 3 people on weekly rotation meets the playbook's floor but puts each person on call 33% of the time, above SRE's 25% — clearly a sign (Medium), not yet established.",
    context: { "team-size": v(6), "on-call-rota-size": v(3) },
    answers: {
      "locs-share-of-team-on-call": v(60),
      "locs-share-of-time-on-call": v(33),
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": {
          band: ["medium", "medium"],
          symptomsMustNotFire: ["minority-of-team-on-call"],
          firstCountermeasure: "craft-sustainable-on-call-schedule",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "incident-management-not-involved",
    title: "Incident management team not involved; the team runs its own incidents well",
    rationale:
      "seed: the pitfall happens when the incident management team is excluded from incident response for digital services — its defining cause, so at least High even when the team communicates well itself.",
    answers: {
      "nmim-incident-managers-informed": v("not-involved"),
      "nmim-automated-touchpoints": v(0),
    },
    expect: {
      pitfalls: {
        "no-major-incident-management": {
          band: ["high", "critical"],
          symptomsMustFire: ["major-incident-ignorance"],
          // Leaders were updated in every major incident and a written plan exists.
          symptomsMustNotFire: ["no-crisis-communications"],
          firstCountermeasure: "integrate-into-incident-management-as-is",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "manual-environment-specific-deployments",
    title: "Manual, environment-specific deployments causing failed deployments and callouts",
    rationale:
      "seed: excessive BAU happens when production deployments aren't consistently applied in all environments, and a fully automated pipeline is the countermeasure for it — not re-architecting services that already degrade gracefully.",
    answers: {
      "ebau-deployment-automation": v("largely-manual"),
      "ebau-callouts-per-shift": v(3),
      "ebau-planned-work-share": v(60),
      "ebau-planned-features-delivered": v(60),
      "cmt-deployment-frequency": v("weekly"),
      "locs-personal-disruption": NEUTRAL,
    },
    expect: {
      pitfalls: {
        "excessive-bau": {
          band: ["medium", "high"],
          symptomsMustFire: ["high-number-of-callouts", "slow-delivery-of-planned-work"],
          firstCountermeasure: "create-automated-deployment-pipeline",
        },
        "linear-run-costs": { band: HEALTHY },
        "responsible-but-unaccountable": { band: HEALTHY },
        "change-management-treacle": { band: HEALTHY },
        "no-major-incident-management": { band: HEALTHY },
        "embedded-specialists": { band: HEALTHY },
      },
    },
  }),

  team({
    id: "low-exposure-at-99-99-with-own-schedule",
    title:
      "Low-exposure service run at 99.99% with its own out-of-hours schedule; the product budget holder answers and pays",
    rationale:
      "domain notes: low exposure maps to 95% with no out-of-hours schedule and 99.99% needs a documented need; seed: standby the exposure never justified is linear run cost, and inflated targets are the unaccountable pitfall's symptom only because someone else pays, which here nobody does.",
    context: {
      "financial-exposure-band": v("low"),
      "availability-target": v("99-99"),
      "documented-need-for-top-target": NO,
    },
    answers: {
      "lrc-target-chosen-on-exposure": NO,
      "lrc-out-of-hours-cover-decided-by": v("team-preference"),
      "lrc-target-reviewed-this-quarter": NO,
    },
    expect: {
      pitfalls: {
        // Run cost tied to team count is an organisation-wide symptom, and this team says only
        // 20% of teams have their own schedule and new teams add no standby: the finding is this
        // team's unjustified target and cover, a clear sign rather than the symptom itself.
        "linear-run-costs": {
          band: ["medium", "critical"],
          firstCountermeasure: "select-availability-targets-on-financial-exposure",
        },
        // Method 4 held this pitfall at Medium and opened its steps with accountability and
        // funding the team already has; the same team paid from a central budget, below, is
        // where the inflated target is this pitfall's symptom.
        "responsible-but-unaccountable": {
          band: HEALTHY,
          symptomsMustNotFire: ["inflated-availability-targets"],
        },
        "excessive-bau": { band: HEALTHY },
        "change-management-treacle": { band: HEALTHY },
        "no-major-incident-management": { band: HEALTHY },
        "embedded-specialists": { band: HEALTHY },
      },
      firstCountermeasureOverall: "select-availability-targets-on-financial-exposure",
    },
  }),

  team({
    id: "low-exposure-at-99-99-paid-centrally",
    title:
      "Low-exposure service run at 99.99% with its own out-of-hours schedule, its on-call paid from a central IT budget",
    rationale:
      "seed: product managers select whatever availability target they want because someone else is paying their on-call costs: the inflated-targets symptom, with the maximum target and the highest on-call level on a low-exposure service.",
    context: {
      "financial-exposure-band": v("low"),
      "availability-target": v("99-99"),
      "documented-need-for-top-target": NO,
    },
    answers: {
      "lrc-target-chosen-on-exposure": NO,
      "lrc-out-of-hours-cover-decided-by": v("team-preference"),
      "lrc-target-reviewed-this-quarter": NO,
      "rbu-on-call-budget-owner": v("shared-it-budget"),
    },
    expect: {
      pitfalls: {
        "linear-run-costs": {
          band: ["medium", "critical"],
          firstCountermeasure: "select-availability-targets-on-financial-exposure",
        },
        "responsible-but-unaccountable": {
          band: ["medium", "critical"],
          symptomsMustFire: ["inflated-availability-targets"],
          causesMustFire: ["on-call-funded-by-operations"],
          firstCountermeasure: "fund-on-call-from-product-budgets",
        },
        "excessive-bau": { band: HEALTHY },
        "change-management-treacle": { band: HEALTHY },
        "no-major-incident-management": { band: HEALTHY },
        "embedded-specialists": { band: HEALTHY },
      },
    },
  }),

  team({
    id: "exposure-not-estimated",
    title: "Financial exposure never estimated; 99.9% and its own schedule inherited",
    rationale:
      "domain notes: targets and out-of-hours schedules are selected from an estimated hourly financial exposure; a team that never estimated it chose neither on exposure, which must not score like a high-exposure answer.",
    context: { "financial-exposure-band": v("not-estimated") },
    answers: {
      "lrc-target-chosen-on-exposure": NO,
      "lrc-out-of-hours-cover-decided-by": v("inherited"),
      "lrc-target-reviewed-this-quarter": NO,
    },
    expect: {
      pitfalls: {
        "linear-run-costs": {
          band: ["medium", "critical"],
          firstCountermeasure: "select-availability-targets-on-financial-exposure",
        },
        "excessive-bau": { band: HEALTHY },
        "change-management-treacle": { band: HEALTHY },
        "no-major-incident-management": { band: HEALTHY },
        "embedded-specialists": { band: HEALTHY },
        "limited-on-call-schedule": { band: HEALTHY },
      },
      comparisons: [
        {
          pitfallId: "linear-run-costs",
          description:
            "the same team with its exposure estimated as high (which would justify 99.9% and its own schedule)",
          context: { "financial-exposure-band": v("high") },
          relation: "above",
        },
      ],
    },
  }),

  team({
    id: "unplanned-work-untracked",
    title: "Unplanned work not tracked; share of time on planned work unknown; features slipping",
    rationale:
      "seed: excessive BAU is hard to detect because operational rework isn't tracked in a ticketing system, and is spotted by measuring the weekly share of time on planned work — not knowing that share is itself the sign.",
    answers: {
      "ebau-unplanned-work-tracking": v("not-tracked"),
      "ebau-planned-work-share": dontKnow,
      "ebau-planned-features-delivered": v(60),
    },
    expect: {
      pitfalls: {
        "excessive-bau": {
          band: ["medium", "critical"],
          symptomsMustFire: ["slow-delivery-of-planned-work"],
          firstCountermeasure: "treat-unplanned-rework-as-planned-work",
        },
      },
      otherPitfalls: HEALTHY,
      comparisons: [
        {
          pitfallId: "excessive-bau",
          description:
            "the same team tracking rework with tickets and time, and measuring 60% of its time on planned work",
          answers: {
            "ebau-unplanned-work-tracking": v("ticketed-and-time-tracked"),
            "ebau-planned-work-share": v(60),
          },
          relation: "notBelow",
        },
      ],
    },
  }),

  {
    id: "struggling-team-fresh-from-ops-run-it",
    title: "Struggling team fresh from Ops Run It, every answer known",
    rationale:
      "seed: a predisposition to central operations lingers after Ops Run It; domain notes: operations-owned accountability tends to bring heavyweight change approval, and inflated targets feed linear run costs and funding cuts.",
    context: strugglingTeamContext,
    answers: strugglingTeamAnswers,
    expect: {
      pitfalls: {
        "linear-run-costs": { band: ["high", "critical"], symptomsMustFire: ["run-cost-tied-to-team-count"] },
        "responsible-but-unaccountable": {
          band: ["high", "critical"],
          symptomsMustFire: [
            "inflated-availability-targets",
            "low-priority-operational-features",
            "weak-operability-incentives",
            "on-call-funding-pressure",
          ],
          firstCountermeasure: "make-budget-holders-accountable-for-outcomes",
        },
        "excessive-bau": { band: ["medium", "high"], symptomsMustFire: ["slow-delivery-of-planned-work"] },
        "change-management-treacle": {
          band: ["high", "critical"],
          symptomsMustFire: ["insufficient-deployment-frequency", "prolonged-change-management-process"],
          firstCountermeasure: "pre-approve-low-risk-changes",
        },
        "no-major-incident-management": {
          band: ["high", "critical"],
          symptomsMustFire: [
            "lack-of-incident-response-collaboration",
            "major-incident-ignorance",
            "no-crisis-communications",
          ],
          firstCountermeasure: "integrate-into-incident-management-as-is",
        },
        "embedded-specialists": {
          band: ["medium", "critical"],
          symptomsMustFire: ["specialists-shared-between-teams", "specialist-loneliness"],
        },
        "limited-on-call-schedule": {
          band: ["high", "critical"],
          symptomsMustFire: ["minority-of-team-on-call", "on-call-burnout-risk"],
        },
      },
    },
  },

  {
    id: "struggling-team-ten-riskiest-unknown",
    title: 'The same struggling team answering "don\'t know" to its ten most damning answers',
    rationale:
      'seed: treacle happens when one change category applies to every deployment and each needs an approval — still known here; domain notes: heavy external approval goes with low performance, and "don\'t know" must not make it look better.',
    context: strugglingTeamContext,
    answers: { ...strugglingTeamAnswers, ...allDontKnow(STRUGGLING_TEAM_TEN_RISKIEST) },
    expect: {
      pitfalls: {
        // Still known: 0% pre-approved, one category for everything, records by hand, each change
        // reviewed as it arrives, finished work held back for one approval.
        "change-management-treacle": {
          band: ["high", "critical"],
          symptomsMustFire: ["prolonged-change-management-process"],
        },
        // Still known: 5% operational features, funding cuts, no budget holder in reviews.
        "responsible-but-unaccountable": { band: ["medium", "critical"] },
        // Still known: incident managers told if remembered, no plan, major incidents over a day.
        "no-major-incident-management": { band: ["high", "critical"] },
        // Still known: callout-only pay, disrupted lives, someone left the rota, a rota of 3.
        "limited-on-call-schedule": { band: ["high", "critical"] },
        // Still known: 90% of teams with their own schedule, each new team a full standby payment.
        "linear-run-costs": { band: ["medium", "critical"] },
      },
    },
  },

  team({
    id: "ninety-five-percent-with-own-schedule",
    title: "95% service covered out of hours by the team's own schedule",
    rationale:
      "domain notes: at 95% there is no out-of-hours schedule — callouts wait for the next working day — so standby for it is run cost the exposure does not justify (seed: select out-of-hours schedules on financial exposure).",
    context: {
      "financial-exposure-band": v("low"),
      "availability-target": v("95-0"),
      "team-size": v(7),
      "on-call-rota-size": v(4),
    },
    answers: {
      "lrc-out-of-hours-cover-decided-by": v("team-preference"),
      "locs-share-of-team-on-call": v(67),
      "locs-share-of-time-on-call": v(25),
      "locs-time-to-restore-out-of-hours": v("1-to-4-hours"),
    },
    expect: {
      pitfalls: {
        // As above: the organisation-wide symptom is not evidenced by this team's answers.
        "linear-run-costs": {
          band: ["medium", "critical"],
          firstCountermeasure: "select-out-of-hours-schedules-on-financial-exposure",
        },
        "excessive-bau": { band: HEALTHY },
        "change-management-treacle": { band: HEALTHY },
        "no-major-incident-management": { band: HEALTHY },
        "embedded-specialists": { band: HEALTHY },
        "limited-on-call-schedule": { band: HEALTHY },
      },
    },
  }),

  team({
    id: "central-operations-covers-99-9",
    title: "Central operations covers a 99.9% service out of hours",
    rationale:
      "domain notes: a 99.9% service calls for the team's own schedule and the Head of Operations is only informed; operations answering its callouts keeps operations accountable for its reliability (seed: responsible but unaccountable).",
    context: {
      "out-of-hours-on-call-setup": v("central-ops"),
      "on-call-rota-size": v(6),
    },
    answers: {
      "lrc-out-of-hours-cover-decided-by": v("inherited"),
      "rbu-on-call-budget-owner": na(
        "The team has no standby or callout costs: central operations covers out of hours.",
      ),
      "rbu-asked-to-cut-on-call-spend": na(
        "The team has no on-call spending: central operations covers out of hours.",
      ),
      "ebau-callouts-per-shift": na("Nobody in the team is on call; central operations takes the callouts."),
      ...allNotApplicable(
        ON_CALL_QUESTION_IDS,
        "Nobody in the team is on call; central operations covers out of hours.",
      ),
    },
    expect: {
      pitfalls: {
        "responsible-but-unaccountable": { band: ["medium", "critical"] },
        "excessive-bau": { band: HEALTHY },
        "change-management-treacle": { band: HEALTHY },
        "no-major-incident-management": { band: HEALTHY },
        "embedded-specialists": { band: HEALTHY },
      },
    },
  }),

  team({
    id: "weekly-deployments-pre-approved",
    title: "Weekly deployments on pre-approved changes",
    rationale:
      "domain notes: the throughput goal is weekly deployments or more, and pre-approved changes raised and closed by the pipeline are the seed's countermeasure — no treacle here.",
    answers: {
      "cmt-deployment-frequency": v("weekly"),
      "cmt-pre-approved-share": v(85),
      "cmt-approval-wait-days": v(0),
    },
    expect: {
      pitfalls: {
        "change-management-treacle": {
          band: HEALTHY,
          symptomsMustNotFire: ["insufficient-deployment-frequency", "prolonged-change-management-process"],
        },
      },
      otherPitfalls: HEALTHY,
      noSymptomsAnywhere: true,
    },
  }),

  team({
    id: "specialist-shared-by-three-teams",
    title: "Embedded specialist shared between three teams, days of waiting",
    rationale:
      "seed: fewer embedded specialists than teams, each assigned to several, with teams waiting hours or days for their own specialist, is the pitfall's first symptom and its bottleneck.",
    answers: {
      "es-teams-per-embedded-specialist": v(3),
      "es-wait-for-specialist": v("days"),
      "es-specialist-missing-from-design": YES,
      "es-specialist-workload": v("mostly-overloaded"),
    },
    expect: {
      pitfalls: {
        "embedded-specialists": {
          band: ["high", "critical"],
          symptomsMustFire: ["specialists-shared-between-teams", "unpredictable-specialist-workload"],
          // The specialist still meets their community monthly.
          symptomsMustNotFire: ["specialist-loneliness"],
          firstCountermeasure: "establish-specialists-as-a-service",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "specialists-as-a-service",
    title: "No embedded specialists: self-service tasks and a central specialist team",
    rationale:
      "seed: specialists as a service — repeatable tasks automated as self-service, a central team free for ad hoc expertise — is the countermeasure, so there is nothing to share or wait for.",
    answers: {
      "es-teams-per-embedded-specialist": na(
        "We have no embedded specialists; a central specialist team serves every team.",
      ),
      "es-specialist-workload": na("We have no embedded specialists."),
      "es-specialist-community": na("We have no embedded specialists; the central team works together."),
      "es-wait-for-specialist": v("self-service"),
      "es-self-service-specialist-tasks": STRONGLY_AGREE,
    },
    expect: {
      pitfalls: {
        "embedded-specialists": {
          band: HEALTHY,
          symptomsMustNotFire: [
            "specialists-shared-between-teams",
            "unpredictable-specialist-workload",
            "specialist-loneliness",
          ],
        },
      },
      otherPitfalls: HEALTHY,
      noSymptomsAnywhere: true,
    },
  }),

  team({
    id: "scale-up-teams-choose-their-own-cover",
    title: "Growing organisation: medium-exposure team chose 99.9% and its own schedule, funding squeezed",
    rationale:
      "domain notes: with someone else paying, inflated targets and on-call levels turn into linear run costs and on-call funding cuts; a medium band maps to 99.0% and a shared domain schedule.",
    context: {
      "financial-exposure-band": v("medium"),
      "availability-target": v("99-9"),
      "team-size": v(7),
      "on-call-rota-size": v(4),
    },
    answers: {
      "lrc-target-chosen-on-exposure": NO,
      "lrc-out-of-hours-cover-decided-by": v("team-preference"),
      "lrc-share-of-teams-with-own-schedule": v(60),
      "lrc-standby-cost-per-new-team": AGREE,
      "lrc-target-reviewed-this-quarter": NO,
      "rbu-accountable-for-incidents": v("product-team"),
      "rbu-on-call-budget-owner": v("shared-it-budget"),
      "rbu-operational-feature-share": v(15),
      "rbu-operational-features-ranked-with-product": NEUTRAL,
      "rbu-asked-to-cut-on-call-spend": YES,
      "rbu-budget-holder-in-incident-review": NO,
      "rbu-operability-expected": AGREE,
      "ebau-planned-work-share": v(72),
      "ebau-callouts-per-shift": v(1),
      "ebau-unplanned-work-tracking": v("ticketed"),
      "ebau-planned-features-delivered": v(75),
      "ebau-graceful-degradation": NEUTRAL,
      "ebau-deployment-automation": v("mostly-automated"),
      "ebau-telemetry-automation": v("partly-as-code"),
      "cmt-deployment-frequency": v("weekly"),
      "cmt-approval-wait-days": v(0.5),
      "cmt-pre-approved-share": v(60),
      "cmt-change-record-automation": v("partly-automated"),
      "cmt-changes-reviewed-one-by-one": NEUTRAL,
      "cmt-batching-for-approval": DISAGREE,
      "nmim-incident-managers-informed": v("by-process"),
      "nmim-incident-commander-share": v(80),
      "nmim-leadership-updated-share": v(70),
      "nmim-automated-touchpoints": v(4),
      "nmim-time-to-restore-major-incidents": v("1-to-4-hours"),
      "locs-share-of-team-on-call": v(67),
      "locs-share-of-time-on-call": v(25),
      "locs-on-call-pay-model": v("standby-only"),
      "locs-ready-before-first-shift": v(3),
      "locs-personal-disruption": NEUTRAL,
      "locs-time-to-restore-out-of-hours": v("1-to-4-hours"),
    },
    expect: {
      pitfalls: {
        // Every Linear run costs signal is present: target and cover chosen by preference, a schedule
        // of its own where a shared one would do, most teams on their own schedules, each new team
        // adding a standby payment. That is the pitfall established, if not already dominating.
        "linear-run-costs": { band: ["high", "critical"], symptomsMustFire: ["run-cost-tied-to-team-count"] },
        "responsible-but-unaccountable": {
          band: ["medium", "high"],
          symptomsMustFire: ["inflated-availability-targets", "on-call-funding-pressure"],
        },
        "excessive-bau": { band: ["low", "medium"] },
        "change-management-treacle": {
          band: ["low", "medium"],
          symptomsMustNotFire: ["insufficient-deployment-frequency"],
        },
        "no-major-incident-management": { band: ["low", "medium"] },
        "embedded-specialists": { band: HEALTHY },
        // 4 of 6 engineers at 25% of their time, paid standby: a sustainable rota.
        "limited-on-call-schedule": {
          band: HEALTHY,
          symptomsMustNotFire: ["minority-of-team-on-call"],
        },
      },
    },
  }),

  team({
    id: "callout-only-pay",
    title: "Callout-only pay: a minority of engineers on the rota, one left it",
    rationale:
      "seed: the pitfall happens when team members are unhappy with their remuneration; domain notes: callout-only pay is unfair — pay standby, or standby plus callout.",
    context: { "team-size": v(12), "on-call-rota-size": v(4) },
    answers: {
      "locs-share-of-team-on-call": v(40),
      "locs-share-of-time-on-call": v(25),
      "locs-on-call-pay-model": v("callout-only"),
      "locs-left-rota-from-strain": YES,
      "locs-personal-disruption": NEUTRAL,
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": {
          band: ["medium", "high"],
          symptomsMustFire: ["minority-of-team-on-call"],
          firstCountermeasure: "ensure-fair-on-call-remuneration",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "unprepared-responders",
    title:
      "Responders unprepared: no runbook or permissions before the first shift, slow out-of-hours restores",
    rationale:
      "seed: members who feel unprepared for on-call leave services at risk of lengthy out-of-hours resolution; domain notes: prepare from day one with a runbook, dashboards, permissions and an escalation path.",
    answers: {
      "locs-ready-before-first-shift": v(1),
      "locs-confident-on-call": DISAGREE,
      "locs-time-to-restore-out-of-hours": v("4-to-24-hours"),
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": {
          band: ["medium", "high"],
          // A rota of 5 at 20% of their time who say on-call does not disrupt their lives.
          symptomsMustNotFire: ["on-call-burnout-risk"],
          firstCountermeasure: "prepare-for-on-call-from-day-one",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "brittle-services-many-callouts",
    title: "Services that fail outright: four callouts a shift, half the week on rework",
    rationale:
      "seed: excessive BAU happens when digital services can't gracefully degrade, and re-architecting for adaptability is the countermeasure it shares with limited on-call schedule; domain notes: about 2 incidents per 12-hour shift is the most a responder handles well.",
    answers: {
      "ebau-graceful-degradation": STRONGLY_DISAGREE,
      "ebau-callouts-per-shift": v(4),
      "ebau-planned-work-share": v(50),
      "ebau-planned-features-delivered": v(55),
      "locs-personal-disruption": AGREE,
      "locs-time-to-restore-out-of-hours": v("1-to-4-hours"),
    },
    expect: {
      pitfalls: {
        "excessive-bau": {
          band: ["high", "critical"],
          symptomsMustFire: ["high-number-of-callouts", "slow-delivery-of-planned-work"],
          firstCountermeasure: "re-architect-for-adaptability",
        },
        "limited-on-call-schedule": {
          band: ["low", "high"],
          symptomsMustFire: ["on-call-burnout-risk"],
          firstCountermeasure: "re-architect-for-adaptability",
        },
        "linear-run-costs": { band: HEALTHY },
        "responsible-but-unaccountable": { band: HEALTHY },
        "change-management-treacle": { band: HEALTHY },
        "no-major-incident-management": { band: HEALTHY },
        "embedded-specialists": { band: HEALTHY },
      },
      firstCountermeasureOverall: "re-architect-for-adaptability",
    },
  }),

  team({
    id: "improvised-major-incidents",
    title: "Major incidents improvised: incident managers told if someone remembers, leaders rarely updated",
    rationale:
      "seed: no major incident management looks like teams that can't involve others, incident managers who don't know, and leaders not told of significant losses — all three here, with major incidents running over a day.",
    answers: {
      "nmim-incident-managers-informed": v("if-remembered"),
      "nmim-incident-commander-share": v(20),
      "nmim-leadership-updated-share": v(10),
      "nmim-know-how-to-involve-others": DISAGREE,
      "nmim-automated-touchpoints": v(1),
      "nmim-crisis-communications-plan": NO,
      "nmim-time-to-restore-major-incidents": v("over-a-day"),
    },
    expect: {
      pitfalls: {
        "no-major-incident-management": {
          band: ["high", "critical"],
          symptomsMustFire: [
            "lack-of-incident-response-collaboration",
            "major-incident-ignorance",
            "no-crisis-communications",
          ],
          firstCountermeasure: "integrate-into-incident-management-as-is",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "on-call-answers-not-applicable-rota-of-two",
    title: 'Own schedule with a rota of two, every on-call question answered "not applicable"',
    rationale:
      'domain notes: a rota of fewer than 3 is below the floor at which it can work at all; with the team\'s own schedule the on-call questions apply, so "not applicable" must not hide the pitfall.',
    context: { "team-size": v(6), "on-call-rota-size": v(2) },
    answers: allNotApplicable(ON_CALL_QUESTION_IDS, "We would rather not say."),
    expect: {
      pitfalls: {
        "limited-on-call-schedule": { band: ["high", "critical"] },
      },
      otherPitfalls: HEALTHY,
      mayRefuseAnswersTo: ON_CALL_QUESTION_IDS,
    },
  }),

  team({
    id: "high-exposure-run-at-95",
    title: "High-exposure service with a 95% target, covered by the team's own schedule",
    rationale:
      "seed: select availability targets on financial exposure; domain notes: high exposure calls for 99.9% and the team's own schedule, so the schedule fits and the target is what is wrong.",
    context: { "availability-target": v("95-0") },
    answers: {
      "lrc-target-chosen-on-exposure": NO,
      "lrc-out-of-hours-cover-decided-by": v("inherited"),
    },
    expect: {
      pitfalls: {
        // Telling this team to drop its out-of-hours cover would be harmful advice.
        "linear-run-costs": {
          band: ["low", "medium"],
          firstCountermeasure: "select-availability-targets-on-financial-exposure",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "nobody-on-call-for-99-9",
    title: "High-exposure service run to 99.9%, nobody responds out of hours",
    rationale:
      "seed: a team with a limited on-call schedule has services at risk of lengthy incident resolution out of hours; domain notes: 99.9% calls for the team's own schedule, and here nobody is on one.",
    context: { "out-of-hours-on-call-setup": v("none") },
    answers: {
      ...allNotApplicable(ON_CALL_QUESTION_IDS, "Nobody is on call out of hours."),
      "ebau-callouts-per-shift": na("There are no on-call shifts."),
      "rbu-on-call-budget-owner": na("There is no on-call spending."),
      "rbu-asked-to-cut-on-call-spend": na("There is no on-call spending."),
      "lrc-out-of-hours-cover-decided-by": v("team-preference"),
    },
    expect: {
      pitfalls: {
        // No first step is asked of this pitfall: with nobody on the rota, nothing says whether
        // preparation, pay or the schedule keeps people off it, and the engine rightly ranks the
        // three alike.
        "limited-on-call-schedule": {
          band: ["high", "high"],
          symptomsMustFire: ["minority-of-team-on-call"],
        },
        "linear-run-costs": { firstCountermeasure: "select-out-of-hours-schedules-on-financial-exposure" },
      },
    },
  }),

  team({
    id: "nobody-on-call-for-inflated-99-9",
    title: "Low-exposure service run to 99.9%, nobody on call out of hours",
    rationale:
      "domain notes: a low exposure band calls for 95.0% and no out-of-hours schedule, so the missing rota is right and the inflated target is the finding; a rota is not what a coach would ask for.",
    context: {
      "financial-exposure-band": v("low"),
      "out-of-hours-on-call-setup": v("none"),
    },
    answers: {
      ...allNotApplicable(ON_CALL_QUESTION_IDS, "Nobody is on call out of hours."),
      "ebau-callouts-per-shift": na("There are no on-call shifts."),
      "rbu-on-call-budget-owner": na("There is no on-call spending."),
      "rbu-asked-to-cut-on-call-spend": na("There is no on-call spending."),
      "lrc-target-chosen-on-exposure": NO,
    },
    expect: {
      pitfalls: {
        "linear-run-costs": { firstCountermeasure: "select-availability-targets-on-financial-exposure" },
        "limited-on-call-schedule": { status: "not-assessed" },
      },
      firstCountermeasureOverall: "select-availability-targets-on-financial-exposure",
    },
  }),

  team({
    id: "no-embedded-specialists-central-queue",
    title: "No embedded specialists; the central specialist team takes days, little self-service",
    rationale:
      "seed: the pitfall happens as a countermeasure after a small central team of specialists cannot handle demand, and the wait of hours or days is the bottleneck either way; with nobody embedded, specialists shared between teams must not be reported.",
    answers: {
      "es-teams-per-embedded-specialist": na("We have no embedded specialists."),
      "es-specialist-workload": na("We have no embedded specialists."),
      "es-specialist-community": na("We have no embedded specialists."),
      "es-wait-for-specialist": v("days"),
      "es-self-service-specialist-tasks": DISAGREE,
    },
    expect: {
      pitfalls: {
        "embedded-specialists": {
          band: ["medium", "high"],
          symptomsMustNotFire: ["specialists-shared-between-teams"],
          firstCountermeasure: "establish-specialists-as-a-service",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "burnout-on-a-sustainable-rota",
    title: "A rota of five at 20%, paid and prepared, yet on-call wrecks lives and someone left the rota",
    rationale:
      "seed: people on call have significant disruption to their personal lives and are on the verge of burnout, the pitfall's second symptom, here fully present however sound the rota looks on paper.",
    answers: {
      "locs-personal-disruption": STRONGLY_AGREE,
      "locs-left-rota-from-strain": YES,
      "ebau-callouts-per-shift": v(1),
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": { band: ["medium", "high"], symptomsMustFire: ["on-call-burnout-risk"] },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "rare-deploys-nothing-in-the-way",
    title: "Deploys less than monthly, yet 90% pre-approved, no approval wait, audit automated",
    rationale:
      "seed: treacle happens when change management is reactive, one change category covers every deployment and each needs an approval; none holds here, so the rare deployments are a warning, not treacle's high-risk finding.",
    answers: { "cmt-deployment-frequency": v("less-than-monthly") },
    expect: {
      pitfalls: {
        "change-management-treacle": {
          band: ["low", "medium"],
          symptomsMustFire: ["insufficient-deployment-frequency"],
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "rare-deploys-behind-approvals",
    title: "Deploys monthly, a fifth of deployments pre-approved, the rest wait two days for approval",
    rationale:
      "seed: treacle looks like insufficient deployment frequency and a time-consuming change process, and happens when each deployment requires a change approval: both hold here.",
    answers: {
      "cmt-deployment-frequency": v("monthly"),
      "cmt-pre-approved-share": v(20),
      "cmt-approval-wait-days": v(2),
    },
    expect: {
      pitfalls: {
        "change-management-treacle": {
          band: ["high", "critical"],
          firstCountermeasure: "pre-approve-low-risk-changes",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "dont-know-almost-everything",
    title: 'A new lead answers "don\'t know" to every question, exposure band and target included',
    rationale:
      "seed: excessive BAU is hard to detect and is spotted by measuring, and is seen less often than feared; not knowing is a reason to measure, so it may make pitfalls High but proves none Critical.",
    context: { "financial-exposure-band": dontKnow, "availability-target": dontKnow },
    answers: allDontKnow(Object.keys(healthyAnswers)),
    expect: {
      pitfalls: {
        "linear-run-costs": { band: ["medium", "high"] },
        "responsible-but-unaccountable": { band: ["medium", "high"] },
        "excessive-bau": { band: ["medium", "high"] },
        "change-management-treacle": { band: ["medium", "high"] },
        "no-major-incident-management": { band: ["medium", "high"] },
      },
      comparisons: [
        {
          pitfallId: "excessive-bau",
          description:
            "the same team knowing its rework is fixed without a ticket and only 40% of its time goes on planned work",
          answers: {
            ...allDontKnow(Object.keys(healthyAnswers)),
            "ebau-unplanned-work-tracking": v("not-tracked"),
            "ebau-planned-work-share": v(40),
          },
          relation: "below",
        },
      ],
    },
  }),
  team({
    id: "high-exposure-99-0-own-schedule",
    title: "Exposure re-estimated as high, the target still 99.0%, the team's own schedule inherited",
    rationale:
      "domain notes: high exposure calls for 99.9% and the team's own out-of-hours schedule; here the target is what is wrong, not the schedule, so dropping the rota would be harmful advice.",
    context: { "availability-target": v("99-0") },
    answers: {
      "lrc-target-chosen-on-exposure": YES,
      "lrc-out-of-hours-cover-decided-by": v("inherited"),
      "lrc-target-reviewed-this-quarter": NO,
    },
    expect: {
      pitfalls: {
        "linear-run-costs": {
          band: ["low", "medium"],
          firstCountermeasure: "select-availability-targets-on-financial-exposure",
        },
      },
      otherPitfalls: HEALTHY,
      firstCountermeasureOverall: "select-availability-targets-on-financial-exposure",
    },
  }),
  team({
    id: "medium-exposure-99-9-nobody-on-call",
    title: "Medium exposure, a 99.9% target, and nobody on call out of hours",
    rationale:
      "domain notes: the medium band calls for 99.0% and a domain schedule shared with sibling teams; the band and the target both call for out-of-hours cover and nobody gives it.",
    context: { "financial-exposure-band": v("medium"), "out-of-hours-on-call-setup": v("none") },
    answers: {
      ...allNotApplicable(ON_CALL_QUESTION_IDS, "Nobody is on call out of hours."),
      "ebau-callouts-per-shift": na("There are no on-call shifts."),
      "rbu-on-call-budget-owner": na("There is no on-call spending."),
      "rbu-asked-to-cut-on-call-spend": na("There is no on-call spending."),
      "lrc-target-chosen-on-exposure": NO,
      "lrc-out-of-hours-cover-decided-by": v("team-preference"),
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": {
          band: ["medium", "high"],
          symptomsMustFire: ["minority-of-team-on-call"],
        },
        "responsible-but-unaccountable": { symptomsMustFire: ["inflated-availability-targets"] },
      },
      firstCountermeasureOverall: "select-availability-targets-on-financial-exposure",
    },
  }),
  team({
    id: "critical-rota-crowded-out-of-first-steps",
    title: "On-call Critical on every cause at once, three other pitfalls High on one cause each",
    rationale:
      "seed: the limited on-call schedule comes from people feeling unprepared, unhappy with pay, or burning out from too much time on call; all three hold, so the pitfall dominates and the first step must work on it, however its risk is shared between countermeasures.",
    context: { "team-size": v(10), "on-call-rota-size": v(2) },
    answers: {
      "locs-share-of-team-on-call": v(20),
      "locs-share-of-time-on-call": v(50),
      "locs-on-call-pay-model": v("unpaid"),
      "locs-ready-before-first-shift": v(1),
      "locs-confident-on-call": STRONGLY_DISAGREE,
      "locs-personal-disruption": STRONGLY_AGREE,
      "locs-left-rota-from-strain": YES,
      "locs-time-to-restore-out-of-hours": v("over-a-day"),
      "nmim-incident-managers-informed": v("not-involved"),
      "nmim-know-how-to-involve-others": DISAGREE,
      "nmim-crisis-communications-plan": NO,
      "nmim-leadership-updated-share": v(30),
      "nmim-incident-commander-share": v(30),
      "nmim-automated-touchpoints": v(0),
      "es-teams-per-embedded-specialist": v(3),
      "es-wait-for-specialist": v("days"),
      "es-specialist-workload": v("mostly-overloaded"),
      "es-self-service-specialist-tasks": DISAGREE,
      "rbu-accountable-for-incidents": v("head-of-operations"),
      "rbu-operational-features-ranked-with-product": DISAGREE,
      "rbu-operability-expected": DISAGREE,
      "cmt-deployment-frequency": v("monthly"),
      "cmt-approval-wait-days": v(4),
      "cmt-pre-approved-share": v(0),
      "cmt-one-change-category": YES,
    },
    expect: {
      pitfalls: { "limited-on-call-schedule": { band: ["critical", "critical"] } },
      firstCountermeasureOverall: "craft-sustainable-on-call-schedule",
    },
  }),

  /* --------------------------------------------------------------------------------------------
   * Method 5: fifteen team situations judged by a coach against method 4; these are the ones it
   * judged differently (first steps, the defining cause of treacle, symptoms and causes that the
   * team's own answers contradict).
   * ------------------------------------------------------------------------------------------ */

  team({
    id: "top-target-without-need-accountable-budget-holder",
    title:
      "High exposure, 99.99% with no documented need; the product budget holder is accountable and pays for on-call",
    rationale:
      "domain notes: 99.99% only with a documented need; seed: select availability targets on financial exposure. The team already has the accountability and funding the unaccountable pitfall's countermeasures ask for, so telling it to adopt them is advice it will reject.",
    context: { "availability-target": v("99-99"), "documented-need-for-top-target": NO },
    expect: {
      pitfalls: {
        "linear-run-costs": {
          band: ["medium", "medium"],
          causesMustFire: ["targets-not-chosen-on-exposure"],
          firstCountermeasure: "select-availability-targets-on-financial-exposure",
        },
        "responsible-but-unaccountable": {
          band: HEALTHY,
          symptomsMustNotFire: ["inflated-availability-targets"],
        },
      },
      otherPitfalls: HEALTHY,
      firstCountermeasureOverall: "select-availability-targets-on-financial-exposure",
    },
  }),

  team({
    id: "weekly-cab-every-deployment-approved",
    title:
      "Weekly CAB approves every deployment: 3-day wait, one change category, pipeline and audit automated",
    rationale:
      "seed: treacle happens when change management is reactive, a single change category is applied to all production deployments and each deployment requires a change approval: all hold, with a time-consuming process; weekly deployments are achieved, so that symptom must not be reported, and the audit the pipeline already keeps is not a cause.",
    answers: {
      "cmt-deployment-frequency": v("weekly"),
      "cmt-approval-wait-days": v(3),
      "cmt-pre-approved-share": v(0),
      "cmt-one-change-category": YES,
      "cmt-change-record-automation": v("pipeline-automated"),
      "cmt-changes-reviewed-one-by-one": AGREE,
      "cmt-batching-for-approval": AGREE,
    },
    expect: {
      pitfalls: {
        "change-management-treacle": {
          band: ["high", "critical"],
          symptomsMustFire: ["prolonged-change-management-process"],
          symptomsMustNotFire: ["insufficient-deployment-frequency"],
          causesMustFire: [
            "reactive-change-management",
            "single-change-category",
            "approval-for-every-deployment",
          ],
          causesMustNotFire: ["manual-change-records"],
          firstCountermeasure: "pre-approve-low-risk-changes",
        },
      },
      otherPitfalls: HEALTHY,
      firstCountermeasureOverall: "pre-approve-low-risk-changes",
    },
  }),

  team({
    id: "weekly-cab-two-day-wait",
    title: "The same weekly CAB, approving every deployment in one category, with a two-day wait",
    rationale:
      "seed: each deployment requiring a change approval, in a single change category, is the pitfall's defining cause whatever the wait, as long as the process is time-consuming; two working days per deployment is.",
    answers: {
      "cmt-deployment-frequency": v("weekly"),
      "cmt-approval-wait-days": v(2),
      "cmt-pre-approved-share": v(0),
      "cmt-one-change-category": YES,
      "cmt-change-record-automation": v("pipeline-automated"),
      "cmt-changes-reviewed-one-by-one": AGREE,
      "cmt-batching-for-approval": AGREE,
    },
    expect: {
      pitfalls: {
        "change-management-treacle": {
          band: ["high", "critical"],
          symptomsMustNotFire: ["insufficient-deployment-frequency"],
          firstCountermeasure: "pre-approve-low-risk-changes",
        },
      },
      otherPitfalls: HEALTHY,
      comparisons: [
        {
          pitfallId: "change-management-treacle",
          description: "the same CAB deploying fortnightly",
          answers: { "cmt-deployment-frequency": v("fortnightly") },
          relation: "below",
        },
      ],
    },
  }),

  team({
    id: "several-a-day-but-four-day-approvals",
    title: "Says it deploys several times a day, yet approvals take 4 days and 10% are pre-approved",
    rationale:
      "seed: insufficient deployment frequency means a team can't achieve weekly deployments; a team answering 'several times a day' must not be told it has that symptom on the strength of a batching answer, which is evidence of the approvals it batches for.",
    answers: {
      "cmt-deployment-frequency": v("several-a-day"),
      "cmt-approval-wait-days": v(4),
      "cmt-pre-approved-share": v(10),
      "cmt-one-change-category": YES,
      "cmt-change-record-automation": v("by-hand"),
      "cmt-changes-reviewed-one-by-one": AGREE,
      "cmt-batching-for-approval": AGREE,
    },
    expect: {
      pitfalls: {
        "change-management-treacle": {
          band: ["medium", "high"],
          symptomsMustFire: ["prolonged-change-management-process"],
          symptomsMustNotFire: ["insufficient-deployment-frequency"],
          causesMustFire: ["approval-for-every-deployment", "manual-change-records"],
          firstCountermeasure: "pre-approve-low-risk-changes",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "new-rota-minority-unprepared-on-the-fence",
    title:
      "On-call adopted last quarter: 4 of 10 on the rota, 2 of 4 basics, not confident; 'neither agree nor disagree' on disruption",
    rationale:
      "seed: members who feel unprepared stay off the rota (a minority of the team on call); 'on the verge of burnout' needs evidence of significant disruption, which a fence-sitting answer and nobody leaving the rota is not.",
    context: { "team-size": v(10), "on-call-rota-size": v(4) },
    answers: {
      "locs-share-of-team-on-call": v(44),
      "locs-share-of-time-on-call": v(25),
      "locs-on-call-pay-model": v("standby-only"),
      "locs-ready-before-first-shift": v(2),
      "locs-confident-on-call": DISAGREE,
      "locs-personal-disruption": NEUTRAL,
      "locs-left-rota-from-strain": NO,
      "locs-time-to-restore-out-of-hours": v("1-to-4-hours"),
      "ebau-callouts-per-shift": v(1),
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": {
          band: ["medium", "high"],
          symptomsMustFire: ["minority-of-team-on-call"],
          symptomsMustNotFire: ["on-call-burnout-risk"],
          causesMustFire: ["unprepared-for-on-call"],
          firstCountermeasure: "prepare-for-on-call-from-day-one",
        },
      },
      otherPitfalls: HEALTHY,
      firstCountermeasureOverall: "prepare-for-on-call-from-day-one",
    },
  }),

  team({
    id: "slow-delivery-without-bau",
    title:
      "90% of the week planned, no callouts, rework ticketed and tracked, services degrade gracefully; only 30% of planned features delivered",
    rationale:
      "seed: excessive BAU is unplanned operational work crowding out planned work, spotted by the share of time on planned work; at 90% planned the slow delivery has another cause, and re-architecting services the team says degrade gracefully must not be its first step.",
    answers: { "ebau-planned-work-share": v(90), "ebau-planned-features-delivered": v(30) },
    expect: {
      pitfalls: {
        "excessive-bau": {
          band: ["none", "low"],
          causesMustNotFire: ["no-graceful-degradation"],
          firstCountermeasure: "treat-unplanned-rework-as-planned-work",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "accountability-shared-or-unclear",
    title:
      "Accountability for incidents shared or unclear; 5% operational features, operability not expected",
    rationale:
      "seed: product teams may feel responsible without being held accountable, and product managers then have little reason to prioritise operational features; nobody said the Head of Operations answers, so that cause must not be shown.",
    answers: {
      "rbu-accountable-for-incidents": v("shared-or-unclear"),
      "rbu-operational-feature-share": v(5),
      "rbu-operational-features-ranked-with-product": DISAGREE,
      "rbu-budget-holder-in-incident-review": NO,
      "rbu-operability-expected": DISAGREE,
    },
    expect: {
      pitfalls: {
        "responsible-but-unaccountable": {
          band: ["medium", "high"],
          symptomsMustFire: ["low-priority-operational-features", "weak-operability-incentives"],
          causesMustFire: ["teams-not-held-accountable"],
          causesMustNotFire: ["head-of-operations-accountable"],
          firstCountermeasure: "make-budget-holders-accountable-for-outcomes",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "incident-managers-involved-no-crisis-comms",
    title:
      "Incident managers contacted by process, commanders in every major incident, 3 of 7 touchpoints automated; leaders updated in 20%, no comms plan",
    rationale:
      "seed: no crisis communications is senior leadership not knowing when major incidents create significant losses; the pitfall happens when the incident management team is excluded, which a team that contacts it by process and automates part of the touchpoints has not done.",
    answers: {
      "nmim-incident-managers-informed": v("by-process"),
      "nmim-incident-commander-share": v(100),
      "nmim-leadership-updated-share": v(20),
      "nmim-crisis-communications-plan": NO,
      "nmim-time-to-restore-major-incidents": v("1-to-4-hours"),
      "nmim-automated-touchpoints": v(3),
    },
    expect: {
      pitfalls: {
        "no-major-incident-management": {
          band: ["medium", "high"],
          symptomsMustFire: ["no-crisis-communications"],
          symptomsMustNotFire: ["major-incident-ignorance"],
          causesMustFire: ["no-shared-incident-practices"],
          causesMustNotFire: ["incident-management-excluded"],
          firstCountermeasure: "integrate-into-incident-management-as-is",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "lonely-dedicated-specialist",
    title:
      "A dedicated embedded DBA who swings between idle and overloaded and never meets peers; self-service 'neither agree nor disagree'",
    rationale:
      "seed: the need for expertise in product teams fluctuates, so embedded specialists are bored or burned out, and they get no chance to talk to one another; a specialist serving one team is not shared, and a fence-sitting answer on self-service says nothing of an overwhelmed central team.",
    answers: {
      "es-teams-per-embedded-specialist": v(1),
      "es-wait-for-specialist": v("under-an-hour"),
      "es-self-service-specialist-tasks": NEUTRAL,
      "es-specialist-workload": v("idle-or-overloaded"),
      "es-specialist-community": NO,
      "es-specialist-missing-from-design": NO,
    },
    expect: {
      pitfalls: {
        "embedded-specialists": {
          band: ["low", "medium"],
          symptomsMustFire: ["unpredictable-specialist-workload", "specialist-loneliness"],
          symptomsMustNotFire: ["specialists-shared-between-teams"],
          causesMustFire: ["fluctuating-demand-for-expertise"],
          causesMustNotFire: ["central-specialist-team-overwhelmed"],
          firstCountermeasure: "establish-specialists-as-a-service",
        },
      },
      otherPitfalls: HEALTHY,
    },
  }),

  team({
    id: "fence-sitting-on-run-costs",
    title:
      "Neither agrees nor disagrees that a new team adds a standby payment; 45% of the domain's teams run their own schedule; everything else healthy",
    rationale:
      "seed: linear run costs looks like run cost directly linked to product team count; a lead on the fence about it, in a domain where fewer than half the teams run their own schedule, shows no symptom and no cause, so a coach names no pitfall to work on.",
    answers: {
      "lrc-standby-cost-per-new-team": NEUTRAL,
      "lrc-share-of-teams-with-own-schedule": v(45),
    },
    expect: {
      pitfalls: { "linear-run-costs": { band: ["none", "low"] } },
      otherPitfalls: HEALTHY,
      noSymptomsAnywhere: true,
      headlineNames: [],
    },
  }),

  team({
    id: "fence-sitting-on-run-costs-a-third-of-the-week-unplanned",
    title:
      "On the fence about standby costs as above, and 66% of the week on planned work, which scores a little below the fence-sitting",
    rationale:
      "seed: excessive BAU is spotted by measuring the share of time on planned work each week, and a third of the week unplanned is past the domain notes' ~30% line; the fence-sitting on run costs finds nothing, so a coach names Excessive BAU, though it scores lower.",
    answers: {
      "lrc-standby-cost-per-new-team": NEUTRAL,
      "lrc-share-of-teams-with-own-schedule": v(45),
      "ebau-planned-work-share": v(66),
    },
    expect: {
      pitfalls: {
        "linear-run-costs": { band: ["none", "low"] },
        "excessive-bau": { band: ["low", "medium"], symptomsMustFire: ["slow-delivery-of-planned-work"] },
      },
      otherPitfalls: HEALTHY,
      headlineNames: ["excessive-bau"],
    },
  }),

  team({
    id: "central-ops-paged-first-operations-pays",
    title:
      "Central operations paged first on a 99.9% service, on-call paid from the operations budget; the product team answers for incidents; developers escalated to informally, unpaid",
    rationale:
      "seed: the pitfall happens when on-call funding comes from an opex budget owned by the Head of Operations, and operations runs the service out of hours; the team says its product team answers for incidents, so the Head of Operations cause must not be shown.",
    context: { "out-of-hours-on-call-setup": v("central-ops") },
    answers: {
      "rbu-accountable-for-incidents": v("product-team"),
      "rbu-on-call-budget-owner": v("operations-budget"),
      "lrc-out-of-hours-cover-decided-by": v("organisation-default"),
      "locs-share-of-team-on-call": v(30),
      "locs-on-call-pay-model": v("unpaid"),
      "locs-personal-disruption": AGREE,
      "locs-confident-on-call": DISAGREE,
      "locs-ready-before-first-shift": v(1),
      "locs-time-to-restore-out-of-hours": v("4-to-24-hours"),
    },
    expect: {
      pitfalls: {
        "responsible-but-unaccountable": {
          band: ["high", "high"],
          causesMustFire: ["on-call-funded-by-operations"],
          causesMustNotFire: ["head-of-operations-accountable"],
          firstCountermeasure: "fund-on-call-from-product-budgets",
        },
      },
      worstPitfall: "responsible-but-unaccountable",
      firstCountermeasureOverall: "fund-on-call-from-product-budgets",
    },
  }),

  team({
    id: "central-ops-covers-product-accountable-and-paying",
    title:
      "Central operations covers a high-exposure 99.9% service out of hours; the product budget holder answers for incidents and the product budget pays",
    rationale:
      "domain notes: 99.9% calls for the team's own schedule and the product budget holder is accountable and pays; this team is, so the gap is out-of-hours cover not chosen on exposure, not accountability.",
    context: { "out-of-hours-on-call-setup": v("central-ops") },
    expect: {
      pitfalls: {
        "responsible-but-unaccountable": {
          band: ["none", "low"],
          causesMustNotFire: ["head-of-operations-accountable"],
        },
        "linear-run-costs": {
          band: ["medium", "high"],
          firstCountermeasure: "select-out-of-hours-schedules-on-financial-exposure",
        },
      },
      firstCountermeasureOverall: "select-out-of-hours-schedules-on-financial-exposure",
    },
  }),

  team({
    id: "dont-know-bau-and-on-call-known-treacle",
    title:
      'A new lead: "don\'t know" to every BAU and on-call question; every deployment approved on its own after five days, fortnightly deploys',
    rationale:
      "seed: excessive BAU is hard to detect and is spotted by measuring; treacle happens when each deployment requires a change approval in one change category: a coach leads with the pitfall whose defining cause is known, and asks the team to find out about BAU.",
    answers: {
      ...allDontKnow([
        "ebau-planned-work-share",
        "ebau-callouts-per-shift",
        "ebau-unplanned-work-tracking",
        "ebau-planned-features-delivered",
        "ebau-graceful-degradation",
        "ebau-deployment-automation",
        "ebau-telemetry-automation",
        ...ON_CALL_QUESTION_IDS,
      ]),
      "cmt-deployment-frequency": v("fortnightly"),
      "cmt-approval-wait-days": v(5),
      "cmt-pre-approved-share": v(0),
      "cmt-one-change-category": YES,
      "cmt-changes-reviewed-one-by-one": STRONGLY_AGREE,
      "cmt-batching-for-approval": AGREE,
    },
    expect: {
      pitfalls: {
        "change-management-treacle": {
          band: ["high", "high"],
          firstCountermeasure: "pre-approve-low-risk-changes",
        },
        "excessive-bau": { band: ["low", "medium"] },
      },
      worstPitfall: "change-management-treacle",
      firstCountermeasureOverall: "pre-approve-low-risk-changes",
      comparisons: [
        {
          pitfallId: "excessive-bau",
          description:
            "the same team answering its other BAU questions with healthy answers (no more knowledge of rework than before)",
          answers: {
            "ebau-callouts-per-shift": v(0),
            "ebau-planned-features-delivered": v(85),
            "ebau-graceful-degradation": AGREE,
            "ebau-deployment-automation": v("one-automated-pipeline"),
            "ebau-telemetry-automation": v("as-code"),
          },
          relation: "notBelow",
        },
      ],
    },
  }),

  team({
    id: "dont-know-governance-incidents-specialists",
    title:
      '"Don\'t know" to every accountability, major incident and specialist question; everything else healthy',
    rationale:
      "seed: product teams not knowing how to involve others in major incidents is the pitfall's first symptom, so not knowing is a sign worth High; but a cause only \"don't know\" points at is suspected, not seen.",
    answers: allDontKnow([
      "rbu-accountable-for-incidents",
      "rbu-on-call-budget-owner",
      "rbu-operational-feature-share",
      "rbu-operational-features-ranked-with-product",
      "rbu-asked-to-cut-on-call-spend",
      "rbu-budget-holder-in-incident-review",
      "rbu-operability-expected",
      "nmim-incident-managers-informed",
      "nmim-incident-commander-share",
      "nmim-leadership-updated-share",
      "nmim-know-how-to-involve-others",
      "nmim-automated-touchpoints",
      "nmim-crisis-communications-plan",
      "nmim-time-to-restore-major-incidents",
      "es-teams-per-embedded-specialist",
      "es-wait-for-specialist",
      "es-self-service-specialist-tasks",
      "es-specialist-workload",
      "es-specialist-community",
      "es-specialist-missing-from-design",
    ]),
    expect: {
      pitfalls: {
        "no-major-incident-management": {
          band: ["medium", "high"],
          causesSuspected: ["no-shared-incident-practices"],
          firstCountermeasure: "integrate-into-incident-management-as-is",
        },
        "responsible-but-unaccountable": {
          band: ["low", "medium"],
          causesSuspected: ["teams-not-held-accountable"],
        },
      },
      worstPitfall: "no-major-incident-management",
    },
  }),

  team({
    id: "fitting-target-set-as-organisation-default",
    title:
      "Target and own schedule fit high exposure, but both were organisation defaults, never chosen on exposure nor reviewed; every team has its own schedule and standby grows per team",
    rationale:
      "seed: a linear run cost is each product team having its own on-call schedule, R(n); select out-of-hours schedules on financial exposure so teams at scale do not produce it. Domain notes: high exposure calls for 99.9%, which this team already has.",
    answers: {
      "lrc-target-chosen-on-exposure": NO,
      "lrc-out-of-hours-cover-decided-by": v("organisation-default"),
      "lrc-share-of-teams-with-own-schedule": v(100),
      "lrc-standby-cost-per-new-team": STRONGLY_AGREE,
      "lrc-target-reviewed-this-quarter": NO,
    },
    expect: {
      pitfalls: {
        "linear-run-costs": {
          band: ["medium", "high"],
          symptomsMustFire: ["run-cost-tied-to-team-count"],
          firstCountermeasure: "select-out-of-hours-schedules-on-financial-exposure",
        },
      },
      otherPitfalls: HEALTHY,
      firstCountermeasureOverall: "select-out-of-hours-schedules-on-financial-exposure",
    },
  }),

  team({
    id: "sixty-people-rota-of-six-paid-and-prepared",
    title:
      "A team of 60 with a rota of 6: 10% of the team on call, 17% of each person's time, paid standby and callout, prepared and confident",
    rationale:
      "seed: a limited on-call schedule happens when people feel unprepared, are unhappy with their pay or spend too much time on call; this team says it is prepared and paid, so neither step may be offered.",
    context: { "team-size": v(60), "on-call-rota-size": v(6) },
    answers: {
      "locs-share-of-team-on-call": v(10),
      "locs-share-of-time-on-call": v(17),
      "es-teams-per-embedded-specialist": v(1),
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": {
          band: ["none", "low"],
          causesMustNotFire: ["unprepared-for-on-call", "unhappy-with-on-call-pay"],
        },
      },
      forbiddenCountermeasures: ["prepare-for-on-call-from-day-one", "ensure-fair-on-call-remuneration"],
    },
  }),

  team({
    id: "flapping-alerts-hand-built-telemetry",
    title:
      "Telemetry built by hand, 3 callouts a 12-hour shift, 60% of the week planned, on-call disrupts lives; services degrade gracefully",
    rationale:
      "seed: excessive BAU happens when the telemetry toolchain isn't fully automated; a team that says its services degrade gracefully must not be told to re-architect them ahead of treating rework as planned work.",
    answers: {
      "ebau-telemetry-automation": v("by-hand"),
      "ebau-callouts-per-shift": v(3),
      "ebau-planned-work-share": v(60),
      "ebau-planned-features-delivered": v(60),
      "locs-personal-disruption": AGREE,
    },
    expect: {
      pitfalls: {
        "excessive-bau": {
          band: ["medium", "medium"],
          firstCountermeasure: "establish-automated-telemetry-toolchain",
        },
      },
      overallOrderStartsWith: [
        "establish-automated-telemetry-toolchain",
        "treat-unplanned-rework-as-planned-work",
      ],
    },
  }),

  team({
    id: "team-of-two-own-schedule-medium-exposure",
    title:
      "A team of two, medium exposure, 99.0%, its own schedule chosen by preference; both on call half of the time",
    rationale:
      "domain notes: 99.0% calls for a domain schedule shared by sibling teams under one budget holder; for a team of two that shared rota is the only sustainable schedule there is, and a schedule of its own is one more standby payment per team.",
    context: {
      "team-size": v(2),
      "on-call-rota-size": v(2),
      "financial-exposure-band": v("medium"),
      "availability-target": v("99-0"),
    },
    answers: {
      "locs-share-of-team-on-call": v(100),
      "locs-share-of-time-on-call": v(50),
      "lrc-out-of-hours-cover-decided-by": v("team-preference"),
      "locs-personal-disruption": AGREE,
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": {
          band: ["high", "high"],
          symptomsMustNotFire: ["minority-of-team-on-call"],
        },
        "linear-run-costs": {
          band: ["medium", "medium"],
          firstCountermeasure: "select-out-of-hours-schedules-on-financial-exposure",
        },
      },
      worstPitfall: "limited-on-call-schedule",
      // The first step works on the worst pitfall: a sustainable schedule, which for two people
      // means sharing a domain rota with sibling teams (its guidance says so); choosing the cover
      // on exposure comes straight after.
      overallOrderStartsWith: [
        "craft-sustainable-on-call-schedule",
        "select-out-of-hours-schedules-on-financial-exposure",
      ],
    },
  }),

  team({
    id: "nobody-on-call-yet-heavy-rota-answers",
    title:
      "Nobody responds out of hours to a 99.9% high-exposure service, yet the on-call answers describe 40% of time on call, 3 callouts a shift, lives disrupted and someone leaving the rota",
    rationale:
      "domain notes: 99.9% calls for the team's own schedule; with nobody on call the lengthy out-of-hours resolution is the finding, and answers about a rota the team says it does not have are not evidence of anything.",
    context: { "out-of-hours-on-call-setup": v("none") },
    answers: {
      "locs-share-of-time-on-call": v(40),
      "ebau-callouts-per-shift": v(3),
      "locs-personal-disruption": STRONGLY_AGREE,
      "locs-left-rota-from-strain": YES,
    },
    expect: {
      pitfalls: {
        "limited-on-call-schedule": {
          band: ["high", "high"],
          symptomsMustNotFire: ["on-call-burnout-risk"],
          causesMustNotFire: ["too-much-time-on-call"],
        },
        "excessive-bau": { band: HEALTHY, symptomsMustNotFire: ["high-number-of-callouts"] },
      },
    },
  }),
];
