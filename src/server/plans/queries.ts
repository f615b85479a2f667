import "server-only";
import { can, readsWholeOrganisation, ROLE_LABELS, type Actor } from "@/domain/access/policy";
import { compareCycles } from "@/domain/cycles/cycle-ref";
import { closedLoopOutcome } from "@/domain/plans/closed-loop";
import { commonCountermeasures, TOP_RECOMMENDATIONS_PER_TEAM } from "@/domain/plans/common-countermeasures";
import { cycleFileSlug } from "@/domain/plans/export-formats";
import { pitfallName } from "@/domain/plans/stored-rankings";
import { teamHeadline, toHeadlineView, type HeadlineView } from "@/domain/results/headline";
import {
  asPlanItemStatus,
  completedWithin,
  formatDueDate,
  isClosedStatus,
  isOverdue,
  PLAN_ITEM_STATUS_LABELS,
  planPlacements,
} from "@/domain/plans/plan-item-rules";
import type {
  CampaignCountermeasure,
  CampaignView,
  CycleOption,
  OwnerOption,
  PlansIndexView,
  PlanItemView,
  PlanUnitSummary,
  TeamPlanView,
  UnitPlanItemRef,
  UnitPlanView,
} from "@/contracts/plans/types";
import { authorizeOrgUnit, authorizeTeamBySlug, teamResource } from "../auth/authorize";
import { db } from "../db";
import { orgTimeZone, orgWallClock } from "../org-calendar";
import { NotFoundError } from "../errors";
import { activeUnits, descendantsOf, unitAndDescendantIds } from "./org-units";
import {
  closedLoopOf,
  latestResultAssessment,
  loadPlanItems,
  newestCycleFirst,
  possibleOwners,
  withResults,
  type PlanItemRecord,
  type ResultAssessment,
} from "./plan-data";

function toPlanItemView(
  item: PlanItemRecord,
  latest: ResultAssessment | null,
  today: Date,
  canUpdateProgress: boolean,
): PlanItemView {
  const closedLoop = closedLoopOf(item, latest);
  return {
    canUpdateProgress,
    id: item.id,
    version: item.version,
    countermeasureId: item.countermeasureId,
    action: item.action,
    pitfallId: item.pitfallId,
    pitfallName: item.pitfallName,
    rationale: item.rationale,
    addresses: item.addresses,
    status: item.status,
    statusLabel: PLAN_ITEM_STATUS_LABELS[item.status],
    droppedReason: item.droppedReason,
    notes: item.notes,
    owner: item.owner,
    dueOn: item.dueOn ? formatDueDate(item.dueOn) : null,
    overdue: isOverdue(item, today),
    addedAt: item.createdAt.toISOString(),
    completedAt: item.completedAt?.toISOString() ?? null,
    addedInCycle: item.addedInCycle,
    closedLoop,
    outcome: closedLoopOutcome(closedLoop),
  };
}

/** The headline of stored results, computed from their per-pitfall rows (never the stored average). */
function headlineOfReading(assessment: ResultAssessment): HeadlineView {
  return toHeadlineView(teamHeadline(assessment.reading.pitfalls), pitfallName);
}

function toCycleOption(name: string): CycleOption {
  return { name, slug: cycleFileSlug(name) };
}

