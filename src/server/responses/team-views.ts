import "server-only";
import { pitfallById } from "@/domain/content";
import type { Answer, Questionnaire } from "@/domain/content/schema";
import type { AnswerCount, TeamAnswerSummary } from "@/domain/assessments/team-answers";
import { describeAnswerValue, validateAnswer } from "@/domain/scoring";
import { formatQuantity } from "@/domain/scoring/answer-validation";
import { questionPath } from "@/contracts/assessments/paths";
import type {
  IndividualAnswersView,
  IndividualQuestionItem,
  PitfallDisagreementView,
  ReviewIndividualView,
  SpreadQuestionView,
  SuggestedAnswer,
} from "@/contracts/responses/types";
import type { Prisma } from "@/generated/prisma/client";
import { questionIndex, type AnyQuestion } from "../assessments/questionnaire-content";
import { audienceOf, readIndividualAnswers, summariseIndividualAnswers } from "../assessments/team-evidence";

/**
 * What the team's individual answers say, as the team's questionnaire, review and result show it.
 * Counts only: nothing here reads or returns who gave which answer. Callers have already checked
 * that the person may see what they pass on (the spread before submission is "response:summary").
 */

type Reader = Pick<Prisma.TransactionClient, "response" | "responseAnswer">;

/** "Agree", "Yes", "12 per week", "Don't know", "Not applicable: no standby". */
export function describeTeamAnswer(question: AnyQuestion, answer: Answer): string {
  if (answer.kind === "dontKnow") return "Don't know";
  if (answer.kind === "notApplicable") return `Not applicable: ${answer.reason}`;
  return describeAnswerValue(question, answer.value);
}

function countLabel(question: AnyQuestion, entry: AnswerCount): string {
  if (entry.kind === "dontKnow") return "Don't know";
  if (entry.kind === "notApplicable") return "Not applicable";
  return describeAnswerValue(question, entry.value!);
}

/**
 * The answers in words, counts only: "Agree 2 · Disagree 1 · Don't know 1"; numbers are listed
 * from low to high with their median: "2, 5, 12 (median 5 per week) · Don't know 1".
 */
export function describeDistribution(question: AnyQuestion, summary: TeamAnswerSummary): string {
  const answerType = question.answer;
  if (answerType.type !== "number") {
    return summary.counts.map((entry) => `${countLabel(question, entry)} ${entry.count}`).join(" · ");
  }
  const numbers = summary.counts
    .filter((entry) => entry.kind === "value" && typeof entry.value === "number")
    .flatMap((entry) => new Array<number>(entry.count).fill(entry.value as number))
    .sort((a, b) => a - b);
  const others = summary.counts
    .filter((entry) => entry.kind !== "value")
    .map((entry) => `${countLabel(question, entry)} ${entry.count}`);
  if (numbers.length === 0) return others.join(" · ");
  // Percentages keep their sign on each number; other units are named once, on the median.
  const plain = (value: number) => formatQuantity(value, answerType.unit === "percent" ? "percent" : "count");
  const middle = numbers.length >> 1;
  const median = numbers.length % 2 === 1 ? numbers[middle]! : (numbers[middle - 1]! + numbers[middle]!) / 2;
  const listed = `${numbers.map(plain).join(", ")} (median ${describeAnswerValue(question, Math.round(median * 100) / 100)})`;
  return [listed, ...others].join(" · ");
}

function suggestedAnswer(answer: Answer): SuggestedAnswer {
  return {
    kind: answer.kind,
    value: answer.kind === "value" ? answer.value : null,
    reason: answer.kind === "notApplicable" ? answer.reason : null,
  };
}

/** A suggestion the question accepts; one it refuses (the content changed) is not offered. */
function acceptedSuggestion(question: AnyQuestion, summary: TeamAnswerSummary): Answer | null {
  return summary.suggestion && !validateAnswer(question, summary.suggestion) ? summary.suggestion : null;
}

export function individualAnswersView(
  question: AnyQuestion,
  summary: TeamAnswerSummary,
): IndividualAnswersView {
  const suggestion = acceptedSuggestion(question, summary);
  return {
    respondents: summary.respondents,
    distribution: describeDistribution(question, summary),
    split: summary.split,
    suggestion: suggestion ? suggestedAnswer(suggestion) : null,
    suggestionLabel: suggestion ? describeTeamAnswer(question, suggestion) : null,
  };
}

/**
 * The summaries of the assessment's individual answers that `viewerId` may be shown, in the order of
 * the questionnaire.
 */
async function readSummaries(
  reader: Reader,
  assessmentId: string,
  questionnaire: Questionnaire,
  viewerId: string,
) {
  const summaries = summariseIndividualAnswers(
    questionnaire,
    await readIndividualAnswers(reader, assessmentId),
    await audienceOf(reader, assessmentId, viewerId),
  );
  const index = questionIndex(questionnaire);
  return [...index.entries()].flatMap(([questionId, entry]) => {
    const summary = summaries.get(questionId);
    return summary ? [{ questionId, entry, summary }] : [];
  });
}

/** For the team's questionnaire: what the individual answers say, per question anyone answered. */
export async function readIndividualAnswerViews(
  reader: Reader,
  assessmentId: string,
  questionnaire: Questionnaire,
  viewerId: string,
): Promise<Record<string, IndividualAnswersView>> {
  const summaries = await readSummaries(reader, assessmentId, questionnaire, viewerId);
  return Object.fromEntries(
    summaries.map(({ questionId, entry, summary }) => [
      questionId,
      individualAnswersView(entry.question, summary),
    ]),
  );
}

