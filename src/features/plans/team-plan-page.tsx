import type { ComponentProps, ReactNode } from "react";
import { formatDayLong, formatMomentDayLong, formatScore } from "@/domain/format";
import { TeamHeadlineSummary } from "@/features/results/team-headline";
import { EmptyState } from "@/ui/empty-state";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { TextLink } from "@/ui/text-link";
import { AddToPlan } from "./add-to-plan";
import { ExportForm } from "./export-form";
import { teamExportBasePath } from "@/contracts/plans/paths";
import { PlanHeading } from "./plan-heading";
import { PlanItemEditor } from "./plan-item-editor";
import { ArchivedTeamNotice } from "@/features/assessments/archived-team-notice";
import { PlanItemValues } from "./plan-item-values";
import { RemovePlanItem } from "./remove-plan-item";
import type { PlanItemView, RecommendationView, TeamPlanView } from "@/contracts/plans/types";

const PLAN_HEADING_ID = "plan-heading";

const OUTCOME_BADGES: Record<PlanItemView["outcome"], { label: string; className: string }> = {
  improved: { label: "Improved", className: "border-green-300 bg-green-50 text-green-900" },
  worsened: { label: "Worsened", className: "border-red-300 bg-red-50 text-red-900" },
  unchanged: { label: "Unchanged", className: "border-slate-300 bg-slate-50 text-slate-800" },
  awaiting: { label: "Awaiting a later result", className: "border-slate-300 bg-white text-slate-700" },
  "method-changed": {
    label: "Scoring method changed",
    className: "border-amber-300 bg-amber-50 text-amber-900",
  },
};

const STATUS_BADGES: Record<PlanItemView["status"], string> = {
  todo: "border-slate-300 bg-slate-50 text-slate-800",
  in_progress: "border-blue-300 bg-blue-50 text-blue-900",
  done: "border-green-300 bg-green-50 text-green-900",
  dropped: "border-slate-300 bg-white text-slate-700 line-through decoration-slate-500",
};

function Badge({ className, children }: { className: string; children: ReactNode }) {
  return (
    <span className={`inline-block rounded-full border px-2.5 py-0.5 text-xs font-semibold ${className}`}>
      {children}
    </span>
  );
}

function ClosedLoopLine({ item }: { item: PlanItemView }) {
  const badge = OUTCOME_BADGES[item.outcome];
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-semibold">Closed loop:</span>
      <span>{item.closedLoop.text}</span>
      <Badge className={badge.className}>{badge.label}</Badge>
    </p>
  );
}

function ReadOnlyDetails({ item }: { item: PlanItemView }) {
  return (
    <PlanItemValues
      values={item}
      noOwner="No owner yet"
      formatDue={formatDayLong}
      overdue={item.overdue}
      className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]"
    />
  );
}

/** One plan item or countermeasure: a card in a list, named by its action. */
function PlanCard(props: Omit<ComponentProps<typeof SectionCard>, "as" | "headingLevel">) {
  return (
    <li>
      <SectionCard as="article" headingLevel={3} {...props} />
    </li>
  );
}

/** The item at a glance: who owns it and when it is due, next to its status and overdue badges. */
function ItemSummary({ item }: { item: PlanItemView }) {
  return (
    <p>
      {item.owner ? `Owner: ${item.owner.name}` : "No owner yet"} ·{" "}
      {item.dueOn ? `due ${formatDayLong(item.dueOn)}` : "no due date"}
    </p>
  );
}

/**
 * A compact plan item: its summary and closed loop, with the rationale and (for those who may
 * change the plan) the editor folded away until opened.
 */
