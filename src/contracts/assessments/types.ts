/**
 * Plain data passed from the assessment queries and mutations to the UI. Free of server imports so
 * client components (the questionnaire) can use them.
 */
import type { Answers, Condition, NUMBER_UNITS, PitfallId } from "@/domain/content/schema";
import type { AnswerValue } from "@/domain/scoring/answer-validation";
import type { RiskBand } from "@/domain/scoring/bands";
import type { HeadlineView } from "@/domain/results/headline";
import type { AssessmentProgress } from "@/domain/assessments/progress";
import type { PlanItemStatus } from "@/domain/plans/plan-item-rules";

import type { AssessmentStatus, CycleStatus } from "@/domain/assessments/statuses";
import type {
  IndividualAnswersView,
  PitfallDisagreementView,
  ReviewIndividualView,
} from "../responses/types";

export type { AssessmentStatus, CycleStatus } from "@/domain/assessments/statuses";
export type AnswerKind = "value" | "dontKnow" | "notApplicable";
export type NumberUnit = (typeof NUMBER_UNITS)[number];

/** Where a team stands in a cycle; "not-started" means no assessment row exists yet. */
export type TeamCycleStatus = "not-started" | AssessmentStatus;

/** What the questionnaire needs to render a control; scoring details stay on the server. */
export type AnswerTypeView =
  | { type: "agreement" }
  | { type: "yesNo" }
  | { type: "choice"; options: { value: string; label: string }[] }
  | { type: "number"; unit: NumberUnit; min: number; max: number; integer: boolean };

export interface QuestionView {
  id: string;
  prompt: string;
  help: string;
  answer: AnswerTypeView;
  allowDontKnow: boolean;
  allowNotApplicable: boolean;
  required: boolean;
  /** Team context conditions it is asked under (domain/assessments/asked-questions.ts); none: always. */
  appliesWhen?: readonly Condition[];
  /**
   * Team context conditions under which "not applicable" contradicts the team's own context
   * (domain/assessments/contradicted-answers.ts); none: it never does.
   */
  applicableWhen?: readonly Condition[];
}

export interface SectionView {
  /** Anchor id on the page, e.g. "section-team-context". */
  anchor: string;
  title: string;
  intro: string;
  /** The pitfall the section assesses; null for the team context. */
  pitfallId: PitfallId | null;
  questions: QuestionView[];
}

/** An answer as stored, with who last changed it. */
export interface ServerAnswer {
  questionId: string;
  kind: AnswerKind;
  value: AnswerValue | null;
  reason: string | null;
  note: string | null;
  /** True while a value carried over from the previous quarter awaits confirmation. */
  carriedOver: boolean;
  updatedBy: { id: string; name: string } | null;
  updatedAt: string;
}

export interface SaveAnswerResult {
  version: number;
  /** The stored answer after the save; null when the answer was cleared. */
  answer: ServerAnswer | null;
  /**
   * For a "not applicable" the team's saved context rules out: why, in the words the review and the
   * refusal to submit use. It is saved all the same (the context may be what is wrong), and
   * submitting is refused until one of the two changes. Null otherwise.
   */
  contradiction: string | null;
}

export interface ConfirmAnswersResult {
  version: number;
  answers: ServerAnswer[];
}

/**
 * Sent with a conflict: the assessment changed since the person's screen loaded it. The whole
 * answer set comes back so the screen can take in changes to questions the person did not touch
 * and ask only about the ones both sides changed.
 */
export interface AnswerConflictDetails {
  kind: "answer-conflict";
  currentVersion: number;
  /** The question the refused save was about (null for a confirmation of several). */
  questionId: string | null;
  /** The server's current answer to that question; null when it has no answer. */
  current: ServerAnswer | null;
  answers: Record<string, ServerAnswer>;
}

export interface CycleRef {
  id: string;
  name: string;
  status: CycleStatus;
  closesOn: string;
  /** Whole days from today to `closesOn` in the organisation's calendar; negative once it passed. */
  daysLeft: number;
}

