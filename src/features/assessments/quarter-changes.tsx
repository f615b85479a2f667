import { movementWords } from "@/domain/assessments/quarter-changes";
import { formatScore } from "@/domain/format";
import { bandLabel } from "@/ui/band-chip";
import { SectionCard } from "@/ui/section-card";
import type { PitfallMovementView, QuarterChangesView } from "@/contracts/assessments/types";

const ARROWS: Record<PitfallMovementView["direction"], string> = {
  up: "↑",
  down: "↓",
  same: "→",
  "newly-scored": "•",
  "no-longer-scored": "•",
  unscored: "–",
};

function standing(value: PitfallMovementView["before"]): string {
  return value ? `${formatScore(value.score)} ${bandLabel(value.band)}` : "Not scored";
}

/**
 * "What changed since last quarter": each pitfall's score and band then and now, and the answers
 * that changed (old → new). On the review page the scores are a preview of submitting now.
 */
export function QuarterChanges({
  changes,
  headingLevel = 2,
}: {
  changes: QuarterChangesView;
  headingLevel?: 2 | 3;
}) {
  const { previousCycleName, cycleName } = changes;
  return (
    <SectionCard
      id="changes-heading"
      headingLevel={headingLevel}
      title={`What changed since ${previousCycleName}`}
      description={
        changes.preview
          ? `The ${cycleName} scores are what submitting the answers as they are now would give.`
          : `${previousCycleName} against ${cycleName}, for this team.`
      }
    >
      {changes.methodChanged ? (
        <p className="text-sm text-slate-700">
          {previousCycleName} was scored with an earlier scoring method, so its scores compare loosely.
        </p>
      ) : null}
      <div className="overflow-x-auto" role="region" aria-labelledby="pitfall-moves-caption" tabIndex={0}>
        <table className="w-full min-w-[32rem] text-left text-sm" data-testid="pitfall-movements">
          <caption id="pitfall-moves-caption" className="mb-2 text-left font-semibold text-slate-900">
            How each pitfall moved
          </caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">
                Pitfall
              </th>
              <th scope="col" className="py-2 pr-3">
                {previousCycleName}
              </th>
              <th scope="col" className="py-2 pr-3">
                {cycleName}
                {changes.preview ? " (if submitted now)" : ""}
              </th>
              <th scope="col" className="py-2">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {changes.pitfalls.map((movement) => (
              <tr key={movement.pitfallId} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-3 font-medium">
                  {movement.name}
                </th>
                <td className="py-2 pr-3 tabular-nums">{standing(movement.before)}</td>
                <td className="py-2 pr-3 tabular-nums">{standing(movement.after)}</td>
                <td className="py-2">
                  <span aria-hidden="true">{ARROWS[movement.direction]} </span>
                  {movementWords(movement)}
                  {movement.bandChanged && movement.before && movement.after
                    ? `, ${bandLabel(movement.before.band)} → ${bandLabel(movement.after.band)}`
                    : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3 className="font-semibold text-slate-900">Answers that changed ({changes.answers.length})</h3>
        {changes.answers.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">Every answer is the same as in {previousCycleName}.</p>
        ) : (
          <ul
            className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200"
            data-testid="answer-changes"
          >
            {changes.answers.map((change) => (
              <li key={change.questionId} className="px-4 py-2 text-sm">
                <p className="font-medium text-slate-900">{change.prompt}</p>
                <p className="text-slate-700">
                  {change.sectionTitle}: {change.before ?? "no answer"} <span aria-hidden="true">→</span>
                  <span className="sr-only"> changed to </span> {change.after ?? "no answer"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </SectionCard>
  );
}