function PlanItemCard({ item, plan }: { item: PlanItemView; plan: TeamPlanView }) {
  const headingId = `plan-item-${item.id}`;
  // The item's owner marks its progress without editing the rest of the plan.
  const ownsProgress = !plan.canEdit && item.canUpdateProgress;
  return (
    <PlanCard
      id={headingId}
      title={item.action}
      description={<ItemSummary item={item} />}
      className="space-y-3"
      actions={
        <>
          <Badge className={STATUS_BADGES[item.status]}>{item.statusLabel}</Badge>
          {item.overdue ? <Badge className="border-red-300 bg-red-50 text-red-900">Overdue</Badge> : null}
        </>
      }
    >
      <ClosedLoopLine item={item} />
      {plan.canEdit ? null : <ReadOnlyDetails item={item} />}
      <details className="border-t border-slate-200 pt-3">
        <summary className="cursor-pointer text-sm font-semibold text-blue-800 underline-offset-4 hover:underline">
          {plan.canEdit ? "Details and edit" : ownsProgress ? "Details and progress" : "Details"}
          <span className="sr-only">: {item.action}</span>
        </summary>
        <div className="mt-3 space-y-4">
          <p className="text-sm text-slate-700">
            <span className="font-semibold text-slate-900">{item.pitfallName}:</span> so that {item.rationale}
            .
          </p>
          {item.addresses.length > 0 ? (
            <p className="text-sm text-slate-700">
              <span className="font-semibold text-slate-900">Symptoms addressed:</span>{" "}
              {item.addresses.map((symptom) => symptom.title).join("; ")}
            </p>
          ) : null}
          {plan.canEdit ? (
            <>
              <PlanItemEditor
                item={item}
                owners={plan.owners}
                teamSlug={plan.team.slug}
                headingId={headingId}
                timeZone={plan.timeZone}
              />
              <RemovePlanItem
                itemId={item.id}
                version={item.version}
                action={item.action}
                teamSlug={plan.team.slug}
              />
            </>
          ) : ownsProgress ? (
            <>
              <p className="text-sm text-slate-700">
                You own this item: update its status and notes as the work goes. The team lead and the
                unit&apos;s coach change its owner and due date.
              </p>
              <PlanItemEditor
                item={item}
                owners={plan.owners}
                teamSlug={plan.team.slug}
                headingId={headingId}
                timeZone={plan.timeZone}
                progressOnly
              />
            </>
          ) : null}
        </div>
      </details>
    </PlanCard>
  );
}

function RecommendationCard({
  recommendation,
  plan,
}: {
  recommendation: RecommendationView;
  plan: TeamPlanView;
}) {
  const headingId = `recommendation-${recommendation.countermeasureId}`;
  const served = recommendation.pitfalls.filter((pitfall) => pitfall.riskRemoved > 0).length;
  return (
    <PlanCard
      id={headingId}
      title={recommendation.action}
      description={
        recommendation.totalRiskRemoved > 0
          ? `Removes ${formatScore(recommendation.totalRiskRemoved)} risk points across ${served} pitfall${served === 1 ? "" : "s"}`
          : "Removes no risk found by this assessment"
      }
      actions={
        plan.canEdit ? (
          <AddToPlan
            teamSlug={plan.team.slug}
            countermeasureId={recommendation.countermeasureId}
            action={recommendation.action}
            inPlan={recommendation.inPlan}
            dropped={recommendation.planStatus === "dropped"}
          />
        ) : recommendation.inPlan ? (
          <p className="text-sm font-medium text-slate-700">
            {recommendation.planStatus === "dropped" ? "Dropped from the plan" : "In the plan"}
          </p>
        ) : null
      }
    >
      <ul className="space-y-2 text-sm">
        {recommendation.pitfalls.map((pitfall) => {
          const triggered = pitfall.addresses.filter((symptom) => symptom.triggered);
          return (
            <li key={pitfall.pitfallId} className="text-slate-700">
              <span className="font-semibold text-slate-900">{pitfall.pitfallName}</span>
              {pitfall.riskRemoved > 0 ? ` (${formatScore(pitfall.riskRemoved)} points)` : ""}: so that{" "}
              {pitfall.rationale}.
              <br />
              <span className="text-slate-600">
                Symptoms addressed: {pitfall.addresses.map((symptom) => symptom.title).join("; ")}
                {triggered.length > 0
                  ? ` (triggered: ${triggered.map((symptom) => symptom.title).join("; ")})`
                  : " (none triggered)"}
              </span>
            </li>
          );
        })}
      </ul>
    </PlanCard>
  );
}

/** Ranked countermeasures are an ordered list; the ones that remove no risk are not ranked. */
function RecommendationList({
  recommendations,
  plan,
  ordered = false,
  className = "",
}: {
  recommendations: readonly RecommendationView[];
  plan: TeamPlanView;
  ordered?: boolean;
  className?: string;
}) {
  const List = ordered ? "ol" : "ul";
  return (
    <List className={`space-y-4 ${className}`}>
      {recommendations.map((recommendation) => (
        <RecommendationCard
          key={recommendation.countermeasureId}
          recommendation={recommendation}
          plan={plan}
        />
      ))}
    </List>
  );
}

