/**
 * Rules over the team context and answers, shared by questionnaire versions v1 and v2 (they test
 * only context questions and questions both versions ask).
 *
 * A rule's `appliesWhen` says when it is a question at all; when that is known not to hold the
 * rule carries no weight. A rule about something a team can only get wrong (exposure never
 * estimated) applies only when it is found, so getting it right is not counted twice as health. A rule with a `floor` is a high-risk finding: when it fires, its pitfall
 * is at least in that band whatever the average of the other answers says. Weight 0 means the rule
 * only sets the floor, because the answer it tests is already counted as a question.
 *
 * Where the figures come from: availability targets and out-of-hours cover by financial exposure
 * (95.0% → no out-of-hours schedule, 99.0% → a shared domain schedule, 99.9% → the team's own)
 * and the rota of at least three with one-week rotation are the playbook's; 25% of a person's time
 * on call as the sustainable limit is the Google SRE book's. With one-week rotation a rota of n
 * people puts each of them on call 100/n % of the time: three is 33%, so a sustainable rota needs
 * four or more, and a rota below three cannot work at all.
 */
import type { Condition, ContextRule } from "@/domain/content/schema";

const ON_CALL_SCHEDULE: Condition = {
  field: "out-of-hours-on-call-setup",
  op: "in",
  values: ["shared-domain-schedule", "own-team-schedule"],
};

/**
 * The product answers for the service's incidents and pays for its on-call from its own budget.
 * An inflated target is this pitfall's symptom only where the people choosing it do not pay for
 * it ("someone else is paying their on-call costs"); where they do, it is a target not chosen on
 * financial exposure, which Linear run costs finds and selecting targets on exposure fixes.
 */
const PRODUCT_ANSWERS_AND_PAYS: Condition[] = [
  { field: "rbu-accountable-for-incidents", op: "in", values: ["product-budget-holder", "product-team"] },
  { field: "rbu-on-call-budget-owner", op: "in", values: ["product-budget"] },
];

/**
 * The availability target is the one the exposure band calls for: 95.0% for low, 99.0% for medium,
 * 99.9% for high. Any one of the lists holding is enough.
 */
export const TARGET_FITS_EXPOSURE_BAND: Condition[][] = [
  [
    { field: "financial-exposure-band", op: "in", values: ["low"] },
    { field: "availability-target", op: "in", values: ["95-0"] },
  ],
  [
    { field: "financial-exposure-band", op: "in", values: ["medium"] },
    { field: "availability-target", op: "in", values: ["99-0"] },
  ],
  [
    { field: "financial-exposure-band", op: "in", values: ["high"] },
    { field: "availability-target", op: "in", values: ["99-9"] },
  ],
];