/** The team's remediation plan: the ranking of its latest results, and the items it committed to. */
export async function getTeamPlan(actor: Actor, teamSlug: string, now = new Date()): Promise<TeamPlanView> {
  // Due dates and cycles are days of the organisation's calendar.
  const today = orgWallClock(now);
  const team = await authorizeTeamBySlug(actor, "plan:read", teamSlug);
  const resource = teamResource(team);
  const canEdit = can(actor, "plan:edit", resource);
  const [orgUnit, latest, items, owners, cycles] = await Promise.all([
    db.orgUnit.findUnique({ where: { id: team.orgUnitId }, select: { name: true } }),
    latestResultAssessment(team.id),
    loadPlanItems([team.id]),
    canEdit ? possibleOwners(team.id) : Promise.resolve([]),
    db.assessment.findMany({
      where: { teamId: team.id, ...withResults },
      orderBy: newestCycleFirst,
      select: { cycle: { select: { name: true } } },
    }),
  ]);
  const placementOf = planPlacements(items);
  return {
    timeZone: orgTimeZone(),
    team: { id: team.id, slug: team.slug, name: team.name, orgUnitName: orgUnit?.name ?? "" },
    archived: team.archived,
    canEdit,
    canExport: can(actor, "team:export", resource),
    source: latest
      ? { cycleName: latest.cycle.name, submittedAt: latest.submittedAt?.toISOString() ?? null }
      : null,
    headline: latest ? headlineOfReading(latest) : null,
    pitfalls: latest?.reading.pitfalls ?? [],
    recommendations: (latest?.reading.recommendations ?? []).map((recommendation) => ({
      ...recommendation,
      inPlan: placementOf(recommendation.countermeasureId).planItemId !== null,
      planStatus: placementOf(recommendation.countermeasureId).planItemStatus,
    })),
    items: items.map((item) =>
      toPlanItemView(
        item,
        latest,
        today,
        can(actor, "plan:progress", { ...resource, type: "planItem", ownerId: item.owner?.id ?? null }),
      ),
    ),
    owners: owners.map(toOwnerOption),
    exportCycles: cycles.map((row) => toCycleOption(row.cycle.name)),
  };
}

/** Cycles in which any of the given teams (or any team, when null) has submitted results. */
export async function cyclesWithResults(teamIds: readonly string[] | null): Promise<CycleOption[]> {
  const cycles = await db.cycle.findMany({
    where: {
      assessments: { some: { ...withResults, ...(teamIds ? { teamId: { in: [...teamIds] } } : {}) } },
    },
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
    select: { name: true },
  });
  return cycles.map((cycle) => toCycleOption(cycle.name));
}

function countItems(items: readonly { status: PlanItemRecord["status"]; dueOn: Date | null }[], today: Date) {
  return {
    items: items.length,
    open: items.filter((item) => !isClosedStatus(item.status)).length,
    overdue: items.filter((item) => isOverdue(item, today)).length,
    done: items.filter((item) => item.status === "done").length,
    dropped: items.filter((item) => item.status === "dropped").length,
  };
}

/** The org units the actor may read, with their plan counts; the start of a coach's plan work. */
export async function listPlanUnits(actor: Actor, now = new Date()): Promise<PlansIndexView> {
  // Due dates and cycles are days of the organisation's calendar.
  const today = orgWallClock(now);
  const units = await activeUnits();
  const readable = units.filter((unit) =>
    can(actor, "orgUnit:read", { type: "orgUnit", orgUnitId: unit.id }),
  );
  if (readable.length === 0) return { units: [], heatmapCycles: [] };
  const descendants = descendantsOf(units);
  const unitIds = [...new Set(readable.flatMap((unit) => descendants.get(unit.id) ?? [unit.id]))];
  const teams = await db.team.findMany({
    where: { orgUnitId: { in: unitIds }, archivedAt: null },
    select: {
      id: true,
      orgUnitId: true,
      planItems: { select: { status: true, dueOn: true } },
    },
  });
  const summaries: PlanUnitSummary[] = readable.map((unit) => {
    const covered = new Set(descendants.get(unit.id) ?? [unit.id]);
    const unitTeams = teams.filter((team) => covered.has(team.orgUnitId));
    const items = unitTeams.flatMap((team) =>
      team.planItems.map((item) => ({ status: asPlanItemStatus(item.status), dueOn: item.dueOn })),
    );
    return {
      id: unit.id,
      slug: unit.slug,
      name: unit.name,
      teams: unitTeams.length,
      ...countItems(items, today),
    };
  });
  const heatmapCycles = await cyclesWithResults(
    readsWholeOrganisation(actor) ? null : teams.map((team) => team.id),
  );
  return { units: summaries, heatmapCycles };
}

