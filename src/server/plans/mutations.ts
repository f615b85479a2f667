import "server-only";
import { can, type Actor } from "@/domain/access/policy";
import {
  applyStatusChange,
  asPlanItemStatus,
  formatDueDate,
  isNewPastDueDate,
  PAST_DUE_DATE_MESSAGE,
  PLAN_ITEM_STATUS_LABELS,
  STATUS_CHANGE_MESSAGES,
} from "@/domain/plans/plan-item-rules";
import { scoreOfPitfall } from "@/domain/plans/stored-rankings";
import {
  campaignFieldNames,
  type AddCampaignInput,
  type AddPlanItemInput,
  type RemovePlanItemInput,
  type UpdatePlanItemInput,
  type UpdatePlanItemProgressInput,
} from "@/contracts/plans/schemas";
import type { PlanItemConflictDetails } from "@/contracts/plans/types";
import type { Prisma } from "@/generated/prisma/client";
import { writeAudit } from "../audit/audit";
import {
  ARCHIVED_TEAM_MESSAGE,
  authorizeOrgUnit,
  authorizeTeam,
  authorizeTeamChange,
  authorizeTeamChangeBySlug,
  type TeamRef,
} from "../auth/authorize";
import { db } from "../db";
import { orgWallClock } from "../org-calendar";
import { isUniqueConstraintViolation } from "../db-errors";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { unitAndDescendantIds } from "./org-units";
import { latestResultAssessment, type ResultAssessment } from "./plan-data";

type Transaction = Prisma.TransactionClient;

const GONE_MESSAGE =
  "This item is no longer in the plan: someone removed it a moment ago. Reload the page to see the plan as it is.";

const auditedColumns = {
  id: true,
  teamId: true,
  version: true,
  countermeasureId: true,
  pitfallId: true,
  ownerId: true,
  dueOn: true,
  status: true,
  droppedReason: true,
  notes: true,
  completedAt: true,
  updatedAt: true,
  owner: { select: { id: true, name: true, email: true } },
} as const;

type AuditedItem = Prisma.PlanItemGetPayload<{ select: typeof auditedColumns }>;

/** What the audit log keeps of an item: its editable fields, never the owner's details beyond the id. */
function auditSnapshot(item: Omit<AuditedItem, "owner" | "updatedAt" | "id" | "teamId">) {
  return {
    countermeasureId: item.countermeasureId,
    pitfallId: item.pitfallId,
    ownerId: item.ownerId,
    dueOn: item.dueOn ? formatDueDate(item.dueOn) : null,
    status: item.status,
    droppedReason: item.droppedReason,
    notes: item.notes,
    completedAt: item.completedAt?.toISOString() ?? null,
    version: item.version,
  };
}

function conflictDetails(item: AuditedItem): PlanItemConflictDetails {
  const status = asPlanItemStatus(item.status);
  return {
    kind: "plan-item-conflict",
    current: {
      version: item.version,
      owner: item.owner,
      dueOn: item.dueOn ? formatDueDate(item.dueOn) : null,
      status,
      statusLabel: PLAN_ITEM_STATUS_LABELS[status],
      droppedReason: item.droppedReason,
      notes: item.notes,
      updatedAt: item.updatedAt.toISOString(),
    },
  };
}

function staleEdit(item: AuditedItem): ConflictError {
  return new ConflictError(
    "Someone else changed this item while you were editing it, so your changes were not saved. Compare them with the current values below, then save again.",
    conflictDetails(item),
  );
}

/**
 * The team whose plan an item change applies to, authorised for plan edits. From the plan page,
 * it is the page's team, and an item not in its plan is reported as removed (another team's item
 * reads the same as one that never existed). Without the page's team, it is read from the item,
 * so an id from the client cannot pick the team, and an unknown id is as not found as an item of
 * a team the caller cannot see.
 */
async function authorizeItemChange(actor: Actor, input: { itemId: string; teamSlug?: string }) {
  if (input.teamSlug !== undefined) return authorizeTeamChangeBySlug(actor, "plan:edit", input.teamSlug);
  const item = await db.planItem.findUnique({ where: { id: input.itemId }, select: { teamId: true } });
  if (!item) throw new NotFoundError();
  return authorizeTeamChange(actor, "plan:edit", item.teamId);
}

