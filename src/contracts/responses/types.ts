/**
 * Plain data about individual answers passed from the server to the UI. Counts only: no view here
 * carries who gave which answer.
 */
import type { AnswerValue } from "@/domain/scoring/answer-validation";
import type { AnswerKind } from "../assessments/types";

/** An answer as the questionnaire sets it: the team answer the individual answers suggest. */
export interface SuggestedAnswer {
  kind: AnswerKind;
  value: AnswerValue | null;
  reason: string | null;
}

/** What the team's individual answers to one question say, for the people who may see it. */
export interface IndividualAnswersView {
  /** People who answered the question on their own. */
  respondents: number;
  /** In words, counts only: "Agree 2 · Disagree 1", or the numbers with their median. */
  distribution: string;
  /** The answers lie half the risk scale or more apart (see docs/scoring.md, "Individual answers"). */
  split: boolean;
  suggestion: SuggestedAnswer | null;
  /** The suggestion in words ("Agree", "5 per week"); null without a suggestion. */
  suggestionLabel: string | null;
}

/** A question of the team's questionnaire, linked, with what the individual answers say about it. */
export interface IndividualQuestionItem {
  questionId: string;
  prompt: string;
  sectionTitle: string;
  href: string;
  distribution: string;
}

/** The review page's part about individual answers. */
export interface ReviewIndividualView {
  /** People who gave at least one answer of their own. */
  respondents: number;
  /**
   * For people who may see the spread (the lead, the unit's coach, the head of engineering,
   * admins); null for everyone else, who never see other people's answers before submission.
   */
  spread: {
    /** Questions whose own answers are shown to this viewer (enough people besides them answered). */
    shown: number;
    split: IndividualQuestionItem[];
    /** Questions without a team answer whose individual answers suggest one. */
    fillable: (IndividualQuestionItem & { answerLabel: string })[];
    /** The same suggestions keyed by question id, sent back as they were shown. */
    suggestions: Record<string, SuggestedAnswer>;
  } | null;
}

/** "Where the team disagreed" on a result: the questions the team was split on, per pitfall. */
export interface PitfallDisagreementView {
  pitfallId: string;
  pitfallName: string;
  questions: {
    questionId: string;
    prompt: string;
    /** Counts only, never names. */
    distribution: string;
    /** The team answer that was submitted, in words; null when the team left it unanswered. */
    teamAnswer: string | null;
  }[];
}

/** One question on "How the team answered": counts only, never who gave which answer. */
export interface SpreadQuestionView {
  questionId: string;
  prompt: string;
  respondents: number;
  /** In words: "Agree 2 · Disagree 1", or the numbers with their median. */
  distribution: string;
  split: boolean;
  /** The suggested team answer in words; null without one. */
  suggestion: string | null;
  /** The team answer as it stands, in words; null while the team has none. */
  teamAnswer: string | null;
}

/** "How the team answered" for the open cycle, read-only. */
export type TeamSpreadView =
  | { kind: "no-open-cycle"; team: { name: string; slug: string } }
  | { kind: "not-started"; team: { name: string; slug: string }; cycleName: string }
  | {
      kind: "ready";
      team: { name: string; slug: string };
      cycleName: string;
      /** People who gave at least one answer of their own. */
      respondents: number;
      sections: { pitfallId: string; title: string; questions: SpreadQuestionView[] }[];
    };