/** The cycle "done this cycle" counts in: the open one, else the latest that has opened. */
async function currentCycle(today: Date) {
  const columns = { name: true, opensOn: true, closesOn: true } as const;
  return (
    (await db.cycle.findFirst({
      where: { status: "open" },
      orderBy: [{ year: "desc" }, { quarter: "desc" }],
      select: columns,
    })) ??
    (await db.cycle.findFirst({
      where: { opensOn: { lte: today } },
      orderBy: [{ year: "desc" }, { quarter: "desc" }],
      select: columns,
    }))
  );
}

function toUnitItemRef(item: PlanItemRecord, team: { slug: string; name: string }): UnitPlanItemRef {
  return {
    id: item.id,
    team,
    action: item.action,
    pitfallName: item.pitfallName,
    owner: item.owner,
    dueOn: item.dueOn ? formatDueDate(item.dueOn) : null,
    completedAt: item.completedAt?.toISOString() ?? null,
    statusLabel: PLAN_ITEM_STATUS_LABELS[item.status],
  };
}

function toOwnerOption(owner: { id: string; name: string; email: string; role: string }): OwnerOption {
  return {
    id: owner.id,
    name: owner.name,
    email: owner.email,
    roleLabel: ROLE_LABELS[owner.role === "team_lead" ? "team_lead" : "member"],
  };
}

/**
 * The campaign form's choices: the unit's teams with results that the person may plan for, and
 * every countermeasure their latest results rank, the most widely recommended first.
 */
async function campaignOf(
  actor: Actor,
  teams: readonly { id: string; slug: string; name: string; orgUnitId: string }[],
  latestByTeam: ReadonlyMap<string, ResultAssessment | null>,
  items: readonly PlanItemRecord[],
): Promise<CampaignView | null> {
  const plannable = teams.filter(
    (team) =>
      latestByTeam.get(team.id) &&
      can(actor, "plan:edit", { type: "team", teamId: team.id, orgUnitId: team.orgUnitId }),
  );
  if (plannable.length === 0) return null;
  const byId = new Map<string, CampaignCountermeasure>();
  for (const team of plannable) {
    const ranked = latestByTeam.get(team.id)?.reading.recommendations ?? [];
    const top = new Set(
      ranked
        .filter((entry) => entry.totalRiskRemoved > 0)
        .slice(0, TOP_RECOMMENDATIONS_PER_TEAM)
        .map((entry) => entry.countermeasureId),
    );
    for (const entry of ranked) {
      const countermeasure = byId.get(entry.countermeasureId) ?? {
        countermeasureId: entry.countermeasureId,
        action: entry.action,
        recommendedFor: [],
        plannedBy: [],
      };
      if (top.has(entry.countermeasureId)) countermeasure.recommendedFor.push(team.slug);
      byId.set(entry.countermeasureId, countermeasure);
    }
  }
  const slugOf = new Map(plannable.map((team) => [team.id, team.slug]));
  for (const item of items) {
    const slug = slugOf.get(item.teamId);
    if (slug) byId.get(item.countermeasureId)?.plannedBy.push(slug);
  }
  const owners = await Promise.all(plannable.map((team) => possibleOwners(team.id)));
  return {
    teams: plannable.map((team, index) => ({
      slug: team.slug,
      name: team.name,
      owners: owners[index]!.map(toOwnerOption),
      defaultOwnerId: owners[index]!.find((owner) => owner.role === "team_lead")?.id ?? null,
    })),
    countermeasures: [...byId.values()].sort(
      (a, b) => b.recommendedFor.length - a.recommendedFor.length || a.action.localeCompare(b.action),
    ),
  };
}

