import type { OwnAnswersRecordView } from "@/contracts/assessments/types";

/**
 * One's own answers once the team's assessment is submitted: read-only, per pitfall, every question
 * the team was asked with the answer given (or that none was).
 */
export function OwnAnswersRecord({ record, cycleName }: { record: OwnAnswersRecordView; cycleName: string }) {
  return (
    <section aria-labelledby="own-answers-record-heading" className="max-w-3xl space-y-4">
      <div>
        <h2 id="own-answers-record-heading" className="text-xl font-semibold text-slate-900">
          Your answers for {cycleName}
        </h2>
        <p className="text-sm text-slate-700">
          Read-only: {record.answered} of {record.total} answered.
        </p>
      </div>
      {record.sections
        .filter((section) => section.questions.length > 0)
        .map((section) => (
          <div key={section.pitfallId} className="rounded-lg border border-slate-200 bg-white">
            <h3 className="border-b border-slate-200 px-4 py-2 font-semibold text-slate-900">
              {section.title}
            </h3>
            <dl className="divide-y divide-slate-200">
              {section.questions.map((question) => (
                <div key={question.questionId} className="px-4 py-2 text-sm">
                  <dt className="text-slate-700">{question.prompt}</dt>
                  <dd className="mt-0.5 font-medium text-slate-900">
                    {question.answer ?? <span className="font-normal text-slate-600">No answer</span>}
                    {question.carriedOver ? (
                      <span className="font-normal text-slate-600"> (carried over, not confirmed)</span>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
    </section>
  );
}