export interface QuestionnaireSession {
  /**
   * Whose answers the page edits: the team's (scored and submitted by the lead), or the signed-in
   * person's own ("My answers"), which show the lead where the team agrees and where it is split.
   */
  respondent: "team" | "self";
  team: { id: string; name: string; slug: string };
  cycle: CycleRef;
  /**
   * `version` is what every write must carry: the assessment's version for the team's answers, the
   * version of the person's own answers for theirs (0 before their first answer of the quarter).
   */
  assessment: { id: string; status: AssessmentStatus; version: number };
  /** The cycle the carried-over answers came from. */
  carriedFromCycleName: string | null;
  sections: SectionView[];
  answers: Record<string, ServerAnswer>;
  /**
   * On "My answers", the team's saved context (read-only): it decides which questions are asked
   * (domain/assessments/asked-questions.ts). Null on the team's questionnaire, whose answers hold it.
   */
  teamContext: Answers | null;
  /**
   * On "My answers", the team context's questions, which it does not show: they name the context
   * answers a message refers to. Absent on the team's questionnaire, whose first section they are.
   */
  contextQuestions?: QuestionView[];
  actorId: string;
  /**
   * On the team's questionnaire, for people who may see the spread ("response:summary"): what the
   * team's individual answers say, per question anyone answered. Null otherwise.
   */
  individual: Record<string, IndividualAnswersView> | null;
}

export type QuestionnairePageState =
  /** The team is archived: nothing of it can be answered, whatever the cycle. */
  | { kind: "archived"; team: { name: string; slug: string } }
  | { kind: "no-open-cycle"; team: { name: string; slug: string } }
  | { kind: "not-started"; team: { name: string; slug: string }; cycle: CycleRef; hasPrevious: boolean }
  | {
      kind: "submitted";
      team: { name: string; slug: string };
      cycle: CycleRef;
      submittedAt: string | null;
      /** The organisation's time zone, in which the day of the submission is written. */
      timeZone: string;
      resultHref: string;
    }
  | {
      kind: "editable";
      session: QuestionnaireSession;
      /**
       * On the team's questionnaire, for people who answer for the team but do not submit it: the
       * team leads, who do. Null for people who may submit, and on "My answers".
       */
      submittedBy: string[] | null;
      /** While the assessment is reopened: by whom, when and why. Null otherwise. */
      reopening: ReopeningView | null;
      /** The organisation's time zone, in which the day of the reopening is written. */
      timeZone: string;
    };

/** One's own answers, read-only, once the team's assessment is submitted. */
export interface OwnAnswersRecordView {
  sections: {
    pitfallId: string;
    title: string;
    questions: {
      questionId: string;
      prompt: string;
      /** The answer in words ("Agree", "Not applicable: no rota"); null when none was given. */
      answer: string | null;
      /** Carried over from last quarter and never confirmed or changed. */
      carriedOver: boolean;
    }[];
  }[];
  answered: number;
  total: number;
}

/** "My answers": the questionnaire states, and after submission the person's answers to read. */
export type MyAnswersPageState =
  | Exclude<QuestionnairePageState, { kind: "submitted" }>
  | (Extract<QuestionnairePageState, { kind: "submitted" }> & { ownAnswers: OwnAnswersRecordView | null });

/**
 * A result's overall standing: `headline` leads (worst band, High or Critical count); `score` and
 * `band` are the stored average and its band, a secondary figure.
 */
export interface OverallResultView {
  score: number | null;
  band: RiskBand | null;
  headline: HeadlineView;
}

/** Who reopened a submitted assessment, when and why (the reason given when reopening). */
export interface ReopeningView {
  /** ISO instant of the reopening. */
  at: string;
  /** Null when the person is no longer listed. */
  byName: string | null;
  reason: string | null;
}

export interface MyTeamSummary {
  id: string;
  name: string;
  slug: string;
  orgUnitName: string;
  /**
   * The team is archived: listed so its people find its history, read-only, and in no cycle
   * (`currentCycle` and `currentStatus` are null).
   */
  archived: boolean;
  role: "Team lead" | "Team member";
  /** Whether the person submits the team's assessment; members give their own answers first. */
  canSubmit: boolean;
  myAnswersHref: string;
  currentCycle: CycleRef | null;
  currentStatus: TeamCycleStatus | null;
  lastResult: (OverallResultView & { cycleName: string; href: string }) | null;
}

