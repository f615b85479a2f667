import "server-only";
import { carryAnswersAcrossVersions, content, pitfallById, questionnaireById } from "@/domain/content";
import type { Answers, ContextQuestion, Question, Questionnaire } from "@/domain/content/schema";
import { describePulseContribution, pulseQuestionOf } from "@/domain/pulse/pulse-evidence";
import {
  compileQuestionnaire,
  describeContributionAnswer,
  type AnswerValue,
  type CompiledQuestionnaire,
} from "@/domain/scoring";
import type { AnswerTypeView, QuestionView, SectionView } from "@/contracts/assessments/types";
import type { ProgressQuestion } from "@/domain/assessments/progress";
import { ExpectedError } from "../errors";

export type AnyQuestion = Question | ContextQuestion;

export const TEAM_CONTEXT_TITLE = "Team context";
export const TEAM_CONTEXT_INTRO =
  "A few facts about your team and its most important service. They sharpen the scores: the same answer can mean more or less risk depending on the availability target and the on-call setup.";

/** The questionnaire version a cycle runs on; a cycle pointing at removed content cannot be answered. */
export function questionnaireOfCycle(cycle: { name: string; questionnaireId: string }): Questionnaire {
  const questionnaire = questionnaireById(cycle.questionnaireId);
  if (!questionnaire) {
    throw new ExpectedError(
      "conflict",
      `The questionnaire "${cycle.questionnaireId}" of ${cycle.name} is no longer installed, so its assessments cannot be changed. Ask an admin to restore that content version.`,
    );
  }
  return questionnaire;
}

export function compiledQuestionnaire(questionnaire: Questionnaire): CompiledQuestionnaire {
  // Compiled once per questionnaire object and cached by the engine.
  return compileQuestionnaire({
    questionnaire,
    pitfalls: content.pitfalls,
    countermeasures: content.countermeasures,
  });
}

export interface QuestionIndexEntry {
  question: AnyQuestion;
  sectionTitle: string;
  isContext: boolean;
}

const questionIndexes = new WeakMap<Questionnaire, Map<string, QuestionIndexEntry>>();

/** Every question of a questionnaire (team context first, then section by section), by id. */
export function questionIndex(questionnaire: Questionnaire): Map<string, QuestionIndexEntry> {
  let index = questionIndexes.get(questionnaire);
  if (!index) {
    index = new Map();
    for (const question of questionnaire.context) {
      index.set(question.id, { question, sectionTitle: TEAM_CONTEXT_TITLE, isContext: true });
    }
    for (const section of questionnaire.sections) {
      const sectionTitle = pitfallById(section.pitfallId)?.name ?? section.pitfallId;
      for (const question of section.questions)
        index.set(question.id, { question, sectionTitle, isContext: false });
    }
    questionIndexes.set(questionnaire, index);
  }
  return index;
}

/**
 * The words for one scored answer in "why this score" and on the result page: the question as the
 * team saw it and the answer given, or, for anonymous pulse evidence, what the pulse measured.
 */
export function contributionWords(
  questionnaire: Questionnaire | undefined,
  contribution: {
    questionId: string;
    answer?: "value" | "dontKnow" | "contradiction";
    value: AnswerValue | null;
  },
): { label: string; answer: string } {
  const pulse = questionnaire ? pulseQuestionOf(questionnaire, contribution.questionId) : undefined;
  if (pulse) return describePulseContribution(pulse, contribution.value);
  const question = questionnaire
    ? questionIndex(questionnaire).get(contribution.questionId)?.question
    : undefined;
  return {
    label: question?.prompt ?? contribution.questionId,
    answer: describeContributionAnswer(question, contribution),
  };
}

/** The questions the team's progress counts: all it is asked, none its team context leaves out. */
export function progressQuestions(
  questionnaire: Questionnaire,
  notAsked: ReadonlySet<string>,
): ProgressQuestion[] {
  return [...questionIndex(questionnaire).values()]
    .filter((entry) => !notAsked.has(entry.question.id))
    .map((entry) => ({ id: entry.question.id, required: entry.question.required }));
}

export function contextQuestionIds(questionnaire: Questionnaire): Set<string> {
  return new Set(questionnaire.context.map((question) => question.id));
}

function answerTypeView(question: AnyQuestion): AnswerTypeView {
  const answer = question.answer;
  switch (answer.type) {
    case "agreement":
      return { type: "agreement" };
    case "yesNo":
      return { type: "yesNo" };
    case "choice":
      return { type: "choice", options: answer.options.map(({ value, label }) => ({ value, label })) };
    case "number":
      return { type: "number", unit: answer.unit, min: answer.min, max: answer.max, integer: answer.integer };
  }
}

function questionView(question: AnyQuestion): QuestionView {
  return {
    id: question.id,
    prompt: question.prompt,
    help: question.help,
    answer: answerTypeView(question),
    allowDontKnow: question.allowDontKnow,
    allowNotApplicable: "allowNotApplicable" in question ? question.allowNotApplicable : false,
    required: question.required,
    ...(question.appliesWhen ? { appliesWhen: question.appliesWhen } : {}),
    ...("applicableWhen" in question && question.applicableWhen
      ? { applicableWhen: question.applicableWhen }
      : {}),
  };
}

/** The questionnaire as the page shows it: team context first, then one section per pitfall. */
export function sectionViews(questionnaire: Questionnaire): SectionView[] {
  return [
    {
      anchor: "section-team-context",
      title: TEAM_CONTEXT_TITLE,
      intro: TEAM_CONTEXT_INTRO,
      pitfallId: null,
      questions: questionnaire.context.map(questionView),
    },
    ...questionnaire.sections.map((section) => ({
      anchor: `section-${section.pitfallId}`,
      title: pitfallById(section.pitfallId)?.name ?? section.pitfallId,
      intro: section.intro,
      pitfallId: section.pitfallId,
      questions: section.questions.map(questionView),
    })),
  ];
}

export function questionCount(questionnaire: Questionnaire): number {
  return questionIndex(questionnaire).size;
}

/**
 * Carries answers given against `from` into `to`, one published version at a time, because each
 * version only says how its questions map onto the version it supersedes. When `to` does not
 * descend from `from`, nothing carries over: matching ids alone do not prove matching meaning.
 */
export function carryAnswersForward(from: Questionnaire, to: Questionnaire, answers: Answers): Answers {
  if (from.id === to.id) return carryAnswersAcrossVersions(from, to, answers);
  const chain: Questionnaire[] = [to];
  let cursor: Questionnaire | undefined = to;
  while (cursor?.supersedes && chain.length <= content.questionnaires.length) {
    const previous = questionnaireById(cursor.supersedes.questionnaireId);
    if (!previous) return {};
    chain.unshift(previous);
    if (previous.id === from.id) break;
    cursor = previous;
  }
  if (chain[0]?.id !== from.id) return {};
  let carried = answers;
  for (let step = 1; step < chain.length; step++) {
    carried = carryAnswersAcrossVersions(chain[step - 1]!, chain[step]!, carried);
  }
  return carried;
}
