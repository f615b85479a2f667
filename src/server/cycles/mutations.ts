import "server-only";
import type { Actor } from "@/domain/access/policy";
import { questionnaireById } from "@/domain/content";
import { cycleName } from "@/domain/cycles/cycle-ref";
import type { CreateCycleInput, CycleIdInput } from "@/contracts/cycles/schemas";
import { writeAudit } from "../audit/audit";
import { authorizeOrganisation } from "../auth/authorize";
import { db } from "../db";
import { lockCycleForStatusChange } from "./cycle-lock";
import { ConflictError, NotFoundError, ValidationError } from "../errors";

/** Creates a planned cycle; it takes assessments once it is opened. */
export async function createCycle(
  actor: Actor,
  input: CreateCycleInput,
): Promise<{ id: string; name: string }> {
  authorizeOrganisation(actor, "cycle:manage");
  if (!questionnaireById(input.questionnaireId)) {
    const message = "Choose one of the installed questionnaire versions.";
    throw new ValidationError(message, { questionnaireId: [message] });
  }
  const name = cycleName(input);
  return db.$transaction(async (tx) => {
    const existing = await tx.cycle.findFirst({
      where: { OR: [{ year: input.year, quarter: input.quarter }, { name }] },
      select: { id: true },
    });
    if (existing) {
      const message = `${name} already exists.`;
      throw new ValidationError(message, { quarter: [message] });
    }
    const cycle = await tx.cycle.create({
      data: {
        name,
        year: input.year,
        quarter: input.quarter,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        questionnaireId: input.questionnaireId,
        status: "planned",
      },
      select: { id: true, name: true },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "cycle.created",
      entityType: "cycle",
      entityId: cycle.id,
      after: {
        name,
        opensOn: input.opensOn.toISOString(),
        closesOn: input.closesOn.toISOString(),
        questionnaireId: input.questionnaireId,
      },
    });
    return cycle;
  });
}

/**
 * Opens a planned cycle, or a closed one again for corrections. Only one cycle is open at a time,
 * so "the current quarter" is never ambiguous for teams.
 */
export async function openCycle(
  actor: Actor,
  input: CycleIdInput,
): Promise<{ name: string; reopened: boolean }> {
  authorizeOrganisation(actor, "cycle:manage");
  // Serializable, so two people opening different cycles at the same moment cannot both succeed.
  return db.$transaction(
    async (tx) => {
      const cycle = await tx.cycle.findUnique({
        where: { id: input.cycleId },
        select: { id: true, name: true, status: true, questionnaireId: true },
      });
      if (!cycle) throw new NotFoundError("That cycle does not exist.");
      if (cycle.status === "open") throw new ConflictError(`${cycle.name} is already open.`);
      if (!questionnaireById(cycle.questionnaireId)) {
        throw new ConflictError(
          `${cycle.name} uses the questionnaire "${cycle.questionnaireId}", which is not installed, so it cannot be opened.`,
        );
      }
      const alreadyOpen = await tx.cycle.findFirst({ where: { status: "open" }, select: { name: true } });
      if (alreadyOpen) {
        throw new ConflictError(
          `${alreadyOpen.name} is open. Only one cycle can be open at a time: close ${alreadyOpen.name} before opening ${cycle.name}.`,
        );
      }
      await tx.cycle.update({ where: { id: cycle.id }, data: { status: "open" } });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "cycle.opened",
        entityType: "cycle",
        entityId: cycle.id,
        before: { status: cycle.status },
        after: { status: "open" },
      });
      return { name: cycle.name, reopened: cycle.status === "closed" };
    },
    { isolationLevel: "Serializable" },
  );
}

/**
 * Closes the open cycle: its drafts stay drafts, and no answer can change any more.
 *
 * Assessments reopened and not submitted again stay reopened, and their last submitted results
 * remain the team's results for the cycle; the confirmation, the audit event and the returned
 * names say which they are. Closing is not refused for them: a head of engineering closes the
 * quarter to take stock of the whole organisation, and a team that began a revision and did not
 * finish it would otherwise hold every team's quarter open, with no way for anyone but that team
 * to end it. Its last submitted results are a real, reviewed answer, a better record of the
 * quarter than none; and opening the cycle again lets the team finish the revision.
 *
 * Writes into the cycle already past their "is it open?" check are waited for, and later ones are
 * refused, so nothing lands in the cycle after it closed and the list of reopened teams is the
 * one the cycle closed with (cycle-lock.ts).
 */
export async function closeCycle(
  actor: Actor,
  input: CycleIdInput,
): Promise<{ name: string; reopenedTeams: string[] }> {
  authorizeOrganisation(actor, "cycle:manage");
  return db.$transaction(async (tx) => {
    await lockCycleForStatusChange(tx, input.cycleId);
    const cycle = await tx.cycle.findUnique({
      where: { id: input.cycleId },
      select: { id: true, name: true, status: true },
    });
    if (!cycle) throw new NotFoundError("That cycle does not exist.");
    if (cycle.status !== "open") {
      throw new ConflictError(
        `${cycle.name} is ${cycle.status === "closed" ? "already closed" : "not open yet"}.`,
      );
    }
    await tx.cycle.update({ where: { id: cycle.id }, data: { status: "closed" } });
    const reopened = await tx.assessment.findMany({
      where: { cycleId: cycle.id, status: "reopened", team: { archivedAt: null } },
      orderBy: { team: { name: "asc" } },
      select: { team: { select: { name: true } } },
    });
    const reopenedTeams = reopened.map((assessment) => assessment.team.name);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "cycle.closed",
      entityType: "cycle",
      entityId: cycle.id,
      before: { status: "open" },
      after: { status: "closed", ...(reopenedTeams.length > 0 ? { reopenedTeams } : {}) },
    });
    return { name: cycle.name, reopenedTeams };
  });
}

/**
 * Takes a closed cycle that nobody answered back to planned: opened by mistake (or too early) and
 * closed again before any team started, it should not stay in the history as a quarter that ran.
 * Refused for a cycle with any assessment in it, a draft or an archived team's included: its
 * answers are a record, and reopening is the way back to them.
 *
 * Assessments are only started in the open cycle, so none can arrive in a closed one meanwhile;
 * the row is still taken for the change, as every status change does (cycle-lock.ts).
 */
export async function returnCycleToPlanned(actor: Actor, input: CycleIdInput): Promise<{ name: string }> {
  authorizeOrganisation(actor, "cycle:manage");
  return db.$transaction(async (tx) => {
    await lockCycleForStatusChange(tx, input.cycleId);
    const cycle = await tx.cycle.findUnique({
      where: { id: input.cycleId },
      select: { id: true, name: true, status: true },
    });
    if (!cycle) throw new NotFoundError("That cycle does not exist.");
    if (cycle.status === "planned") throw new ConflictError(`${cycle.name} is already planned.`);
    if (cycle.status === "open") {
      throw new ConflictError(
        `${cycle.name} is open. Only a closed cycle with no assessment in it can go back to planned.`,
      );
    }
    const assessments = await tx.assessment.count({ where: { cycleId: cycle.id } });
    if (assessments > 0) {
      throw new ConflictError(
        `${cycle.name} cannot go back to planned: it has ${assessments} ${assessments === 1 ? "assessment" : "assessments"}. Only a closed cycle with no assessment in it can; reopen it instead.`,
      );
    }
    await tx.cycle.update({ where: { id: cycle.id }, data: { status: "planned" } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "cycle.returned_to_planned",
      entityType: "cycle",
      entityId: cycle.id,
      before: { status: "closed" },
      after: { status: "planned" },
    });
    return { name: cycle.name };
  });
}