export interface HistoryEntry {
  assessmentId: string;
  cycleName: string;
  status: AssessmentStatus;
  submittedAt: string | null;
  overall: OverallResultView;
  href: string;
}

export interface TeamOverview {
  team: { id: string; name: string; slug: string; orgUnitName: string };
  /** The team is archived: its assessments and plan can be read, and nobody can change them. */
  archived: boolean;
  currentCycle: CycleRef | null;
  current: {
    status: TeamCycleStatus;
    /** Null until the assessment is started. */
    progress: AssessmentProgress | null;
    submittedAt: string | null;
    resultHref: string | null;
    /** While the assessment is reopened: by whom, when and why. */
    reopening: ReopeningView | null;
  } | null;
  history: HistoryEntry[];
  /**
   * While no cycle is open: the cycle that closed last, when it closed with the team's assessment
   * started but not submitted, and how far the team got. Null otherwise.
   */
  unsubmittedInClosedCycle: { cycleName: string; progress: AssessmentProgress | null } | null;
  canAnswer: boolean;
  /** Whether the person submits the team's assessment. */
  canSubmit: boolean;
  /** The team's active leads, who submit its assessment. */
  leadNames: string[];
  /**
   * The signed-in person's own answers in the open cycle, for the team's own people; null for
   * everyone else and when no cycle is open. `progress` is null until they answered anything.
   */
  myAnswers: { href: string; progress: AssessmentProgress | null } | null;
  /** "How the team answered", for people who may see the spread before submission; null otherwise. */
  spreadHref: string | null;
  /**
   * For the team's own lead, while the open cycle's assessment is not submitted: asking the team's
   * other people for their own answers and the anonymous pulse. Null otherwise.
   */
  invitation: {
    /** How many of the team's other people the email goes to (in Bcc). */
    recipients: number;
    /** mailto: with them in Bcc, the subject and the message; null when nobody else is on the team. */
    mailtoHref: string | null;
    /** The message, to copy into a chat. */
    message: string;
    links: { myAnswers: string; pulse: string | null };
  } | null;
  /** The organisation's time zone (`ORG_TIME_ZONE`): the page writes its moments on that clock. */
  timeZone: string;
}

export interface ReviewItem {
  questionId: string;
  prompt: string;
  sectionTitle: string;
  href: string;
  message: string;
}

export interface ReviewView {
  team: { name: string; slug: string };
  /** The team is archived: the review can be read, and nothing on it can be confirmed or submitted. */
  archived: boolean;
  cycle: CycleRef;
  assessment: { id: string; status: AssessmentStatus; version: number };
  /** The same counts the questionnaire shows (domain/assessments/progress). */
  progress: AssessmentProgress;
  /** What changed since the team's previous submitted assessment; null when there is none. */
  changes: QuarterChangesView | null;
  missingRequired: ReviewItem[];
  unconfirmed: ReviewItem[];
  invalid: ReviewItem[];
  canSubmit: boolean;
  leadNames: string[];
  /** How many people answered on their own, and, for people who may see it, where they differ. */
  individual: ReviewIndividualView;
  /** While the assessment is reopened: by whom, when and why. Null otherwise. */
  reopening: ReopeningView | null;
  /** The organisation's time zone, in which the day of the reopening is written. */
  timeZone: string;
}

export interface ContributionView {
  /** The question prompt, or the context rule's explanation. */
  label: string;
  /** The answer given, e.g. "Agree"; null for a context rule. */
  answer: string | null;
  share: number;
  points: number;
  /**
   * False for an answer on the healthy side of its scale, or in its middle: it adds a little to the
   * score but triggers nothing and makes no next step. True for context rules, and for results
   * stored before the method said so.
   */
  signOnItsOwn: boolean;
}

export interface SymptomView {
  id: string;
  title: string;
  href: string;
  /** Every answer behind it is "don't know": suspected until the team finds out, not seen. */
  suspected: boolean;
}

export interface NextStepView {
  countermeasureId: string;
  action: string;
  rationale: string;
  riskRemoved: number;
}