/**
 * "How the team answered": per pitfall, every question someone answered on their own, with the
 * counts, the split marker, the suggestion and the team answer as it stands. Counts only.
 */
export async function readSpreadSections(
  reader: Reader,
  assessmentId: string,
  questionnaire: Questionnaire,
  teamAnswers: Readonly<Record<string, Answer>>,
  viewerId: string,
): Promise<{ pitfallId: string; title: string; questions: SpreadQuestionView[] }[]> {
  const summaries = new Map(
    (await readSummaries(reader, assessmentId, questionnaire, viewerId)).map((entry) => [
      entry.questionId,
      entry,
    ]),
  );
  return questionnaire.sections.flatMap((section) => {
    const questions = section.questions.flatMap((question): SpreadQuestionView[] => {
      const entry = summaries.get(question.id);
      if (!entry) return [];
      const view = individualAnswersView(question, entry.summary);
      const teamAnswer = teamAnswers[question.id];
      return [
        {
          questionId: question.id,
          prompt: question.prompt,
          respondents: view.respondents,
          distribution: view.distribution,
          split: view.split,
          suggestion: view.suggestionLabel,
          teamAnswer: teamAnswer ? describeTeamAnswer(question, teamAnswer) : null,
        },
      ];
    });
    return questions.length === 0
      ? []
      : [
          {
            pitfallId: section.pitfallId,
            title: pitfallById(section.pitfallId)?.name ?? section.pitfallId,
            questions,
          },
        ];
  });
}

/** How many people gave at least one answer of their own. */
export function countRespondents(reader: Reader, assessmentId: string): Promise<number> {
  return reader.response.count({ where: { assessmentId, answers: { some: {} } } });
}

/**
 * The review page's part: how many people answered on their own and, for people who may see the
 * spread, the questions the team is split on and the unanswered team questions the individual
 * answers can fill.
 */
export async function readReviewIndividual(
  reader: Reader,
  assessment: { id: string; teamSlug: string },
  questionnaire: Questionnaire,
  teamAnswered: ReadonlySet<string>,
  viewer: { id: string; maySeeSpread: boolean },
): Promise<ReviewIndividualView> {
  const respondents = await countRespondents(reader, assessment.id);
  if (!viewer.maySeeSpread || respondents === 0) return { respondents, spread: null };
  const summaries = await readSummaries(reader, assessment.id, questionnaire, viewer.id);
  const item = (
    questionId: string,
    sectionTitle: string,
    question: AnyQuestion,
    summary: TeamAnswerSummary,
  ) =>
    ({
      questionId,
      prompt: question.prompt,
      sectionTitle,
      href: questionPath(assessment.teamSlug, questionId),
      distribution: describeDistribution(question, summary),
    }) satisfies IndividualQuestionItem;
  const split = summaries
    .filter(({ summary }) => summary.split)
    .map(({ questionId, entry, summary }) => item(questionId, entry.sectionTitle, entry.question, summary));
  const fillable: (IndividualQuestionItem & { answerLabel: string })[] = [];
  const suggestions: Record<string, SuggestedAnswer> = {};
  for (const { questionId, entry, summary } of summaries) {
    const suggestion = acceptedSuggestion(entry.question, summary);
    if (teamAnswered.has(questionId) || !suggestion) continue;
    fillable.push({
      ...item(questionId, entry.sectionTitle, entry.question, summary),
      answerLabel: describeTeamAnswer(entry.question, suggestion),
    });
    suggestions[questionId] = suggestedAnswer(suggestion);
  }
  return { respondents, spread: { shown: summaries.length, split, fillable, suggestions } };
}

/**
 * "Where the team disagreed": per pitfall, the questions the individual answers are split on, with
 * the counts and the team answer, as `viewerId` may be shown them. Read as they stand: the caller
 * shows a reopened assessment's only to people who may see the spread before submission.
 */
export async function readDisagreements(
  reader: Reader,
  assessmentId: string,
  questionnaire: Questionnaire,
  teamAnswers: Readonly<Record<string, Answer>>,
  viewerId: string,
): Promise<PitfallDisagreementView[]> {
  const summaries = await readSummaries(reader, assessmentId, questionnaire, viewerId);
  const splitQuestions = new Set(summaries.filter(({ summary }) => summary.split).map((s) => s.questionId));
  if (splitQuestions.size === 0) return [];
  const byQuestion = new Map(summaries.map((entry) => [entry.questionId, entry]));
  return questionnaire.sections.flatMap((section) => {
    const questions = section.questions
      .filter((question) => splitQuestions.has(question.id))
      .map((question) => {
        const teamAnswer = teamAnswers[question.id];
        return {
          questionId: question.id,
          prompt: question.prompt,
          distribution: describeDistribution(question, byQuestion.get(question.id)!.summary),
          teamAnswer: teamAnswer ? describeTeamAnswer(question, teamAnswer) : null,
        };
      });
    return questions.length === 0
      ? []
      : [
          {
            pitfallId: section.pitfallId,
            pitfallName: pitfallById(section.pitfallId)?.name ?? section.pitfallId,
            questions,
          },
        ];
  });
}