/** The countermeasure's entry in the team's latest ranking, which every copied field comes from. */
function rankedEntry(latest: ResultAssessment, countermeasureId: string) {
  const recommendation = latest.reading.recommendations.find(
    (entry) => entry.countermeasureId === countermeasureId,
  );
  const tracked = recommendation?.pitfalls[0];
  return recommendation && tracked ? { recommendation, tracked } : null;
}

type RankedEntry = NonNullable<ReturnType<typeof rankedEntry>>;

/** Creates one plan item from a ranked countermeasure and writes its audit event in the same transaction. */
async function createPlanItem(
  tx: Transaction,
  actor: Actor,
  teamId: string,
  latest: ResultAssessment,
  { recommendation, tracked }: RankedEntry,
  assignment: { ownerId: string | null; dueOn: Date | null } = { ownerId: null, dueOn: null },
): Promise<string> {
  const item = await tx.planItem.create({
    data: {
      teamId,
      countermeasureId: recommendation.countermeasureId,
      pitfallId: tracked.pitfallId,
      rationale: tracked.rationale,
      addresses: JSON.stringify(tracked.addresses.map((symptom) => symptom.symptomId)),
      sourceAssessmentId: latest.id,
      scoreWhenAdded: scoreOfPitfall(latest.reading.pitfalls, tracked.pitfallId),
      scoreMethodVersion: latest.scoringMethodVersion,
      createdById: actor.id,
      ownerId: assignment.ownerId,
      dueOn: assignment.dueOn,
    },
    select: auditedColumns,
  });
  await writeAudit(tx, {
    actorId: actor.id,
    action: "plan_item.added",
    entityType: "plan_item",
    entityId: item.id,
    teamId,
    after: { ...auditSnapshot(item), sourceAssessmentId: latest.id, cycle: latest.cycle.name },
  });
  return item.id;
}

/**
 * Adds a countermeasure from the team's latest submitted ranking to its plan. Everything copied
 * onto the item (pitfall, rationale, symptoms, score) comes from the stored results, not from the
 * request.
 */
export async function addPlanItem(actor: Actor, input: AddPlanItemInput): Promise<{ itemId: string }> {
  const team = await authorizeTeamChangeBySlug(actor, "plan:edit", input.teamSlug);
  const latest = await latestResultAssessment(team.id);
  if (!latest) {
    throw new ConflictError("The team has no submitted assessment yet, so there is nothing to plan from.");
  }
  const entry = rankedEntry(latest, input.countermeasureId);
  if (!entry) {
    throw new ValidationError("That countermeasure is not in the team's latest ranking.", {
      countermeasureId: ["Choose a countermeasure from the list"],
    });
  }
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.planItem.findUnique({
        where: { teamId_countermeasureId: { teamId: team.id, countermeasureId: input.countermeasureId } },
        select: { id: true },
      });
      if (existing) throw alreadyPlanned(entry.recommendation.action);
      return { itemId: await createPlanItem(tx, actor, team.id, latest, entry) };
    });
  } catch (error) {
    // Two people adding the same countermeasure at once: the unique index lets only one through.
    if (isUniqueConstraintViolation(error)) throw alreadyPlanned(entry.recommendation.action);
    throw error;
  }
}

function alreadyPlanned(action: string): ConflictError {
  return new ConflictError(`“${action}” is already in the plan. Reload the page to see it.`);
}

const OWNER_MESSAGE = "Choose someone with a role on this team";

/** Whether the owner holds a role on the team (no owner is fine). */
async function ownerOnTeam(tx: Transaction, teamId: string, ownerId: string | null): Promise<boolean> {
  if (ownerId === null) return true;
  const grant = await tx.roleAssignment.findFirst({
    where: { teamId, userId: ownerId, role: { in: ["team_lead", "member"] }, user: { deactivatedAt: null } },
    select: { id: true },
  });
  return grant !== null;
}

