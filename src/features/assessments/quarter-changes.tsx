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
  "awaiting-answers": "…",
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
      cell: (movement) =>
        movement.direction === "awaiting-answers" ? "Held back until answered" : standing(movement.after),
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
 * An incomplete draft's preview would show drops that come only from unanswered questions: say
 * how many are missing and that the pitfalls concerned show no figure yet.
 */
function IncompleteDraftNotice({ changes }: { changes: QuarterChangesView }) {
  const { total, context } = changes.missingRequired;
  if (!changes.preview || total === 0) return null;
  const heldBack = changes.pitfalls.filter((movement) => movement.direction === "awaiting-answers").length;
  return (
    <div
      className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3 text-sm text-amber-950"
      data-testid="incomplete-preview"
    >
      <p className="font-semibold">
        {total} required {total === 1 ? "question is" : "questions are"} still without an answer, so these are
        not yet the scores submitting would give.
      </p>
      {heldBack > 0 ? (
        <p className="mt-1">
          The {pitfallsPhrase(heldBack)} with unanswered required questions{" "}
          {heldBack === 1 ? "shows" : "show"} no {changes.cycleName} figure until they are answered: an empty
          answer would move {heldBack === 1 ? "its score" : "their scores"} in a way the team&apos;s real
          answers will not.
        </p>
      ) : null}
      {context > 0 ? (
        <p className="mt-1">
          {context} of them {context === 1 ? "is a team context question" : "are team context questions"},
          which can move every pitfall&apos;s figure.
        </p>
      ) : null}
    </div>
  );
}

function pitfallsPhrase(count: number): string {
  return count === 1 ? "pitfall" : `${count} pitfalls`;
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
      <IncompleteDraftNotice changes={changes} />
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