/** An org unit's plans: what comes up most across its teams, what is late, what got done. */
export async function getUnitPlan(actor: Actor, unitSlug: string, now = new Date()): Promise<UnitPlanView> {
  // Due dates and cycles are days of the organisation's calendar.
  const today = orgWallClock(now);
  const found = await db.orgUnit.findUnique({ where: { slug: unitSlug }, select: { id: true } });
  if (!found) throw new NotFoundError();
  const unit = await authorizeOrgUnit(actor, "orgUnit:read", found.id);
  const covered = await unitAndDescendantIds(unit.id);
  const teams = await db.team.findMany({
    where: { orgUnitId: { in: covered }, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, orgUnitId: true },
  });
  const teamIds = teams.map((team) => team.id);
  const [items, latestByTeam, cycle, exportCycles] = await Promise.all([
    loadPlanItems(teamIds),
    Promise.all(teams.map(async (team) => [team.id, await latestResultAssessment(team.id)] as const)).then(
      (entries) => new Map(entries),
    ),
    currentCycle(today),
    cyclesWithResults(teamIds),
  ]);
  const teamById = new Map(teams.map((team) => [team.id, { slug: team.slug, name: team.name }]));
  const itemsOf = (teamId: string) => items.filter((item) => item.teamId === teamId);

  const common = commonCountermeasures(
    items.map((item) => ({
      teamId: item.teamId,
      countermeasureId: item.countermeasureId,
      action: item.action,
      status: item.status,
    })),
    teams.map((team) => ({
      teamId: team.id,
      ranked: latestByTeam.get(team.id)?.reading.recommendations ?? [],
    })),
  );
  // The latest cycle with a result among the unit's teams: the cycle the unit export defaults to,
  // so its PDF summary, counting each team's latest result up to it, counts what this page counts.
  const latestResults = [...latestByTeam.values()].filter((latest) => latest !== null);
  const newest = latestResults.reduce<ResultAssessment | null>(
    (found, latest) => (found === null || compareCycles(latest.cycle, found.cycle) > 0 ? latest : found),
    null,
  );
  const commonBasis = newest
    ? {
        cycleName: newest.cycle.name,
        teamsRanked: latestResults.length,
        teamsRankedEarlier: latestResults.filter((latest) => latest.cycle.id !== newest.cycle.id).length,
      }
    : null;
  const byDueDate = (a: PlanItemRecord, b: PlanItemRecord) =>
    (a.dueOn?.getTime() ?? 0) - (b.dueOn?.getTime() ?? 0);
  const overdue = items
    .filter((item) => isOverdue(item, today))
    .sort(byDueDate)
    .map((item) => toUnitItemRef(item, teamById.get(item.teamId)!));
  const doneThisCycle = cycle
    ? items
        .filter(
          (item) =>
            item.status === "done" &&
            completedWithin(item.completedAt && orgWallClock(item.completedAt), cycle),
        )
        .sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0))
        .map((item) => toUnitItemRef(item, teamById.get(item.teamId)!))
    : [];

  return {
    timeZone: orgTimeZone(),
    unit: { id: unit.id, slug: unit.slug, name: unit.name },
    canExport: can(actor, "orgUnit:export", { type: "orgUnit", orgUnitId: unit.id }),
    campaign: await campaignOf(actor, teams, latestByTeam, items),
    teams: teams.map((team) => {
      const latest = latestByTeam.get(team.id) ?? null;
      return {
        slug: team.slug,
        name: team.name,
        latestCycle: latest?.cycle.name ?? null,
        headline: latest ? headlineOfReading(latest) : null,
        ...countItems(itemsOf(team.id), today),
      };
    }),
    common,
    commonBasis,
    overdue,
    currentCycle: cycle
      ? { name: cycle.name, opensOn: cycle.opensOn.toISOString(), closesOn: cycle.closesOn.toISOString() }
      : null,
    doneThisCycle,
    exportCycles,
  };
}