/** Owners must hold a role on the team; anyone else is refused with a field-level message. */
async function checkOwner(
  tx: Transaction,
  teamId: string,
  ownerId: string | null,
  field = "ownerId",
  message = OWNER_MESSAGE,
): Promise<void> {
  if (!(await ownerOnTeam(tx, teamId, ownerId))) {
    throw new ValidationError("Some fields need attention.", { [field]: [message] });
  }
}

/**
 * The item as the editor loaded it: refused as gone when someone removed it, and as stale (with the
 * values saved since) when its version moved on.
 */
async function itemAtVersion(
  tx: Transaction,
  teamId: string,
  input: { itemId: string; expectedVersion: number },
) {
  const current = await tx.planItem.findFirst({
    where: { id: input.itemId, teamId },
    select: auditedColumns,
  });
  if (!current) throw new NotFoundError(GONE_MESSAGE);
  if (current.version !== input.expectedVersion) throw staleEdit(current);
  return current;
}

/**
 * Saves an item's owner, due date, status and notes. The write only applies to the version the
 * editor loaded (one conditional update), so of two concurrent saves the second is refused with
 * the values the first one saved, never silently overwritten.
 */
export async function updatePlanItem(actor: Actor, input: UpdatePlanItemInput): Promise<{ version: number }> {
  const team = await authorizeItemChange(actor, input);
  return db.$transaction(async (tx) => {
    const current = await itemAtVersion(tx, team.id, input);
    // Every field's problem at once, so the editor shows them together rather than one per save.
    const problems: Record<string, string[]> = {};
    // Keeping the owner an item already has is not choosing one: an owner who has since left the
    // team (or been deactivated) stays until someone hands the item over, and the item can still
    // be marked done, dropped or annotated meanwhile. Choosing a new owner needs a role on the team.
    const ownerChanged = input.ownerId !== current.ownerId;
    if (ownerChanged && !(await ownerOnTeam(tx, team.id, input.ownerId))) problems.ownerId = [OWNER_MESSAGE];
    if (isNewPastDueDate(input.dueOn, orgWallClock(), current.dueOn))
      problems.dueOn = [PAST_DUE_DATE_MESSAGE];
    const change = applyStatusChange(
      {
        status: asPlanItemStatus(current.status),
        droppedReason: current.droppedReason,
        completedAt: current.completedAt,
      },
      { status: input.status, droppedReason: input.droppedReason },
      new Date(),
    );
    if (!change.ok) problems.droppedReason = [STATUS_CHANGE_MESSAGES[change.problem]];
    if (!change.ok || Object.keys(problems).length > 0) {
      throw new ValidationError("Some fields need attention.", problems);
    }
    const data = {
      ownerId: input.ownerId,
      dueOn: input.dueOn,
      status: change.progress.status,
      droppedReason: change.progress.droppedReason,
      completedAt: change.progress.completedAt,
      notes: input.notes,
    };
    const claimed = await tx.planItem.updateMany({
      where: { id: current.id, teamId: team.id, version: input.expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    if (claimed.count === 0) {
      const now = await tx.planItem.findFirst({ where: { id: current.id }, select: auditedColumns });
      if (!now) throw new NotFoundError(GONE_MESSAGE);
      throw staleEdit(now);
    }
    const version = current.version + 1;
    const before = auditSnapshot(current);
    const after = auditSnapshot({ ...current, ...data, version });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "plan_item.updated",
      entityType: "plan_item",
      entityId: current.id,
      teamId: team.id,
      before,
      after,
    });
    return { version };
  });
}

/** Removes an item from the plan, only from the version the person confirmed removing. */
export async function removePlanItem(actor: Actor, input: RemovePlanItemInput): Promise<null> {
  const team = await authorizeItemChange(actor, input);
  return db.$transaction(async (tx) => {
    const current = await itemAtVersion(tx, team.id, input);
    const removed = await tx.planItem.deleteMany({
      where: { id: current.id, teamId: team.id, version: input.expectedVersion },
    });
    if (removed.count === 0) {
      const now = await tx.planItem.findFirst({ where: { id: current.id }, select: auditedColumns });
      if (!now) throw new NotFoundError(GONE_MESSAGE);
      throw staleEdit(now);
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "plan_item.removed",
      entityType: "plan_item",
      entityId: current.id,
      teamId: team.id,
      before: auditSnapshot(current),
    });
    return null;
  });
}