export function TeamPlanPage({ plan }: { plan: TeamPlanView }) {
  const ranked = plan.recommendations.filter((recommendation) => recommendation.totalRiskRemoved > 0);
  const others = plan.recommendations.filter((recommendation) => recommendation.totalRiskRemoved <= 0);
  return (
    <div className="space-y-10">
      <PageHeader
        title={`Remediation plan: ${plan.team.name}`}
        description={
          <div className="space-y-2">
            <p className="max-w-3xl">
              {plan.source
                ? `Countermeasures are ranked from the ${plan.source.cycleName} assessment${
                    plan.source.submittedAt
                      ? `, submitted on ${formatMomentDayLong(plan.source.submittedAt, plan.timeZone)}`
                      : ""
                  }. Each plan item shows how its pitfall’s score has moved since it was added.`
                : "The team has not submitted an assessment yet. Once it has, its ranked countermeasures appear here."}
            </p>
            {plan.source && plan.headline ? (
              <div className="space-y-1" aria-labelledby="plan-headline-label" role="group">
                <p id="plan-headline-label" className="text-sm font-medium text-slate-700">
                  Headline of the {plan.source.cycleName} result
                </p>
                <TeamHeadlineSummary headline={plan.headline} size="compact" />
              </div>
            ) : null}
            {plan.archived ? (
              <ArchivedTeamNotice />
            ) : !plan.canEdit ? (
              <p className="max-w-3xl text-sm">
                You can read this plan. The team lead and the unit’s coach change it
                {plan.items.some((item) => item.canUpdateProgress)
                  ? "; you update the status and notes of the items you own."
                  : "."}
              </p>
            ) : null}
          </div>
        }
      >
        <p className="text-sm">
          <TextLink href={`/team/${encodeURIComponent(plan.team.slug)}`}>{plan.team.name}</TextLink> ·{" "}
          {plan.team.orgUnitName}
        </p>
      </PageHeader>

      {plan.canExport ? (
        <ExportForm
          action={teamExportBasePath(plan.team.slug)}
          legend="Download the plan"
          cycles={plan.exportCycles}
          description="Scores, triggered symptoms and plan items of the chosen cycle, as Markdown for a wiki, CSV for Jira import, a PDF summary or JSON. The only people named are plan items’ owners: by name, and by email in the Jira CSV and JSON."
        />
      ) : null}

      <section aria-labelledby={PLAN_HEADING_ID} className="space-y-4">
        <PlanHeading id={PLAN_HEADING_ID} count={plan.items.length} />
        {plan.items.length === 0 ? (
          <EmptyState>
            The plan has no items yet.
            {plan.canEdit && plan.recommendations.length > 0
              ? " Add countermeasures from the ranking below."
              : ""}
          </EmptyState>
        ) : (
          <ul className="space-y-4">
            {plan.items.map((item) => (
              <PlanItemCard key={item.id} item={item} plan={plan} />
            ))}
          </ul>
        )}
      </section>

      {plan.source ? (
        <SectionCard
          title="Ranked countermeasures"
          id="ranking-heading"
          plain
          description={
            <p className="max-w-3xl">
              Most urgent first, as on the result: each figure is the points of score a countermeasure would
              remove in the {plan.source.cycleName} assessment, and a point removed from a pitfall in a worse
              band counts for more (from a Critical pitfall four times one from a Low), so the first steps
              work on the team&apos;s worst pitfalls before larger totals elsewhere.
            </p>
          }
        >
          {ranked.length === 0 ? (
            <EmptyState>
              No symptoms were triggered in a pitfall with risk, so no countermeasure would remove risk.
            </EmptyState>
          ) : (
            <RecommendationList ordered recommendations={ranked} plan={plan} />
          )}
          {others.length > 0 ? (
            <details className="rounded-lg border border-slate-200 bg-white p-5">
              <summary className="cursor-pointer font-semibold">
                Other countermeasures ({others.length}) that this assessment found no risk for
              </summary>
              <RecommendationList recommendations={others} plan={plan} className="mt-4" />
            </details>
          ) : null}
        </SectionCard>
      ) : null}
    </div>
  );
}