export interface PitfallResultView {
  pitfallId: PitfallId;
  name: string;
  playbookHref: string;
  status: "scored" | "not-assessed" | "insufficient-evidence";
  score: number | null;
  band: RiskBand | null;
  confidence: number;
  /**
   * Every point of the score comes from "don't know" answers: finding out comes first. False in
   * band None, unscored, or stored before the method said what a score rests on.
   */
  dontKnowOnly: boolean;
  /** High-risk findings that hold the pitfall at a band or above, whatever the average says. */
  findings: { explanation: string; floor: string }[];
  /** The average of the answers when a finding lifted the score above it; otherwise null. */
  averageScore: number | null;
  /**
   * The average when it would be Critical but every risk behind it is a "don't know", so the score
   * stops at the top of High (the method's ceiling); otherwise null.
   */
  ceilingAverage: number | null;
  /** Prompts of questions answered "not applicable" although the team context says they apply. */
  contradictions: string[];
  contributions: ContributionView[];
  symptoms: SymptomView[];
  nextSteps: NextStepView[];
}

export interface TopStepView {
  countermeasureId: string;
  action: string;
  rationale: string;
  pitfallNames: string[];
  riskRemoved: number;
  planItemId: string | null;
  /** The status of that plan item: a dropped one is not "in the plan" for the team. */
  planItemStatus: PlanItemStatus | null;
}

export interface AssessmentResultView {
  team: { name: string; slug: string };
  cycle: CycleRef;
  assessment: {
    id: string;
    status: AssessmentStatus;
    submittedAt: string | null;
    submittedByName: string | null;
    /** While the assessment is reopened: by whom, when and why. Null otherwise. */
    reopening: ReopeningView | null;
  };
  overall: OverallResultView;
  pitfalls: PitfallResultView[];
  /** The top remediation steps across pitfalls, with the plan item each already has. */
  topSteps: TopStepView[];
  /**
   * Set when every point of the pitfall the headline names comes from "don't know" answers: the
   * first step is to find out, and the questions to answer first.
   */
  findOutFirst: { pitfallName: string; questions: string[] } | null;
  /** Whether "Add to plan" is offered: the person may edit the plan and this is the latest result. */
  canEditPlan: boolean;
  /** What changed since the team's previous submitted assessment; null when there is none. */
  changes: QuarterChangesView | null;
  canReopen: boolean;
  /** The organisation's time zone (`ORG_TIME_ZONE`): the page writes its moments on that clock. */
  timeZone: string;
  /** Why reopening is not possible right now, for people who may reopen. */
  reopenBlockedReason: string | null;
  /**
   * The questions the team's individual answers were split on, per pitfall (counts only), as this
   * person may be shown them; empty while hidden (below).
   */
  disagreements: PitfallDisagreementView[];
  /** How many people gave at least one answer of their own. */
  individualRespondents: number;
  /**
   * The assessment is reopened and this person may not see the team's own answers before
   * submission, so "Where the team disagreed" waits for the next submission.
   */
  disagreementsHiddenWhileReopened: boolean;
}

/** One pitfall's movement between last quarter and this one, with its name. */
export interface PitfallMovementView {
  pitfallId: string;
  name: string;
  before: { score: number; band: RiskBand } | null;
  after: { score: number; band: RiskBand } | null;
  delta: number | null;
  direction: "up" | "down" | "same" | "newly-scored" | "no-longer-scored" | "unscored" | "awaiting-answers";
  bandChanged: boolean;
  /** Required questions of this pitfall still without an answer; its preview figure is held back. */
  missingRequired: number;
}

/** "What changed since last quarter" for one team: answers (old → new) and each pitfall's move. */
export interface QuarterChangesView {
  previousCycleName: string;
  cycleName: string;
  /** True on the review page: this quarter's scores are what submitting now would give. */
  preview: boolean;
  /** True when last quarter was scored with an earlier scoring method, so scores compare loosely. */
  methodChanged: boolean;
  /**
   * For a draft: required questions still without an answer, all together and those of the team
   * context (which can move every pitfall). Zero for a submitted assessment.
   */
  missingRequired: { total: number; context: number };
  answers: {
    questionId: string;
    prompt: string;
    sectionTitle: string;
    before: string | null;
    after: string | null;
  }[];
  pitfalls: PitfallMovementView[];
}