export interface CampaignTeamOutcome {
  teamSlug: string;
  teamName: string;
}

export interface CampaignResult {
  action: string;
  added: (CampaignTeamOutcome & { itemId: string })[];
  /** Teams that already had the countermeasure in their plan: left as they were. */
  alreadyPlanned: CampaignTeamOutcome[];
}

/** How often a campaign is retried when another person's add for one of its teams wins a race. */
const CAMPAIGN_ATTEMPTS = 3;

/**
 * A coach's campaign: one countermeasure added to several teams' plans at once, each item with its
 * own owner and due date. Every team is checked on its own (in the unit, within the person's
 * reach, not archived, with results that rank the countermeasure); one refusal refuses the whole
 * campaign and nothing is written. Teams that already plan the countermeasure are skipped and
 * reported. The items and their audit events are written in one transaction.
 */
export async function addCampaign(actor: Actor, input: AddCampaignInput): Promise<CampaignResult> {
  const found = await db.orgUnit.findUnique({ where: { slug: input.unitSlug }, select: { id: true } });
  if (!found) throw new NotFoundError();
  const unit = await authorizeOrgUnit(actor, "orgUnit:read", found.id);
  const covered = new Set(await unitAndDescendantIds(unit.id));
  const targets: {
    team: TeamRef;
    request: AddCampaignInput["teams"][number];
    latest: ResultAssessment;
    entry: RankedEntry;
  }[] = [];
  const today = orgWallClock();
  for (const request of input.teams) {
    const team = await authorizeTeamChangeBySlug(actor, "plan:edit", request.teamSlug);
    // A team of another unit is refused even when the person may plan for it: the page never offered it.
    if (!covered.has(team.orgUnitId)) throw new NotFoundError();
    const latest = await latestResultAssessment(team.id);
    const entry = latest ? rankedEntry(latest, input.countermeasureId) : null;
    if (!latest || !entry) {
      throw new ValidationError(`${team.name} has no submitted results that rank this countermeasure.`, {
        [campaignFieldNames(team.slug).selected]: ["No results rank this countermeasure for this team"],
      });
    }
    if (isNewPastDueDate(request.dueOn, today)) {
      // A team without a date of its own took the default: that is the field to correct.
      if (request.dueOnIsDefault) {
        throw new ValidationError("The default due date has passed.", {
          defaultDueOn: [PAST_DUE_DATE_MESSAGE],
        });
      }
      throw new ValidationError(`The due date for ${team.name} has passed.`, {
        [campaignFieldNames(team.slug).dueOn]: [PAST_DUE_DATE_MESSAGE],
      });
    }
    targets.push({ team, request, latest, entry });
  }
  const action = targets[0]!.entry.recommendation.action;
  // Writing teams in one fixed order makes two overlapping campaigns wait for each other on
  // PostgreSQL instead of deadlocking; the result still lists teams in the order they were asked for.
  const inWriteOrder = [...targets].sort((a, b) =>
    a.team.id < b.team.id ? -1 : a.team.id > b.team.id ? 1 : 0,
  );
  const requestOrder = new Map(targets.map((target, index) => [target.team.slug, index]));
  const byRequestOrder = (a: CampaignTeamOutcome, b: CampaignTeamOutcome) =>
    requestOrder.get(a.teamSlug)! - requestOrder.get(b.teamSlug)!;

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const result: CampaignResult = { action, added: [], alreadyPlanned: [] };
        for (const { team, request, latest, entry } of inWriteOrder) {
          const outcome = { teamSlug: team.slug, teamName: team.name };
          const existing = await tx.planItem.findUnique({
            where: { teamId_countermeasureId: { teamId: team.id, countermeasureId: input.countermeasureId } },
            select: { id: true },
          });
          if (existing) {
            result.alreadyPlanned.push(outcome);
            continue;
          }
          await checkOwner(
            tx,
            team.id,
            request.ownerId,
            campaignFieldNames(team.slug).ownerId,
            `Choose someone with a role on ${team.name}`,
          );
          const itemId = await createPlanItem(tx, actor, team.id, latest, entry, request);
          result.added.push({ ...outcome, itemId });
        }
        result.added.sort(byRequestOrder);
        result.alreadyPlanned.sort(byRequestOrder);
        return result;
      });
    } catch (error) {
      // Someone added the same countermeasure to one of these teams meanwhile: the unique index
      // refused the whole transaction, and the next attempt finds that item and skips the team.
      if (!isUniqueConstraintViolation(error) || attempt >= CAMPAIGN_ATTEMPTS) {
        if (isUniqueConstraintViolation(error)) throw alreadyPlanned(action);
        throw error;
      }
    }
  }
}

