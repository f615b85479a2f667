"use client";

import type { QuestionView } from "@/contracts/assessments/types";
import type { IndividualAnswersView, SuggestedAnswer } from "@/contracts/responses/types";
import { Button } from "@/ui/button";
import { draftFromAnswer, type AnswerDraft } from "../assessments/answer-draft";
import { TeamSplitMarker } from "./team-split-marker";

function sameDraft(a: AnswerDraft, b: AnswerDraft): boolean {
  return a.mode === b.mode && a.value === b.value && a.reason.trim() === b.reason.trim();
}

/**
 * Under a question of the team's questionnaire, for the people who may see it: how the team
 * answered on their own (counts, never names), whether it is split, and the team answer those
 * answers suggest, with "Use this answer" to set it through the questionnaire's normal autosave.
 */
export function IndividualAnswersSummary({
  id,
  question,
  individual,
  draft,
  disabled,
  onUse,
}: {
  /** Referenced by the question's group, so screen readers announce it with the question. */
  id: string;
  question: QuestionView;
  individual: IndividualAnswersView;
  draft: AnswerDraft;
  disabled: boolean;
  onUse: (suggestion: SuggestedAnswer) => void;
}) {
  const { suggestion } = individual;
  const applied = suggestion ? sameDraft(draftFromAnswer(question, suggestion, draft.note), draft) : false;
  const people = individual.respondents === 1 ? "1 person" : `${individual.respondents} people`;
  return (
    <div
      data-testid="individual-answers"
      className={`mt-4 space-y-2 rounded-md border p-3 text-sm ${individual.split ? "border-amber-600 bg-amber-50" : "border-slate-200 bg-slate-50"}`}
    >
      <div id={id} className="space-y-1">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <p className="font-semibold text-slate-900">The team&apos;s own answers ({people})</p>
          {individual.split ? <TeamSplitMarker /> : null}
        </div>
        <p className="text-slate-800">{individual.distribution}</p>
        {suggestion ? (
          <p className="text-slate-800">
            Suggested team answer: <span className="font-semibold">{individual.suggestionLabel}</span>
            {applied ? <span className="text-slate-700"> (the team answer now)</span> : null}
          </p>
        ) : null}
      </div>
      {suggestion && !applied ? (
        <Button
          type="button"
          variant="secondary"
          disabled={disabled}
          onClick={() => onUse(suggestion)}
          className="px-3 py-1"
        >
          Use this answer<span className="sr-only">: {question.prompt}</span>
        </Button>
      ) : null}
    </div>
  );
}
