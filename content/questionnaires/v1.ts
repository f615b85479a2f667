/**
 * Questionnaire v1: the team context and four to eight questions per pitfall.
 *
 * Thresholds are starting points taken from the playbook's practices and well-known outside
 * figures: unplanned work above about 30% of a week, more than 2 callouts per 12-hour shift,
 * fewer than weekly deployments, a rota of fewer than 3 people, more than 25% of a person's time on
 * call. Risk 0 means the answer shows no sign of the pitfall; 1 means it fully signals it.
 *
 * Once teams have answered a version, change it only by publishing a new version whose
 * `supersedes.questionMap` says which answers carry over.
 */
import type { Condition, Questionnaire } from "@/domain/content/schema";
import { scoringRules, TARGET_FITS_EXPOSURE_BAND } from "./scoring-rules";

/** The team takes part in an out-of-hours rota: its own, or a domain rota shared with siblings. */
const ON_A_ROTA: Condition = {
  field: "out-of-hours-on-call-setup",
  op: "in",
  values: ["shared-domain-schedule", "own-team-schedule"],
};

export const questionnaireV1 = {
  id: "v1",
  title: "You Build It You Run It pitfalls: quarterly team assessment",
  publishedOn: "2026-11-27",
  context: [
    {
      id: "financial-exposure-band",
      prompt: "Which financial exposure band does your most important service fall into?",
      help: "Financial exposure is the most money — lost revenue plus extra costs — that an hour of unavailability could cost. Your organisation groups these estimates into low, medium and high bands; pick the band that covers your service's estimate.",
      answer: {
        type: "choice",
        options: [
          { value: "low", label: "Low exposure band" },
          { value: "medium", label: "Medium exposure band" },
          { value: "high", label: "High exposure band" },
          { value: "not-estimated", label: "Exposure has not been estimated" },
        ],
      },
      allowDontKnow: true,
      required: true,
    },
    {
      id: "availability-target",
      prompt: "What availability target does your most important service have?",
      help: "The target the service is run to, expressed as a percentage of time available. The downtime shown is how much a week the target tolerates.",
      answer: {
        type: "choice",
        options: [
          { value: "95-0", label: "95.0% (about 8h 24m of downtime a week)" },
          { value: "99-0", label: "99.0% (about 1h 41m of downtime a week)" },
          { value: "99-9", label: "99.9% (about 10m of downtime a week)" },
          { value: "99-99", label: "99.99% (about 1m of downtime a week)" },
        ],
      },
      allowDontKnow: true,
      required: true,
    },
    {
      id: "documented-need-for-top-target",
      prompt: "If your service's target is 99.99%, is there a documented business need for it?",
      help: "99.99% takes far more engineering and on-call effort than 99.9%. Answer yes only if the need is written down, for example in a business case or a regulatory requirement.",
      answer: { type: "yesNo" },
      allowDontKnow: true,
      required: false,
      // Asked only of a service with the top target: the one rule that reads it applies only then.
      appliesWhen: [{ field: "availability-target", op: "in", values: ["99-99"] }],
    },
    {
      id: "out-of-hours-on-call-setup",
      prompt: "Who responds when your service has a problem outside working hours?",
      help: "Pick the arrangement in use today, not the one you plan to have.",
      answer: {
        type: "choice",
        options: [
          { value: "none", label: "Nobody: problems wait for the next working day" },
          {
            value: "shared-domain-schedule",
            label: "A schedule shared with sibling teams in our domain",
          },
          { value: "own-team-schedule", label: "Our team's own on-call schedule" },
          { value: "central-ops", label: "A central operations or app support team" },
        ],
      },
      allowDontKnow: false,
      required: true,
    },
    {
      id: "team-size",
      prompt: "How many people are in your product team?",
      help: "Count everyone who works in the team day to day: engineers, testers, designers, product and delivery roles.",
      answer: { type: "number", unit: "people", min: 1, max: 100, integer: true },
      allowDontKnow: false,
      required: true,
    },
    {
      id: "on-call-rota-size",
      prompt: "How many people take turns on the out-of-hours rota that covers your service?",
      help: "Count everyone on the rota, including people from sibling teams if the schedule is shared.",
      answer: { type: "number", unit: "people", min: 0, max: 100, integer: true },
      allowDontKnow: true,
      required: true,
      // Asked only of a team on a rota: the rules that read it apply only then.
      appliesWhen: [
        {
          field: "out-of-hours-on-call-setup",
          op: "in",
          values: ["shared-domain-schedule", "own-team-schedule"],
        },
      ],
    },
  ],
  sections: [
    {
      pitfallId: "linear-run-costs",
      intro: "How your availability target and out-of-hours cover were chosen, and how standby costs grow.",
      questions: [
        {
          id: "lrc-target-chosen-on-exposure",
          prompt:
            "Was your service's availability target chosen from an estimate of what an hour of downtime would cost?",
          help: "Answer yes if someone estimated the maximum revenue loss and costs of an hour's unavailability and the target follows from your organisation's exposure bands. Answer no if the target was picked by preference, copied from another service or set to the maximum by default.",
          answer: { type: "yesNo", riskyAnswer: "no" },
          weight: 3,
          // A target that fits the exposure band anyway is a process to put right, not a target
          // to re-select: the answer counts, but is no sign of the pitfall on its own.
          notASignWhen: TARGET_FITS_EXPOSURE_BAND,
          detects: { symptoms: [], causes: ["targets-not-chosen-on-exposure"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
          dontKnowRisk: 0.7,
        },
        {
          id: "lrc-out-of-hours-cover-decided-by",
          prompt: "How was your out-of-hours on-call arrangement decided?",
          help: "Out-of-hours cover should follow the availability target: none at 95.0%, a shared domain schedule at 99.0%, a team's own schedule only at 99.9% or above.",
          answer: {
            type: "choice",
            options: [
              {
                value: "from-availability-target",
                label: "It follows from our availability target",
                risk: 0,
              },
              { value: "team-preference", label: "The team or product manager chose it", risk: 0.7 },
              { value: "inherited", label: "We inherited it and have not revisited it", risk: 0.6 },
              {
                value: "organisation-default",
                label: "Every product team gets its own schedule by default",
                risk: 1,
              },
            ],
          },
          weight: 3,
          detects: { symptoms: [], causes: ["per-team-standby-cost-model"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "lrc-share-of-teams-with-own-schedule",
          prompt:
            "In your domain or department, what percentage of product teams run their own out-of-hours schedule?",
          help: "Divide the number of out-of-hours schedules by the number of product teams. Close to 100% means standby costs grow with every team added.",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 0, risk: 0 },
              { at: 30, risk: 0.2 },
              { at: 60, risk: 0.7 },
              { at: 90, risk: 1 },
            ],
          },
          weight: 2,
          detects: { symptoms: ["run-cost-tied-to-team-count"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "lrc-standby-cost-per-new-team",
          prompt:
            "When a new product team is formed in your area, it adds a full extra standby payment to the on-call budget.",
          help: "Agree if each team's schedule is paid separately, so standby costs rise by the same amount for every team.",
          answer: { type: "agreement", riskyWhen: "agree" },
          weight: 2,
          detects: { symptoms: ["run-cost-tied-to-team-count"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "lrc-target-reviewed-this-quarter",
          prompt:
            "Have your availability target and out-of-hours arrangement been checked against financial exposure in the last three months?",
          help: "Exposure bands and targets should be reviewed at least quarterly against recent incident losses, so cover can come down as well as go up.",
          answer: { type: "yesNo", riskyAnswer: "no" },
          weight: 1,
          // A target that fits the exposure band anyway is a process to put right, not a target
          // to re-select: the answer counts, but is no sign of the pitfall on its own.
          notASignWhen: TARGET_FITS_EXPOSURE_BAND,
          detects: { symptoms: [], causes: ["targets-not-chosen-on-exposure"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
          dontKnowRisk: 1,
        },
      ],
    },
    {
      pitfallId: "responsible-but-unaccountable",
      intro: "Who answers for your services' reliability, and who pays for keeping them running.",
      questions: [
        {
          id: "rbu-accountable-for-incidents",
          prompt:
            "Who is held accountable when one of your team's services has a serious production incident?",
          help: "Accountable means the person who has to explain the incident and its cost to the business, not the people who fix it.",
          answer: {
            type: "choice",
            options: [
              { value: "product-budget-holder", label: "The product budget holder for our team", risk: 0 },
              { value: "product-team", label: "Our product team, without a named budget holder", risk: 0.3 },
              { value: "shared-or-unclear", label: "It is shared or unclear", risk: 0.7 },
              { value: "head-of-operations", label: "The Head of Operations or an operations team", risk: 1 },
            ],
          },
          weight: 3,
          // The Head of Operations answering is the finding head-of-operations-accountable; this
          // answer is evidence only of what every risky option says: the team is not held to account.
          detects: { symptoms: [], causes: ["teams-not-held-accountable"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
          dontKnowRisk: 0.7,
        },
        {
          id: "rbu-on-call-budget-owner",
          prompt: "Whose budget pays your team's standby and callout costs?",
          help: "Look at which cost centre the on-call payments are charged to. Choose not applicable if nobody in your team is ever on call.",
          answer: {
            type: "choice",
            options: [
              { value: "product-budget", label: "Our product budget", risk: 0 },
              { value: "shared-it-budget", label: "A central IT or shared opex budget", risk: 0.8 },
              { value: "operations-budget", label: "The operations budget", risk: 1 },
            ],
          },
          weight: 3,
          detects: { symptoms: [], causes: ["on-call-funded-by-operations"] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
          applicableWhen: [
            {
              field: "out-of-hours-on-call-setup",
              op: "in",
              values: ["shared-domain-schedule", "own-team-schedule"],
            },
          ],
        },
        {
          id: "rbu-operational-feature-share",
          prompt:
            "Last quarter, roughly what percentage of the backlog items your team completed were operational features?",
          help: "Operational features are things like alerting, graceful degradation, runbooks, capacity and security fixes. A healthy team usually spends a steady fifth or more of its planned work on them.",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 0, risk: 1 },
              { at: 10, risk: 0.6 },
              { at: 20, risk: 0.2 },
              { at: 30, risk: 0 },
            ],
          },
          weight: 2,
          detects: { symptoms: ["low-priority-operational-features"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "rbu-operational-features-ranked-with-product",
          prompt:
            "Our product manager ranks operational features in the same backlog, and with the same care, as product features.",
          help: "Disagree if operational work only gets done when there is spare time, or after an incident.",
          answer: { type: "agreement", riskyWhen: "disagree" },
          weight: 2,
          detects: { symptoms: ["low-priority-operational-features"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "rbu-asked-to-cut-on-call-spend",
          prompt:
            "In the last 12 months, has your team been asked to cut on-call spending, for example with fewer people on standby, less cover or lower rates?",
          help: "Count requests that came from a budget review, not changes the team chose itself after revisiting its availability target.",
          answer: { type: "yesNo", riskyAnswer: "yes" },
          weight: 2,
          detects: { symptoms: ["on-call-funding-pressure"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
          applicableWhen: [
            {
              field: "out-of-hours-on-call-setup",
              op: "in",
              values: ["shared-domain-schedule", "own-team-schedule"],
            },
          ],
        },
        {
          id: "rbu-budget-holder-in-incident-review",
          prompt:
            "Did your product budget holder take part in the review of your team's last major production incident?",
          help: "Choose not applicable if your team has had no major incident in the last 12 months.",
          answer: { type: "yesNo", riskyAnswer: "no" },
          weight: 1,
          detects: { symptoms: [], causes: ["teams-not-held-accountable"] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
        },
        {
          id: "rbu-operability-expected",
          prompt:
            "Our team is expected to build operability into every feature, and is asked about it when something goes wrong.",
          help: "Operability covers graceful degradation, useful alerts and dashboards, runbooks and safe deployments.",
          answer: { type: "agreement", riskyWhen: "disagree" },
          weight: 1,
          detects: { symptoms: ["weak-operability-incentives"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
      ],
    },
    {
      pitfallId: "excessive-bau",
      intro: "How much of your team's week goes on unplanned operational work, and what keeps generating it.",
      questions: [
        {
          id: "ebau-planned-work-share",
          prompt: "In a typical week last quarter, what percentage of your team's time went on planned work?",
          help: "Planned work is the product and operational features on your roadmap or board. Everything else — fixing flaky alerts, failed deployments, infrastructure errors, ad hoc requests — is unplanned. 70% planned work or less is a warning sign.",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 50, risk: 1 },
              { at: 70, risk: 0.5 },
              { at: 80, risk: 0 },
            ],
          },
          weight: 3,
          detects: { symptoms: ["slow-delivery-of-planned-work"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
          dontKnowRisk: 0.8,
        },
        {
          id: "ebau-callouts-per-shift",
          prompt:
            "On an average 12-hour on-call shift last quarter, how many callouts did the person on call handle?",
          help: "Count every page or call that needed someone to act. More than 2 in a 12-hour shift is more than one person can handle well. Choose not applicable if your team has no on-call shifts.",
          answer: {
            type: "number",
            unit: "per-shift",
            min: 0,
            max: 50,
            integer: false,
            riskCurve: [
              { at: 0, risk: 0 },
              { at: 1, risk: 0.1 },
              { at: 2, risk: 0.4 },
              { at: 3, risk: 1 },
            ],
          },
          weight: 3,
          detects: { symptoms: ["high-number-of-callouts"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
          applicableWhen: [
            {
              field: "out-of-hours-on-call-setup",
              op: "in",
              values: ["shared-domain-schedule", "own-team-schedule"],
            },
          ],
          // Asked only of a team on a rota: nobody on call, or central operations covering, makes it
          // a question about a rota the team does not have.
          appliesWhen: [ON_A_ROTA],
        },
        {
          id: "ebau-unplanned-work-tracking",
          prompt: "How is unplanned operational work recorded in your team?",
          help: "Operational rework that never reaches the board is invisible to the product manager, so it silently delays planned work.",
          answer: {
            type: "choice",
            options: [
              {
                value: "ticketed-and-time-tracked",
                label: "Every item is ticketed in its own swimlane, and time on it is tracked weekly",
                risk: 0,
              },
              { value: "ticketed", label: "Every item is ticketed, but time is not tracked", risk: 0.4 },
              { value: "larger-items-only", label: "Only larger items are ticketed", risk: 0.7 },
              { value: "not-tracked", label: "Mostly fixed without a ticket", risk: 1 },
            ],
          },
          weight: 2,
          detects: { symptoms: [], causes: ["untracked-operational-rework"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
          dontKnowRisk: 1,
        },
        {
          id: "ebau-planned-features-delivered",
          prompt:
            "What percentage of the features your product manager planned for last quarter were delivered within that quarter?",
          help: "Count both product and operational features that were committed to at the start of the quarter.",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 0, risk: 1 },
              { at: 50, risk: 0.7 },
              { at: 70, risk: 0.3 },
              { at: 85, risk: 0 },
            ],
          },
          weight: 2,
          detects: { symptoms: ["slow-delivery-of-planned-work"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "ebau-graceful-degradation",
          prompt:
            "When something our services depend on fails, they keep serving users in a reduced form instead of failing outright.",
          help: "Think of a slow downstream API, an unavailable database replica or a third-party outage. Timeouts, circuit breakers and fallbacks are typical ways to achieve this.",
          answer: { type: "agreement", riskyWhen: "disagree" },
          weight: 2,
          detects: { symptoms: [], causes: ["no-graceful-degradation"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "ebau-deployment-automation",
          prompt: "How do your deployments reach production, and how are they reverted?",
          help: "Deployments that differ between environments are a common source of failed releases and rework.",
          answer: {
            type: "choice",
            options: [
              {
                value: "one-automated-pipeline",
                label:
                  "One automated pipeline deploys the same way to every environment, and a revert takes minutes or less",
                risk: 0,
              },
              {
                value: "mostly-automated",
                label: "Mostly automated, with some manual steps or differences between environments",
                risk: 0.5,
              },
              { value: "largely-manual", label: "Largely manual, or different in each environment", risk: 1 },
            ],
          },
          weight: 2,
          detects: { symptoms: [], causes: ["inconsistent-deployments-across-environments"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "ebau-telemetry-automation",
          prompt: "How are your dashboards and alerts created and changed?",
          help: "Hand-built alerts drift out of date and produce noise that someone has to deal with.",
          answer: {
            type: "choice",
            options: [
              {
                value: "as-code",
                label:
                  "Defined as code and deployed by the pipeline; alerts raise callouts and tickets automatically",
                risk: 0,
              },
              {
                value: "partly-as-code",
                label: "Some are defined as code, others are set up by hand",
                risk: 0.5,
              },
              { value: "by-hand", label: "Built and changed by hand in the monitoring tools", risk: 1 },
            ],
          },
          weight: 2,
          detects: { symptoms: [], causes: ["manual-telemetry-toolchain"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
      ],
    },
    {
      pitfallId: "change-management-treacle",
      intro: "How often your team deploys, and how much change approval stands in the way.",
      questions: [
        {
          id: "cmt-deployment-frequency",
          prompt: "How often does your team deploy to production, on average?",
          help: "Count deployments of your team's own services over the last quarter. Weekly or more often is the aim for digital services.",
          answer: {
            type: "choice",
            options: [
              { value: "several-a-day", label: "Several times a day", risk: 0 },
              { value: "daily", label: "About once a day", risk: 0 },
              { value: "weekly", label: "About once a week", risk: 0.1 },
              { value: "fortnightly", label: "About once a fortnight", risk: 0.6 },
              { value: "monthly", label: "About once a month", risk: 0.9 },
              { value: "less-than-monthly", label: "Less often than once a month", risk: 1 },
            ],
          },
          weight: 3,
          detects: { symptoms: ["insufficient-deployment-frequency"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
          dontKnowRisk: 0.7,
        },
        {
          id: "cmt-approval-wait-days",
          prompt: "How many working days does a typical production deployment wait for change approval?",
          help: "Measure from asking for approval to receiving it. Enter 0 if deployments do not wait for an approval.",
          answer: {
            type: "number",
            unit: "days",
            min: 0,
            max: 60,
            integer: false,
            riskCurve: [
              { at: 0, risk: 0 },
              { at: 0.5, risk: 0.2 },
              { at: 1, risk: 0.4 },
              { at: 3, risk: 0.8 },
              { at: 5, risk: 1 },
            ],
          },
          weight: 3,
          detects: { symptoms: ["prolonged-change-management-process"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
          dontKnowRisk: 0.5,
        },
        {
          id: "cmt-pre-approved-share",
          prompt:
            "What percentage of your production deployments last quarter went out as pre-approved (standard) changes?",
          help: "A pre-approved change needs no individual approval because its kind of change was agreed as low risk in advance.",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 0, risk: 1 },
              { at: 50, risk: 0.5 },
              { at: 80, risk: 0.1 },
              { at: 90, risk: 0 },
            ],
          },
          weight: 2,
          detects: { symptoms: [], causes: ["approval-for-every-deployment"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
          dontKnowRisk: 0.6,
        },
        {
          id: "cmt-one-change-category",
          prompt: "Does every production deployment go through the same change category, whatever its risk?",
          help: "Answer yes if a one-line configuration fix and a database migration are treated the same way.",
          answer: { type: "yesNo", riskyAnswer: "yes" },
          weight: 2,
          detects: { symptoms: [], causes: ["single-change-category"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "cmt-change-record-automation",
          prompt: "How is the change record for a deployment created and closed?",
          help: "An automated audit trail records versions per environment, commits, timestamps, who deployed and the change id, so compliance does not depend on paperwork.",
          answer: {
            type: "choice",
            options: [
              {
                value: "pipeline-automated",
                label: "The pipeline raises, updates and closes it with full audit details",
                risk: 0,
              },
              { value: "partly-automated", label: "Partly automated, partly filled in by hand", risk: 0.5 },
              { value: "by-hand", label: "Someone fills it in by hand for every deployment", risk: 1 },
            ],
          },
          weight: 2,
          detects: { symptoms: [], causes: ["manual-change-records"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "cmt-changes-reviewed-one-by-one",
          prompt:
            "Our change management team reviews each change as it arrives, rather than agreeing in advance which kinds of change are safe.",
          help: "Agree if there is no catalogue of standard changes your team can use without asking.",
          answer: { type: "agreement", riskyWhen: "agree" },
          weight: 1,
          detects: { symptoms: [], causes: ["reactive-change-management"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "cmt-batching-for-approval",
          prompt:
            "We hold back finished work so that several changes can go out together under one approval.",
          help: "Batching to save approval effort makes deployments larger and production problems harder to diagnose.",
          answer: { type: "agreement", riskyWhen: "agree" },
          weight: 1,
          // Batching to fit approvals is how every deployment needing its own approval shows; how
          // often the team deploys is the frequency question's to say.
          detects: { symptoms: [], causes: ["approval-for-every-deployment"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
      ],
    },
    {
      pitfallId: "no-major-incident-management",
      intro:
        "How your team's major incidents connect to the organisation's incident management and its leaders.",
      questions: [
        {
          id: "nmim-incident-managers-informed",
          prompt:
            "When one of your services has a major incident, how does the incident management team find out?",
          help: "A major incident is one with a large impact on customers or finances, often called a severity 1 or 2 incident.",
          answer: {
            type: "choice",
            options: [
              { value: "automatically", label: "Automatically, from our alerting", risk: 0 },
              {
                value: "by-process",
                label: "Someone in our team contacts them, as our process requires",
                risk: 0.3,
              },
              { value: "if-remembered", label: "Only if someone remembers to tell them", risk: 0.7 },
              { value: "not-involved", label: "They are usually not involved", risk: 1 },
            ],
          },
          weight: 3,
          detects: { symptoms: ["major-incident-ignorance"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
          dontKnowRisk: 0.7,
        },
        {
          id: "nmim-incident-commander-share",
          prompt:
            "Of your team's major incidents in the last 12 months, in what percentage was a named incident commander in charge?",
          help: "An incident commander coordinates the response and brings in other teams. Choose not applicable if there were no major incidents.",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 0, risk: 1 },
              { at: 50, risk: 0.6 },
              { at: 90, risk: 0.1 },
              { at: 100, risk: 0 },
            ],
          },
          weight: 2,
          detects: { symptoms: ["lack-of-incident-response-collaboration"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
        },
        {
          id: "nmim-leadership-updated-share",
          prompt:
            "In what percentage of those major incidents did senior leaders receive regular updates, including an estimate of the financial loss?",
          help: "Updates count if they went out on an agreed schedule while the incident was open. Choose not applicable if there were no major incidents.",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 0, risk: 1 },
              { at: 50, risk: 0.6 },
              { at: 90, risk: 0.1 },
              { at: 100, risk: 0 },
            ],
          },
          weight: 3,
          detects: { symptoms: ["no-crisis-communications"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
          dontKnowRisk: 0.8,
        },
        {
          id: "nmim-know-how-to-involve-others",
          prompt:
            "Everyone who responds to our incidents knows how to bring another product team or an operational enabler team into a major incident.",
          help: "Operational enabler teams include networks, databases, security and cloud platform teams.",
          answer: { type: "agreement", riskyWhen: "disagree" },
          weight: 2,
          detects: { symptoms: ["lack-of-incident-response-collaboration"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
          dontKnowRisk: 0.75,
        },
        {
          id: "nmim-automated-touchpoints",
          prompt:
            "How many of these seven incident touchpoints are automated between your alerting and the incident management tooling: notify, create, acknowledge, reassign, alert the incident manager of a major incident, update, resolve?",
          help: "Automated touchpoints keep incident managers informed without anyone having to remember.",
          answer: {
            type: "number",
            unit: "count",
            min: 0,
            max: 7,
            integer: true,
            // Excluded means the incident management tooling hears of next to nothing: none or one
            // touchpoint automated is on the risky half; partial automation (two or more) is not.
            riskCurve: [
              { at: 0, risk: 1 },
              { at: 1, risk: 0.75 },
              { at: 2, risk: 0.45 },
              { at: 7, risk: 0 },
            ],
          },
          weight: 1,
          detects: { symptoms: [], causes: ["incident-management-excluded"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "nmim-crisis-communications-plan",
          prompt:
            "Is there a written plan for your services that says whom to update during a major incident, and how often?",
          help: "The plan might be part of the organisation's incident management process or your own runbook.",
          answer: { type: "yesNo", riskyAnswer: "no" },
          weight: 2,
          detects: { symptoms: [], causes: ["no-shared-incident-practices"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
          dontKnowRisk: 1,
        },
      ],
    },
    {
      pitfallId: "embedded-specialists",
      intro:
        "How your team gets help from specialists such as database administrators, security analysts, network administrators and operability engineers.",
      questions: [
        {
          id: "es-teams-per-embedded-specialist",
          prompt:
            "On average, how many product teams, yours included, does each specialist embedded in your team serve?",
          help: "A specialist fully dedicated to your team serves 1 team; one shared with one other team serves 2. Choose not applicable if no specialist is embedded in your team.",
          answer: {
            type: "number",
            unit: "count",
            min: 1,
            max: 30,
            integer: false,
            riskCurve: [
              { at: 1, risk: 0 },
              { at: 1.5, risk: 0.4 },
              { at: 2, risk: 0.7 },
              { at: 3, risk: 1 },
            ],
          },
          weight: 3,
          detects: { symptoms: ["specialists-shared-between-teams"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
        },
        {
          id: "es-wait-for-specialist",
          prompt: "How long does your team usually wait for help from a specialist?",
          help: "Think of the last few times you needed a database, security, network or operability specialist.",
          answer: {
            type: "choice",
            options: [
              { value: "self-service", label: "We rarely wait: we mostly use self-service tools", risk: 0 },
              { value: "under-an-hour", label: "Less than an hour", risk: 0.1 },
              { value: "hours", label: "Several hours", risk: 0.6 },
              { value: "days", label: "A day or more", risk: 1 },
            ],
          },
          weight: 3,
          // Waiting is the bottleneck whoever the specialist is: a central team that cannot keep up
          // (the pitfall's starting point) or an embedded one shared between teams. Sharing itself
          // is found by the rules on how many teams a specialist serves, so waiting on a central
          // team alone does not report embedded specialists shared between teams.
          detects: { symptoms: [], causes: ["central-specialist-team-overwhelmed"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "es-self-service-specialist-tasks",
          prompt:
            "Common specialist tasks, such as creating a database, opening a firewall rule or rotating a certificate, are available to us as self-service automation.",
          help: "Self-service means your team can do it safely without raising a request to a specialist.",
          answer: { type: "agreement", riskyWhen: "disagree" },
          weight: 2,
          detects: { symptoms: [], causes: ["central-specialist-team-overwhelmed"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
        {
          id: "es-specialist-workload",
          prompt:
            "How would the specialists embedded in your team describe their workload over the last quarter?",
          help: "Ask them. Choose not applicable if no specialist is embedded in your team.",
          answer: {
            type: "choice",
            options: [
              { value: "steady", label: "Steady and manageable", risk: 0 },
              { value: "sometimes-uneven", label: "Sometimes uneven", risk: 0.4 },
              { value: "mostly-overloaded", label: "Mostly overloaded", risk: 0.9 },
              { value: "idle-or-overloaded", label: "Swinging between idle and overloaded", risk: 1 },
            ],
          },
          weight: 2,
          detects: { symptoms: ["unpredictable-specialist-workload"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
        },
        {
          id: "es-specialist-community",
          prompt:
            "Do the specialists embedded in your team meet others in their specialty at least monthly to share work and learn together?",
          help: "A guild, chapter or community of practice counts if it actually meets. Choose not applicable if no specialist is embedded in your team.",
          answer: { type: "yesNo", riskyAnswer: "no" },
          weight: 2,
          detects: { symptoms: ["specialist-loneliness"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
        },
        {
          id: "es-specialist-missing-from-design",
          prompt:
            "Does your organisation design call for a specialist embedded in your team whom you do not have full-time?",
          help: "Answer yes if the role is vacant, or filled by someone who splits their time with other teams.",
          answer: { type: "yesNo", riskyAnswer: "yes" },
          weight: 2,
          detects: { symptoms: [], causes: ["scarce-affordable-specialists"] },
          allowDontKnow: true,
          allowNotApplicable: false,
          required: true,
        },
      ],
    },
    {
      pitfallId: "limited-on-call-schedule",
      intro: "Who in your team goes on call out of hours, and what it costs them.",
      questions: [
        {
          id: "locs-share-of-team-on-call",
          prompt: "What percentage of your team's engineers take part in the out-of-hours on-call rota?",
          help: "Fewer than half is a minority of the team. Choose not applicable if your service has no out-of-hours cover from your team.",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 0, risk: 1 },
              { at: 49.9, risk: 0.8 },
              { at: 50, risk: 0.3 },
              { at: 75, risk: 0 },
            ],
          },
          weight: 3,
          detects: { symptoms: ["minority-of-team-on-call"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
          appliesWhen: [{ field: "out-of-hours-on-call-setup", op: "in", values: ["own-team-schedule"] }],
          applicableWhen: [{ field: "out-of-hours-on-call-setup", op: "in", values: ["own-team-schedule"] }],
        },
        {
          id: "locs-share-of-time-on-call",
          prompt:
            "Over the last quarter, what percentage of their time did each person on the rota spend on call?",
          help: "A one-week rotation among four people is 25%. More than 25% of a person's time on call is unsustainable. Choose not applicable if your team has no on-call rota.",
          answer: {
            type: "number",
            unit: "percent",
            min: 0,
            max: 100,
            integer: false,
            riskCurve: [
              { at: 25, risk: 0 },
              { at: 33.3, risk: 0.5 },
              { at: 50, risk: 0.85 },
              { at: 100, risk: 1 },
            ],
          },
          weight: 3,
          detects: { symptoms: [], causes: ["too-much-time-on-call"] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
          applicableWhen: [
            {
              field: "out-of-hours-on-call-setup",
              op: "in",
              values: ["shared-domain-schedule", "own-team-schedule"],
            },
          ],
          // Asked only of a team on a rota: nobody on call, or central operations covering, makes it
          // a question about a rota the team does not have.
          appliesWhen: [ON_A_ROTA],
        },
        {
          id: "locs-on-call-pay-model",
          prompt: "How are people paid for being on call?",
          help: "Paying only for callouts rewards none of the disruption of having to stay available. Choose not applicable if your team has no on-call rota.",
          answer: {
            type: "choice",
            options: [
              { value: "standby-and-callout", label: "For standby and for each callout", risk: 0 },
              { value: "standby-only", label: "For standby only", risk: 0.2 },
              { value: "callout-only", label: "Only for callouts", risk: 0.8 },
              { value: "unpaid", label: "On-call is not paid", risk: 1 },
            ],
          },
          weight: 2,
          detects: { symptoms: [], causes: ["unhappy-with-on-call-pay"] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
          applicableWhen: [
            {
              field: "out-of-hours-on-call-setup",
              op: "in",
              values: ["shared-domain-schedule", "own-team-schedule"],
            },
          ],
          // Asked only of a team on a rota: nobody on call, or central operations covering, makes it
          // a question about a rota the team does not have.
          appliesWhen: [ON_A_ROTA],
        },
        {
          id: "locs-ready-before-first-shift",
          prompt:
            "How many of these does someone have before their first on-call shift: a runbook, working dashboards, production permissions and a documented escalation path?",
          help: "Count the items a new member of the rota reliably has on day one, from 0 to 4.",
          answer: {
            type: "number",
            unit: "count",
            min: 0,
            max: 4,
            integer: true,
            riskCurve: [
              { at: 0, risk: 1 },
              { at: 2, risk: 0.6 },
              { at: 3, risk: 0.3 },
              { at: 4, risk: 0 },
            ],
          },
          weight: 2,
          detects: { symptoms: [], causes: ["unprepared-for-on-call"] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
          applicableWhen: [
            {
              field: "out-of-hours-on-call-setup",
              op: "in",
              values: ["shared-domain-schedule", "own-team-schedule"],
            },
          ],
          // Asked only of a team on a rota: nobody on call, or central operations covering, makes it
          // a question about a rota the team does not have.
          appliesWhen: [ON_A_ROTA],
        },
        {
          id: "locs-confident-on-call",
          prompt: "People on our rota feel confident handling an out-of-hours alert for any of our services.",
          help: "Ask the people on the rota rather than answering for them.",
          answer: { type: "agreement", riskyWhen: "disagree" },
          weight: 2,
          detects: { symptoms: [], causes: ["unprepared-for-on-call"] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
          applicableWhen: [
            {
              field: "out-of-hours-on-call-setup",
              op: "in",
              values: ["shared-domain-schedule", "own-team-schedule"],
            },
          ],
          // Asked only of a team on a rota: nobody on call, or central operations covering, makes it
          // a question about a rota the team does not have.
          appliesWhen: [ON_A_ROTA],
        },
        {
          id: "locs-personal-disruption",
          prompt: "Being on call seriously disrupts the personal lives of the people on our rota.",
          help: "Think of sleep, family commitments and plans cancelled because of on-call.",
          answer: { type: "agreement", riskyWhen: "agree" },
          weight: 3,
          detects: { symptoms: ["on-call-burnout-risk"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
          applicableWhen: [
            {
              field: "out-of-hours-on-call-setup",
              op: "in",
              values: ["shared-domain-schedule", "own-team-schedule"],
            },
          ],
          // Asked only of a team on a rota: nobody on call, or central operations covering, makes it
          // a question about a rota the team does not have.
          appliesWhen: [ON_A_ROTA],
        },
        {
          id: "locs-left-rota-from-strain",
          prompt:
            "In the last six months, has anyone needed time off, or left the rota, because of the strain of being on call?",
          help: "Answer for the people on your team's rota. Individual circumstances stay private: a count is not needed.",
          answer: { type: "yesNo", riskyAnswer: "yes" },
          weight: 2,
          detects: { symptoms: ["on-call-burnout-risk"], causes: [] },
          allowDontKnow: true,
          allowNotApplicable: true,
          required: true,
          applicableWhen: [
            {
              field: "out-of-hours-on-call-setup",
              op: "in",
              values: ["shared-domain-schedule", "own-team-schedule"],
            },
          ],
          // Asked only of a team on a rota: nobody on call, or central operations covering, makes it
          // a question about a rota the team does not have.
          appliesWhen: [ON_A_ROTA],
        },
      ],
    },
  ],
  contextRules: scoringRules,
} satisfies Questionnaire;

export default questionnaireV1;
