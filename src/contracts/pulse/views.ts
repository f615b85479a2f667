/**
 * What the pulse queries hand to the pages. Counts only: no view carries who answered, or what
 * any one person answered, and a question below the threshold carries no figure at all.
 */
import type { PitfallId, PulseAudience } from "@/domain/content/schema";

export interface PulseOptionView {
  value: string;
  label: string;
}

export interface PulseQuestionView {
  id: string;
  prompt: string;
  help: string;
  options: PulseOptionView[];
}

/** The questions of one audience, in content order. */
export interface PulseQuestionGroup {
  audience: PulseAudience;
  questions: PulseQuestionView[];
}

interface PulseResultBase {
  questionId: string;
  /** What the answers say something about, e.g. "How close to burnout the people on the rota feel". */
  evidenceLabel: string;
  pitfallId: PitfallId;
  pitfallName: string;
  audience: PulseAudience;
}

export type PulseResultView = PulseResultBase &
  (
    | {
        shown: true;
        respondents: number;
        counts: { option: string; label: string; count: number }[];
        /** Average risk of the chosen options, 0..1. */
        averageRisk: number;
      }
    | { shown: false }
  );

/** A team's pulse in one cycle, as it may be shown to anyone who reads the team. */
export interface TeamPulseView {
  cycleId: string;
  cycleName: string;
  /** How many people must answer a question before its counts are shown. */
  threshold: number;
  /** How many people answered the pulse in all (an aggregate: never who). */
  participants: number;
  questions: PulseResultView[];
}

/** Whether the person looking may answer the pulse now, and if not, why. */
export type PulseAvailability =
  | { kind: "open" }
  | { kind: "answered" }
  | { kind: "closed"; reason: string }
  | { kind: "not-for-you"; reason: string };

export interface PulseTeamRef {
  id: string;
  name: string;
  slug: string;
}

export interface PulseCycleRef {
  id: string;
  name: string;
  closesOn: string;
}

/** The pulse page: the form, or why there is nothing to answer. */
export type PulsePageState =
  | { kind: "no-open-cycle"; team: PulseTeamRef }
  | { kind: "no-questions"; team: PulseTeamRef; cycle: PulseCycleRef }
  | {
      kind: "ready";
      team: PulseTeamRef;
      cycle: PulseCycleRef;
      threshold: number;
      participants: number;
      availability: PulseAvailability;
      groups: PulseQuestionGroup[];
    };

/** The pulse card of the team page, for the open cycle. */
export interface PulseCardView {
  teamSlug: string;
  availability: PulseAvailability;
  summary: TeamPulseView;
}

/** What answering returns: where the person came from, and nothing about the answer itself. */
export interface AnsweredPulse {
  teamSlug: string;
  cycleName: string;
}
