import { movementWords } from "@/domain/assessments/quarter-changes";
import { formatScore } from "@/domain/format";
import { bandLabel } from "@/ui/band-chip";
import { SectionCard } from "@/ui/section-card";
import { DataTable, type Column } from "@/ui/table";
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

/** Each pitfall's score and band in both quarters, and the move between them in words. */
function movementColumns({
  previousCycleName,
  cycleName,
  preview,
}: QuarterChangesView): Column<PitfallMovementView>[] {
  return [
    { key: "pitfall", header: "Pitfall", rowHeader: true, cell: (movement) => movement.name },
    {
      key: "before",
      header: previousCycleName,
      className: "tabular-nums",
      cell: (movement) => standing(movement.before),
    },
    {
      key: "after",
      header: `${cycleName}${preview ? " (if submitted now)" : ""}`,
      className: "tabular-nums",
      cell: (movement) => standing(movement.after),
    },
    {
      key: "change",
      header: "Change",
      cell: (movement) => (
        <>
          <span aria-hidden="true">{ARROWS[movement.direction]} </span>
          {movementWords(movement)}
          {movement.bandChanged && movement.before && movement.after
            ? `, ${bandLabel(movement.before.band)} → ${bandLabel(movement.after.band)}`
            : ""}
        </>
      ),
    },
  ];
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
      <DataTable
        stackOnPhones
        caption="How each pitfall moved"
        columns={movementColumns(changes)}
        rows={changes.pitfalls}
        rowKey={(movement) => movement.pitfallId}
        empty={null}
      />
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