const NOT_YOUR_ITEM_MESSAGE =
  "Only the item's owner, the team lead and the unit's coach can update its progress. Ask one of them.";

/**
 * An item's progress (status, the reason when dropped, notes), as its owner updates it: owning an
 * item means marking it in progress or done. Anyone who edits the plan may too; owner, due date and
 * removal stay theirs alone (updatePlanItem, removePlanItem). The team is found as for
 * authorizeItemChange, and the item's owner is read with the item in the transaction; the write
 * applies only to the version checked, so an owner changed meanwhile cannot slip through.
 */
export async function updatePlanItemProgress(
  actor: Actor,
  input: UpdatePlanItemProgressInput,
): Promise<{ version: number }> {
  const team = await authorizeTeam(
    actor,
    "plan:read",
    input.teamSlug !== undefined ? { slug: input.teamSlug } : await teamOfItem(input.itemId),
  );
  return db.$transaction(async (tx) => {
    const current = await tx.planItem.findFirst({
      where: { id: input.itemId, teamId: team.id },
      select: auditedColumns,
    });
    if (!current) throw new NotFoundError(GONE_MESSAGE);
    const item = {
      type: "planItem" as const,
      teamId: team.id,
      orgUnitId: team.orgUnitId,
      ownerId: current.ownerId,
    };
    if (!can(actor, "plan:progress", { ...item, archived: team.archived })) {
      throw new ForbiddenError(
        team.archived && can(actor, "plan:progress", item) ? ARCHIVED_TEAM_MESSAGE : NOT_YOUR_ITEM_MESSAGE,
      );
    }
    if (current.version !== input.expectedVersion) throw staleEdit(current);
    const change = applyStatusChange(
      {
        status: asPlanItemStatus(current.status),
        droppedReason: current.droppedReason,
        completedAt: current.completedAt,
      },
      { status: input.status, droppedReason: input.droppedReason },
      new Date(),
    );
    if (!change.ok) {
      throw new ValidationError("Some fields need attention.", {
        droppedReason: [STATUS_CHANGE_MESSAGES[change.problem]],
      });
    }
    const data = {
      status: change.progress.status,
      droppedReason: change.progress.droppedReason,
      completedAt: change.progress.completedAt,
      notes: input.notes,
    };
    const claimed = await tx.planItem.updateMany({
      where: { id: current.id, teamId: team.id, version: input.expectedVersion, ownerId: current.ownerId },
      data: { ...data, version: { increment: 1 } },
    });
    if (claimed.count === 0) {
      const now = await tx.planItem.findFirst({ where: { id: current.id }, select: auditedColumns });
      if (!now) throw new NotFoundError(GONE_MESSAGE);
      throw staleEdit(now);
    }
    const version = current.version + 1;
    await writeAudit(tx, {
      actorId: actor.id,
      action: "plan_item.updated",
      entityType: "plan_item",
      entityId: current.id,
      teamId: team.id,
      before: auditSnapshot(current),
      after: auditSnapshot({ ...current, ...data, version }),
    });
    return { version };
  });
}

/** The team of an item, by the item's id: an unknown id is as not found as another team's item. */
async function teamOfItem(itemId: string): Promise<{ id: string }> {
  const item = await db.planItem.findUnique({ where: { id: itemId }, select: { teamId: true } });
  if (!item) throw new NotFoundError();
  return { id: item.teamId };
}