export const scoringRules: ContextRule[] = [
  /* ---------------------------------------------------------------- Linear run costs */
  {
    id: "exposure-not-estimated",
    pitfallId: "linear-run-costs",
    explanation:
      "Nobody has estimated what an hour of downtime of this service would cost, so neither its availability target nor its out-of-hours cover can have been chosen on financial exposure.",
    appliesWhen: [{ field: "financial-exposure-band", op: "in", values: ["not-estimated"] }],
    when: [{ field: "financial-exposure-band", op: "in", values: ["not-estimated"] }],
    weight: 3,
    floor: "medium",
    detects: { symptoms: [], causes: ["targets-not-chosen-on-exposure"] },
  },
  {
    id: "exposure-unknown-to-team",
    pitfallId: "linear-run-costs",
    explanation:
      "The team does not know its service's financial exposure band. A target and cover chosen on exposure would be known to the people running the service.",
    appliesWhen: [{ field: "financial-exposure-band", op: "dontKnow" }],
    when: [{ field: "financial-exposure-band", op: "dontKnow" }],
    weight: 3,
    floor: "medium",
    detects: { symptoms: [], causes: ["targets-not-chosen-on-exposure"] },
  },
  {
    id: "target-above-exposure-low-band",
    pitfallId: "linear-run-costs",
    explanation:
      "The service is in the low exposure band, which calls for 95.0%, yet it is run to 99.0% or more: availability bought above what downtime would cost.",
    appliesWhen: [{ field: "financial-exposure-band", op: "in", values: ["low"] }],
    when: [{ field: "availability-target", op: "in", values: ["99-0", "99-9", "99-99"] }],
    weight: 2,
    detects: { symptoms: [], causes: ["targets-not-chosen-on-exposure"] },
  },
  {
    id: "target-above-exposure-medium-band",
    pitfallId: "linear-run-costs",
    explanation:
      "The service is in the medium exposure band, which calls for 99.0%, yet it is run to 99.9% or more: availability bought above what downtime would cost.",
    appliesWhen: [{ field: "financial-exposure-band", op: "in", values: ["medium"] }],
    when: [{ field: "availability-target", op: "in", values: ["99-9", "99-99"] }],
    weight: 2,
    detects: { symptoms: [], causes: ["targets-not-chosen-on-exposure"] },
  },
  {
    id: "target-below-exposure-high-band",
    pitfallId: "linear-run-costs",
    explanation:
      "The service is in the high exposure band, which calls for 99.9%, yet its target is lower: the target was not chosen on financial exposure, and the downtime it allows costs more than the effort it saves.",
    appliesWhen: [{ field: "financial-exposure-band", op: "in", values: ["high"] }],
    when: [{ field: "availability-target", op: "in", values: ["95-0", "99-0"] }],
    weight: 2,
    detects: { symptoms: [], causes: ["targets-not-chosen-on-exposure"] },
  },
  {
    id: "target-below-exposure-medium-band",
    pitfallId: "linear-run-costs",
    explanation:
      "The service is in the medium exposure band, which calls for 99.0%, yet its target is 95.0%: the target was not chosen on financial exposure, and the downtime it allows costs more than the effort it saves.",
    appliesWhen: [{ field: "financial-exposure-band", op: "in", values: ["medium"] }],
    when: [{ field: "availability-target", op: "in", values: ["95-0"] }],
    weight: 2,
    detects: { symptoms: [], causes: ["targets-not-chosen-on-exposure"] },
  },
  {
    id: "top-target-without-documented-need",
    pitfallId: "linear-run-costs",
    explanation:
      "The service has a 99.99% availability target without a documented need for it: above the 99.9% that even the high exposure band calls for, so the target was not chosen on financial exposure, and it takes far more engineering and on-call effort than the service needs.",
    appliesWhen: [{ field: "availability-target", op: "in", values: ["99-99"] }],
    when: [{ field: "documented-need-for-top-target", op: "in", values: [false] }],
    weight: 2,
    floor: "medium",
    detects: { symptoms: [], causes: ["targets-not-chosen-on-exposure"] },
  },
  {
    id: "out-of-hours-schedule-on-low-exposure",
    pitfallId: "linear-run-costs",
    explanation:
      "The service is in the low exposure band, where callouts can wait for the next working day, yet an out-of-hours schedule covers it: standby pay with no business need behind it.",
    appliesWhen: [{ field: "financial-exposure-band", op: "in", values: ["low"] }],
    when: [ON_CALL_SCHEDULE],
    weight: 3,
    floor: "medium",
    detects: { symptoms: [], causes: ["per-team-standby-cost-model"] },
  },
  {
    id: "own-schedule-on-medium-exposure",
    pitfallId: "linear-run-costs",
    explanation:
      "The service is in the medium exposure band, where a domain schedule shared with sibling teams is enough, yet the team runs a schedule of its own: one more standby payment for every team.",
    appliesWhen: [{ field: "financial-exposure-band", op: "in", values: ["medium"] }],
    when: [{ field: "out-of-hours-on-call-setup", op: "in", values: ["own-team-schedule"] }],
    weight: 2,
    // As for a schedule on a 95.0% service: standby bought beyond what the band calls for is the
    // linear run cost itself, and choosing it by preference at 99.0% is no better.
    floor: "medium",
    detects: { symptoms: [], causes: ["per-team-standby-cost-model"] },
  },
  {
    id: "out-of-hours-schedule-on-95-target",
    pitfallId: "linear-run-costs",
    explanation:
      "The service has a 95.0% availability target but is covered by an out-of-hours schedule, and its exposure has not been estimated. At 95.0% callouts can wait for the next working day, so this standby cost is spent for no business need anyone has shown.",
    // Where the exposure band is known, the exposure rules judge the schedule: a schedule that fits
    // a medium or high band next to a 95.0% target means the target is what is wrong (the rules
    // below), and telling that team to drop its cover would be harmful advice.
    appliesWhen: [
      { field: "availability-target", op: "in", values: ["95-0"] },
      { field: "financial-exposure-band", op: "in", values: ["not-estimated"] },
    ],
    when: [ON_CALL_SCHEDULE],
    weight: 3,
    floor: "medium",
    detects: { symptoms: [], causes: ["per-team-standby-cost-model"] },
  },
  {
    id: "own-schedule-on-99-0-target",
    pitfallId: "linear-run-costs",
    explanation:
      "The service has a 99.0% availability target but the team runs its own out-of-hours schedule, and its exposure has not been estimated. At 99.0% a domain schedule shared with sibling teams is enough; a schedule per team makes standby costs grow with every team.",
    // As for the 95.0% rule above: with a known band the exposure rules judge the schedule. A high
    // band calls for the team's own schedule, so there the 99.0% target is what is wrong
    // (target-below-exposure-high-band), and a medium band is judged by
    // own-schedule-on-medium-exposure.
    appliesWhen: [
      { field: "availability-target", op: "in", values: ["99-0"] },
      { field: "financial-exposure-band", op: "in", values: ["not-estimated"] },
    ],
    when: [{ field: "out-of-hours-on-call-setup", op: "in", values: ["own-team-schedule"] }],
    weight: 2,
    detects: { symptoms: [], causes: ["per-team-standby-cost-model"] },
  },

  {
    id: "central-ops-cover-on-team-exposure-band",
    pitfallId: "linear-run-costs",
    explanation:
      "The service is in the medium or high exposure band, which calls for a domain schedule shared with sibling teams or the team's own schedule, yet a central operations team covers it out of hours: the cover was not chosen on financial exposure.",
    // Like "exposure not estimated", something a team can only get wrong: it applies only when found,
    // so a team that is not covered by operations is not credited a second time for it.
    appliesWhen: [
      { field: "financial-exposure-band", op: "in", values: ["medium", "high"] },
      { field: "out-of-hours-on-call-setup", op: "in", values: ["central-ops"] },
    ],
    when: [{ field: "out-of-hours-on-call-setup", op: "in", values: ["central-ops"] }],
    weight: 2,
    floor: "medium",
    detects: { symptoms: [], causes: ["cover-not-chosen-on-exposure"] },
  },

  /* ---------------------------------------------------------------- Responsible but unaccountable */
  {
    id: "head-of-operations-accountable",
    pitfallId: "responsible-but-unaccountable",
    explanation:
      "The Head of Operations answers for serious incidents in this team's services. That is the pitfall's defining cause: the team runs the service, someone else is held to account for it.",
    when: [{ field: "rbu-accountable-for-incidents", op: "in", values: ["head-of-operations"] }],
    weight: 0,
    floor: "high",
    detects: { symptoms: [], causes: ["head-of-operations-accountable"] },
  },
  {
    id: "accountability-unclear",
    pitfallId: "responsible-but-unaccountable",
    explanation:
      "Nobody clearly answers for serious incidents in this team's services, so nobody has a reason to weigh reliability against its cost.",
    when: [{ field: "rbu-accountable-for-incidents", op: "in", values: ["shared-or-unclear"] }],
    weight: 0,
    floor: "medium",
    detects: { symptoms: [], causes: ["teams-not-held-accountable"] },
  },
  {
    id: "on-call-paid-by-operations",
    pitfallId: "responsible-but-unaccountable",
    explanation:
      "The team's on-call is paid from the operations budget, so whoever chooses the service's target and cover does not pay for them.",
    when: [{ field: "rbu-on-call-budget-owner", op: "in", values: ["operations-budget"] }],
    weight: 0,
    floor: "medium",
    detects: { symptoms: [], causes: ["on-call-funded-by-operations"] },
  },
  {
    id: "central-ops-covers-95-target",
    pitfallId: "responsible-but-unaccountable",
    explanation:
      "A central operations team covers a 95.0% service out of hours. At 95.0% callouts should wait for the next working day; operations cover keeps reliability, and its cost, with operations rather than the product team.",
    appliesWhen: [{ field: "availability-target", op: "in", values: ["95-0"] }],
    unless: PRODUCT_ANSWERS_AND_PAYS,
    when: [{ field: "out-of-hours-on-call-setup", op: "in", values: ["central-ops"] }],
    weight: 2,
    detects: { symptoms: [], causes: ["on-call-funded-by-operations"] },
  },
  {
    id: "central-ops-covers-higher-target",
    pitfallId: "responsible-but-unaccountable",
    explanation:
      "A central operations team, not the product team, responds out of hours to a service run to 99.0% or more. Out of hours the service is run the Ops Run It way, and reliability stays the operations team's concern.",
    appliesWhen: [{ field: "availability-target", op: "in", values: ["99-0", "99-9", "99-99"] }],
    unless: PRODUCT_ANSWERS_AND_PAYS,
    when: [{ field: "out-of-hours-on-call-setup", op: "in", values: ["central-ops"] }],
    weight: 3,
    floor: "medium",
    detects: { symptoms: [], causes: ["on-call-funded-by-operations"] },
  },
  {
    id: "operations-runs-and-pays-out-of-hours",
    pitfallId: "responsible-but-unaccountable",
    explanation:
      "A central operations team responds out of hours to a service run to 99.0% or more, and the team's on-call is paid from the operations budget: both halves of the pitfall, operations runs the service out of hours and funds its on-call.",
    appliesWhen: [{ field: "availability-target", op: "in", values: ["99-0", "99-9", "99-99"] }],
    when: [
      { field: "out-of-hours-on-call-setup", op: "in", values: ["central-ops"] },
      { field: "rbu-on-call-budget-owner", op: "in", values: ["operations-budget"] },
    ],
    weight: 0,
    floor: "high",
    detects: { symptoms: [], causes: ["on-call-funded-by-operations"] },
  },
  // The top target without a need is always a run-cost finding (above). Here, as for the targets
  // and cover above the exposure band below, it is the inflated target this pitfall produces only
  // where the people choosing it do not pay for it: a team whose own product answers for its
  // incidents and pays for its on-call chose it badly, which selecting targets on financial
  // exposure fixes, not the accountability and funding it already has.
  {
    id: "top-target-without-need-or-ownership",
    pitfallId: "responsible-but-unaccountable",
    explanation:
      "The service has a 99.99% availability target without a documented need for it, and the product does not both answer for the service's incidents and pay for its on-call from its own budget. The top target takes far more engineering and on-call effort: chosen by people who do not pay for it, it is the inflated target this pitfall produces.",
    appliesWhen: [{ field: "availability-target", op: "in", values: ["99-99"] }],
    unless: PRODUCT_ANSWERS_AND_PAYS,
    when: [{ field: "documented-need-for-top-target", op: "in", values: [false] }],
    weight: 3,
    floor: "medium",
    detects: { symptoms: ["inflated-availability-targets"], causes: [] },
  },
  {
    id: "target-above-low-exposure-band",
    pitfallId: "responsible-but-unaccountable",
    explanation:
      "The service is in the low financial exposure band, which maps to 95.0%, yet its availability target is 99.0% or higher, and the product does not both answer for the service's incidents and pay for its on-call: a target chosen by people who do not pay for it.",
    appliesWhen: [{ field: "financial-exposure-band", op: "in", values: ["low"] }],
    unless: PRODUCT_ANSWERS_AND_PAYS,
    when: [{ field: "availability-target", op: "in", values: ["99-0", "99-9", "99-99"] }],
    weight: 3,
    detects: { symptoms: ["inflated-availability-targets"], causes: [] },
  },
  {
    id: "target-above-medium-exposure-band",
    pitfallId: "responsible-but-unaccountable",
    explanation:
      "The service is in the medium financial exposure band, which maps to 99.0%, yet its availability target is 99.9% or higher, and the product does not both answer for the service's incidents and pay for its on-call: a target chosen by people who do not pay for it.",
    appliesWhen: [{ field: "financial-exposure-band", op: "in", values: ["medium"] }],
    unless: PRODUCT_ANSWERS_AND_PAYS,
    when: [{ field: "availability-target", op: "in", values: ["99-9", "99-99"] }],
    weight: 2,
    detects: { symptoms: ["inflated-availability-targets"], causes: [] },
  },
  {
    id: "cover-above-low-exposure-band",
    pitfallId: "responsible-but-unaccountable",
    explanation:
      "The service is in the low financial exposure band, which calls for a 95.0% target and no out-of-hours cover, yet it has an out-of-hours schedule, and the product does not both answer for the service's incidents and pay for its on-call: reliability bought above what downtime would cost, by people who do not pay for it.",
    appliesWhen: [{ field: "financial-exposure-band", op: "in", values: ["low"] }],
    unless: PRODUCT_ANSWERS_AND_PAYS,
    when: [ON_CALL_SCHEDULE],
    weight: 2,
    detects: { symptoms: ["inflated-availability-targets"], causes: [] },
  },
  {
    id: "target-without-exposure-estimate",
    pitfallId: "responsible-but-unaccountable",
    explanation:
      "The service's financial exposure has not been estimated, so its target was chosen without anyone having to justify it against what downtime costs.",
    appliesWhen: [{ field: "financial-exposure-band", op: "in", values: ["not-estimated"] }],
    when: [{ field: "financial-exposure-band", op: "in", values: ["not-estimated"] }],
    weight: 2,
    detects: { symptoms: [], causes: ["teams-not-held-accountable"] },
  },

  /* ---------------------------------------------------------------- Excessive BAU */
  {
    id: "most-time-on-unplanned-work",
    pitfallId: "excessive-bau",
    explanation:
      "Less than half of the team's time goes on planned work: most of the week is spent fighting operational problems.",
    when: [{ field: "ebau-planned-work-share", op: "lt", value: 50 }],
    weight: 0,
    floor: "high",
    detects: { symptoms: ["slow-delivery-of-planned-work"], causes: [] },
  },
  {
    id: "unplanned-work-invisible",
    pitfallId: "excessive-bau",
    explanation:
      "Unplanned operational work is not tracked and the team cannot say how much of its time goes on planned work. This is how excessive BAU hides: nobody can see it, so nobody acts on it.",
    when: [
      { field: "ebau-unplanned-work-tracking", op: "in", values: ["not-tracked"] },
      { field: "ebau-planned-work-share", op: "dontKnow" },
    ],
    weight: 0,
    floor: "medium",
    detects: { symptoms: [], causes: ["untracked-operational-rework"] },
  },

  {
    id: "callouts-twice-sustainable",
    pitfallId: "excessive-bau",
    explanation:
      "The person on call handles four or more callouts in a 12-hour shift: twice the two that the Google SRE book puts as the most a responder can deal with well.",
    when: [{ field: "ebau-callouts-per-shift", op: "gt", value: 3.99 }],
    weight: 0,
    floor: "high",
    detects: { symptoms: ["high-number-of-callouts"], causes: [] },
  },
  {
    id: "callouts-above-sustainable",
    pitfallId: "excessive-bau",
    explanation:
      "The person on call handles more than two callouts in a 12-hour shift, more than a responder can deal with well.",
    when: [{ field: "ebau-callouts-per-shift", op: "gt", value: 2 }],
    weight: 0,
    floor: "medium",
    detects: { symptoms: ["high-number-of-callouts"], causes: [] },
  },

  /* ---------------------------------------------------------------- Change management treacle */
  {
    id: "deployments-monthly-or-rarer",
    pitfallId: "change-management-treacle",
    explanation:
      "The team deploys to production monthly or less often, far below the weekly deployments the model aims for.",
    when: [{ field: "cmt-deployment-frequency", op: "in", values: ["monthly", "less-than-monthly"] }],
    weight: 0,
    floor: "medium",
    detects: { symptoms: ["insufficient-deployment-frequency"], causes: [] },
  },
  // Rare deployments are treacle's high-risk finding when change management is what holds them
  // back: most deployments need their own approval, or an approval takes a day or more. Where
  // neither holds, the cause of the rare deployments lies elsewhere and the floor above stays.
  {
    id: "deployments-rare-behind-approvals",
    pitfallId: "change-management-treacle",
    explanation:
      "The team deploys monthly or less often, and most of its deployments need their own change approval.",
    when: [
      { field: "cmt-deployment-frequency", op: "in", values: ["monthly", "less-than-monthly"] },
      { field: "cmt-pre-approved-share", op: "lt", value: 50 },
    ],
    weight: 0,
    floor: "high",
    detects: { symptoms: ["insufficient-deployment-frequency"], causes: ["approval-for-every-deployment"] },
  },
  {
    id: "deployments-rare-behind-approval-wait",
    pitfallId: "change-management-treacle",
    explanation:
      "The team deploys monthly or less often, and a typical deployment waits a working day or more for change approval.",
    when: [
      { field: "cmt-deployment-frequency", op: "in", values: ["monthly", "less-than-monthly"] },
      { field: "cmt-approval-wait-days", op: "gt", value: 0.99 },
    ],
    weight: 0,
    floor: "high",
    detects: {
      symptoms: ["insufficient-deployment-frequency", "prolonged-change-management-process"],
      causes: [],
    },
  },
  // The seed's defining cause, whatever the deployment frequency: every deployment needs its own
  // approval (next to none pre-approved), in one change category, and waits a day or more for it.
  // A team that still manages weekly deployments under it batches to fit the approvals.
  {
    id: "every-deployment-approved-one-by-one",
    pitfallId: "change-management-treacle",
    explanation:
      "Every production deployment needs its own change approval, in one change category whatever its risk, with next to none pre-approved, and waits a working day or more for it: the pitfall's defining cause, whatever the deployment frequency.",
    when: [
      { field: "cmt-pre-approved-share", op: "lt", value: 10 },
      { field: "cmt-one-change-category", op: "in", values: [true] },
      { field: "cmt-approval-wait-days", op: "gt", value: 0.99 },
    ],
    weight: 0,
    floor: "high",
    detects: {
      symptoms: ["prolonged-change-management-process"],
      causes: ["single-change-category", "approval-for-every-deployment"],
    },
  },
  {
    id: "approval-wait-of-days",
    pitfallId: "change-management-treacle",
    explanation: "A typical deployment waits three working days or more for change approval.",
    when: [{ field: "cmt-approval-wait-days", op: "gt", value: 2.99 }],
    weight: 0,
    floor: "medium",
    detects: { symptoms: ["prolonged-change-management-process"], causes: [] },
  },

  /* ---------------------------------------------------------------- No major incident management */
  {
    id: "incident-management-not-involved",
    pitfallId: "no-major-incident-management",
    explanation:
      "The incident management team is not involved in this team's major incidents: the pitfall's defining cause.",
    when: [{ field: "nmim-incident-managers-informed", op: "in", values: ["not-involved"] }],
    weight: 0,
    floor: "high",
    detects: { symptoms: [], causes: ["incident-management-excluded"] },
  },
  {
    id: "no-crisis-communications-plan",
    pitfallId: "no-major-incident-management",
    explanation:
      "There is no written plan for updating senior leaders during a major incident, and leaders rarely hear about them: the quickest way to lose their confidence in the model.",
    when: [
      { field: "nmim-crisis-communications-plan", op: "in", values: [false] },
      { field: "nmim-leadership-updated-share", op: "lt", value: 50 },
    ],
    weight: 0,
    floor: "medium",
    detects: { symptoms: [], causes: ["no-shared-incident-practices"] },
  },

  /* ---------------------------------------------------------------- Embedded specialists */
  {
    id: "specialist-shared-and-waited-on",
    pitfallId: "embedded-specialists",
    explanation:
      "The team's embedded specialist also serves two or more other teams, and the team waits days for their help: one bottleneck split into several.",
    when: [
      { field: "es-teams-per-embedded-specialist", op: "gt", value: 2.99 },
      { field: "es-wait-for-specialist", op: "in", values: ["days"] },
    ],
    weight: 0,
    floor: "high",
    detects: { symptoms: ["specialists-shared-between-teams"], causes: [] },
  },
  {
    id: "specialist-shared",
    pitfallId: "embedded-specialists",
    explanation: "The team's embedded specialist is shared with at least one other team.",
    when: [{ field: "es-teams-per-embedded-specialist", op: "gt", value: 1.99 }],
    weight: 0,
    floor: "medium",
    detects: { symptoms: ["specialists-shared-between-teams"], causes: [] },
  },
  // The workload answer is evidence of the symptom; only with a specialist who serves this team
  // alone does it also say why: nobody else's demand is in it, so the team's own need rises and
  // falls. Applies only where found, so a steady specialist is not counted twice as health.
  {
    id: "dedicated-specialist-idle-or-overloaded",
    pitfallId: "embedded-specialists",
    explanation:
      "The team's embedded specialist serves this team alone, yet swings between idle and overloaded: the team's own need for the specialty rises and falls.",
    appliesWhen: [
      { field: "es-specialist-workload", op: "in", values: ["idle-or-overloaded"] },
      { field: "es-teams-per-embedded-specialist", op: "lt", value: 2 },
    ],
    when: [
      { field: "es-specialist-workload", op: "in", values: ["idle-or-overloaded"] },
      { field: "es-teams-per-embedded-specialist", op: "lt", value: 2 },
    ],
    weight: 1,
    detects: { symptoms: [], causes: ["fluctuating-demand-for-expertise"] },
  },

  /* ---------------------------------------------------------------- Limited on-call schedule */
  {
    id: "on-call-rota-of-one",
    pitfallId: "limited-on-call-schedule",
    explanation:
      "One person, or nobody, carries the out-of-hours rota: they are on call all the time, with nobody to hand over to.",
    appliesWhen: [ON_CALL_SCHEDULE],
    when: [{ field: "on-call-rota-size", op: "lt", value: 2 }],
    weight: 0,
    floor: "critical",
    detects: { symptoms: [], causes: ["too-much-time-on-call"] },
  },
  {
    id: "on-call-rota-below-three",
    pitfallId: "limited-on-call-schedule",
    explanation:
      "Fewer than three people share the out-of-hours rota, so each of them is on call at least every other week. Below three a rota cannot be sustained at all.",
    appliesWhen: [ON_CALL_SCHEDULE],
    when: [{ field: "on-call-rota-size", op: "lt", value: 3 }],
    weight: 3,
    floor: "high",
    detects: { symptoms: [], causes: ["too-much-time-on-call"] },
  },
  {
    id: "on-call-rota-below-four",
    pitfallId: "limited-on-call-schedule",
    explanation:
      "Fewer than four people share the out-of-hours rota. With one-week rotation each of them is on call a third of the time or more, above the 25% that can be kept up for long.",
    appliesWhen: [ON_CALL_SCHEDULE],
    when: [{ field: "on-call-rota-size", op: "lt", value: 4 }],
    weight: 2,
    floor: "medium",
    detects: { symptoms: [], causes: ["too-much-time-on-call"] },
  },
  {
    id: "no-out-of-hours-cover-for-99-9-target",
    pitfallId: "limited-on-call-schedule",
    explanation:
      "Nobody responds out of hours to a service run to 99.9% or more. An incident at night waits for the morning, hours beyond the ten minutes a week the target allows: the lengthy out-of-hours resolution this pitfall leads to, with nobody on the rota at all.",
    appliesWhen: [
      { field: "availability-target", op: "in", values: ["99-9", "99-99"] },
      { field: "financial-exposure-band", op: "in", values: ["high"] },
    ],
    when: [{ field: "out-of-hours-on-call-setup", op: "in", values: ["none"] }],
    weight: 0,
    floor: "high",
    detects: { symptoms: ["minority-of-team-on-call"], causes: [] },
  },
  {
    id: "no-out-of-hours-cover-for-99-0-target",
    pitfallId: "limited-on-call-schedule",
    explanation:
      "Nobody responds out of hours to a service run to 99.0%, which calls for at least a domain schedule shared with sibling teams: an incident at night waits for the morning.",
    appliesWhen: [
      { field: "availability-target", op: "in", values: ["99-0"] },
      { field: "financial-exposure-band", op: "in", values: ["medium", "high"] },
    ],
    when: [{ field: "out-of-hours-on-call-setup", op: "in", values: ["none"] }],
    weight: 0,
    floor: "medium",
    detects: { symptoms: ["minority-of-team-on-call"], causes: [] },
  },
  {
    id: "no-out-of-hours-cover-for-medium-exposure",
    pitfallId: "limited-on-call-schedule",
    explanation:
      "Nobody responds out of hours to a service in the medium financial exposure band run to 99.9% or more. The band calls for at least a domain schedule shared with sibling teams, and the target for more: an incident at night waits for the morning.",
    // The target above the band is judged under Responsible but unaccountable
    // (target-above-medium-exposure-band); even the 99.0% the band calls for needs cover.
    appliesWhen: [
      { field: "availability-target", op: "in", values: ["99-9", "99-99"] },
      { field: "financial-exposure-band", op: "in", values: ["medium"] },
    ],
    when: [{ field: "out-of-hours-on-call-setup", op: "in", values: ["none"] }],
    weight: 0,
    floor: "medium",
    detects: { symptoms: ["minority-of-team-on-call"], causes: [] },
  },
  // Callouts are asked under Excessive BAU; on the rota they are how the seed's "substantial human
  // intervention" shows. Applies only where found, so a quiet rota is not counted twice as health.
  {
    id: "frequent-callouts-on-the-rota",
    pitfallId: "limited-on-call-schedule",
    explanation:
      "The person on call handles more than two callouts in a 12-hour shift: the services need someone to step in often, so every out-of-hours shift is heavy.",
    appliesWhen: [ON_CALL_SCHEDULE, { field: "ebau-callouts-per-shift", op: "gt", value: 2 }],
    when: [{ field: "ebau-callouts-per-shift", op: "gt", value: 2 }],
    weight: 1,
    detects: { symptoms: [], causes: ["services-need-frequent-intervention"] },
  },
  {
    id: "on-call-strain-felt",
    pitfallId: "limited-on-call-schedule",
    explanation:
      "On-call seriously disrupts the personal lives of the people on the rota, and in the last six months someone needed time off or left the rota because of it: the pitfall's burnout symptom, already costing the rota people.",
    when: [
      { field: "locs-personal-disruption", op: "gt", value: 3.99 },
      { field: "locs-left-rota-from-strain", op: "in", values: [true] },
    ],
    weight: 0,
    floor: "medium",
    detects: { symptoms: ["on-call-burnout-risk"], causes: [] },
  },
  {
    id: "on-call-without-basics",
    pitfallId: "limited-on-call-schedule",
    explanation:
      "People start on call with at most one of the basics — a runbook, working dashboards, production permissions, an escalation path. Unprepared responders are one of the reasons people stay off a rota.",
    when: [{ field: "locs-ready-before-first-shift", op: "lt", value: 2 }],
    weight: 0,
    floor: "medium",
    detects: { symptoms: [], causes: ["unprepared-for-on-call"] },
  },
  {
    id: "half-of-time-on-call",
    pitfallId: "limited-on-call-schedule",
    explanation: "People on the rota spend half of their time or more on call.",
    when: [{ field: "locs-share-of-time-on-call", op: "gt", value: 49.99 }],
    weight: 0,
    floor: "high",
    detects: { symptoms: [], causes: ["too-much-time-on-call"] },
  },
];
