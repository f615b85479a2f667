/**
 * Fixtures for the access matrix (access-matrix.test.ts).
 *
 * Every cell of the matrix gets a small world of its own: an org unit with a team (the caller's
 * own side), another org unit with another team (the other side) and one caller holding one role,
 * signed in with a real session row and a signed session cookie. Fresh rows per cell mean that a
 * write one cell is allowed to make (archiving a team, submitting an assessment) can never change
 * what a later cell sees, and a denial can never be explained by an earlier cell's leftovers.
 *
 * Only cycles are shared: they are organisation-wide and only one may be open at a time.
 */
import { randomUUID } from "node:crypto";
import { hashPassword, makeSignature } from "better-auth/crypto";
import { latestQuestionnaire } from "@/domain/content";
import { roleScopeKey, type Role } from "@/domain/access/policy";
import { readStoredResults } from "@/domain/plans/stored-rankings";
import { getAuth } from "@/server/auth/auth";
import { db } from "@/server/db";
import { completeAnswers, storedColumns } from "../assessments/fixtures";
import { createScoredAssessment } from "../plans/fixtures";

/** Everyone the matrix calls as: the five roles, plus a deactivated person and a signed-out visitor. */
export const CALLERS = [
  "admin",
  "head_of_engineering",
  "coach",
  "team_lead",
  "member",
  "deactivated",
  "anonymous",
] as const;
export type Caller = (typeof CALLERS)[number];

export const CALLER_LABELS: Record<Caller, string> = {
  admin: "admin",
  head_of_engineering: "head of engineering",
  coach: "coach",
  team_lead: "team lead",
  member: "team member",
  deactivated: "deactivated team lead (session still open)",
  anonymous: "signed-out visitor",
};

/** Each caller's own password, and a different one for the other people in a world. */
export const CALLER_PASSWORD = "callers-own-password-1";
export const OTHER_PASSWORD = "somebody-elses-password-2";

let sequence = 0;
/** A short token that makes names and slugs unique per cell (digits and hex letters only). */
export function uniqueToken(): string {
  sequence++;
  return `${sequence}${randomUUID().slice(0, 6)}`;
}

export interface Place {
  id: string;
  slug: string;
  name: string;
}

export interface Side {
  unit: Place;
  team: Place;
}

export interface Person {
  id: string;
  email: string;
  /** The Cookie header of the person's open session, or null when they have none. */
  cookie: string | null;
}

export interface World {
  caller: Caller;
  /** The caller's own account (the signed-out visitor has one too, but no session). */
  person: Person;
  /** x-forwarded-for of this cell's requests, so sign-in throttling never spills between cells. */
  address: string;
  own: Side;
  other: Side;
}

let hashes: Promise<{ caller: string; other: string }> | undefined;
/** Password hashing is deliberately slow, so the two hashes are computed once per file. */
function passwordHashes() {
  hashes ??= (async () => ({
    caller: await hashPassword(CALLER_PASSWORD),
    other: await hashPassword(OTHER_PASSWORD),
  }))();
  return hashes;
}

/**
 * An open session for the person and the Cookie header a browser would send for it, signed with
 * the auth library's own secret, so the real session lookup (cookie → session row → person →
 * roles) decides who is calling.
 */
/** A real session of the person, as the cookie a browser would send for it. */
export async function openSession(userId: string): Promise<string> {
  const token = randomUUID().replaceAll("-", "");
  await db.session.create({
    data: { id: randomUUID(), userId, token, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const { secret, authCookies } = await getAuth().$context;
  return `${authCookies.sessionToken.name}=${encodeURIComponent(`${token}.${await makeSignature(token, secret)}`)}`;
}

export interface Grant {
  role: Role;
  teamId?: string;
  orgUnitId?: string;
}

export async function createPerson(options: {
  name: string;
  grants?: Grant[];
  password?: "caller" | "other";
  signedIn?: boolean;
  deactivated?: boolean;
}): Promise<Person> {
  const id = randomUUID();
  const email = `person-${uniqueToken()}@example.test`;
  const password = options.password ? (await passwordHashes())[options.password] : null;
  await db.user.create({
    data: {
      id,
      name: options.name,
      email,
      emailVerified: true,
      roles: {
        create: (options.grants ?? []).map((grant) => ({
          role: grant.role,
          teamId: grant.teamId ?? null,
          orgUnitId: grant.orgUnitId ?? null,
          scopeKey: roleScopeKey(grant),
        })),
      },
      ...(password
        ? { accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password } } }
        : {}),
    },
  });
  const cookie = options.signedIn ? await openSession(id) : null;
  // Deactivated after the session opened: a person deactivated while signed in elsewhere, whose
  // session row was somehow left behind. Every request must still treat them as signed out.
  if (options.deactivated) await db.user.update({ where: { id }, data: { deactivatedAt: new Date() } });
  return { id, email, cookie };
}

async function createSide(label: "Own" | "Other"): Promise<Side> {
  const token = uniqueToken();
  const unitSlug = `${label.toLowerCase()}-unit-${token}`;
  const unit = await db.orgUnit.create({ data: { name: `${label} unit ${token}`, slug: unitSlug } });
  const teamSlug = `${label.toLowerCase()}-team-${token}`;
  const team = await db.team.create({
    data: { name: `${label} team ${token}`, slug: teamSlug, orgUnitId: unit.id },
  });
  return {
    unit: { id: unit.id, slug: unit.slug, name: unit.name },
    team: { id: team.id, slug: team.slug, name: team.name },
  };
}

function callerGrants(caller: Caller, own: Side): Grant[] {
  switch (caller) {
    case "admin":
      return [{ role: "admin" }];
    case "head_of_engineering":
      return [{ role: "head_of_engineering" }];
    case "coach":
      return [{ role: "coach", orgUnitId: own.unit.id }];
    case "team_lead":
    case "deactivated":
      return [{ role: "team_lead", teamId: own.team.id }];
    case "member":
      return [{ role: "member", teamId: own.team.id }];
    case "anonymous":
      return [];
  }
}

export async function createWorld(caller: Caller): Promise<World> {
  const own = await createSide("Own");
  const other = await createSide("Other");
  const person = await createPerson({
    name: `Caller ${CALLER_LABELS[caller]}`,
    grants: callerGrants(caller, own),
    password: "caller",
    signedIn: caller !== "anonymous",
    deactivated: caller === "deactivated",
  });
  return { caller, person, address: `10.77.${Math.floor(sequence / 250)}.${sequence % 250}`, own, other };
}

// ---------------------------------------------------------------------------------------------
// Cycles: shared by the whole file (organisation-wide, one open at a time)
// ---------------------------------------------------------------------------------------------

export interface SharedCycles {
  questionnaireId: string;
  /** A closed quarter whose scored assessments the plans are built from. */
  closed: { id: string; name: string };
  /** The open quarter teams answer in; it spans today, so exports find it as "opened". */
  open: { id: string; name: string };
}

const DAY = 86_400_000;

export async function createSharedCycles(): Promise<SharedCycles> {
  const questionnaireId = latestQuestionnaire().id;
  const now = Date.now();
  const closed = await db.cycle.create({
    data: {
      name: "2026 Q3",
      year: 2026,
      quarter: 3,
      opensOn: new Date(now - 120 * DAY),
      closesOn: new Date(now - 40 * DAY),
      questionnaireId,
      status: "closed",
    },
  });
  const open = await db.cycle.create({
    data: {
      name: "2026 Q4",
      year: 2026,
      quarter: 4,
      opensOn: new Date(now - 30 * DAY),
      closesOn: new Date(now + 30 * DAY),
      questionnaireId,
      status: "open",
    },
  });
  return {
    questionnaireId,
    closed: { id: closed.id, name: closed.name },
    open: { id: open.id, name: open.name },
  };
}

let nextCycleYear = 2001;
/**
 * A cycle of a past year of its own (2001 onwards, so never the "latest" cycle the exports pick),
 * with the given status. Opening or closing one needs the shared open cycle out of the way first.
 */
export async function createExtraCycle(questionnaireId: string, status: "planned" | "open" | "closed") {
  const year = nextCycleYear++;
  return db.cycle.create({
    data: {
      name: `${year} Q1`,
      year,
      quarter: 1,
      opensOn: new Date(`${year}-01-01T00:00:00Z`),
      closesOn: new Date(`${year}-03-15T00:00:00Z`),
      questionnaireId,
      status,
    },
    select: { id: true, name: true, year: true },
  });
}

export function claimCycleYear(): number {
  return nextCycleYear++;
}

// ---------------------------------------------------------------------------------------------
// Assessments and plans
// ---------------------------------------------------------------------------------------------

/** A pitfall question of the questionnaire and a valid answer to it. */
export function answerableQuestion(questionnaireId: string) {
  const questionnaire = latestQuestionnaire();
  if (questionnaire.id !== questionnaireId) throw new Error("the shared cycles use another questionnaire");
  const question = questionnaire.sections[0]!.questions[0]!;
  return { questionId: question.id, answer: completeAnswers(questionnaire, 0.25)[question.id]! };
}

/** A draft assessment of the team in the open cycle, optionally with every question answered. */
export async function createDraftAssessment(
  teamId: string,
  cycles: SharedCycles,
  options: { complete?: boolean; carriedOverQuestionId?: string } = {},
): Promise<string> {
  const assessment = await db.assessment.create({
    data: { teamId, cycleId: cycles.open.id, status: "draft" },
  });
  if (options.complete) {
    await db.answer.createMany({
      data: Object.entries(completeAnswers(latestQuestionnaire(), 0.5)).map(([questionId, answer]) => ({
        assessmentId: assessment.id,
        questionId,
        ...storedColumns(answer),
      })),
    });
  }
  if (options.carriedOverQuestionId) {
    const { answer } = answerableQuestion(cycles.questionnaireId);
    await db.answer.create({
      data: {
        assessmentId: assessment.id,
        questionId: options.carriedOverQuestionId,
        ...storedColumns(answer),
        carriedOver: true,
      },
    });
  }
  return assessment.id;
}

/** A submitted assessment of the team in the open cycle (reopening needs the cycle open). */
export async function createSubmittedAssessment(teamId: string, cycles: SharedCycles): Promise<string> {
  const assessment = await db.assessment.create({
    data: {
      teamId,
      cycleId: cycles.open.id,
      status: "submitted",
      version: 2,
      submittedAt: new Date(),
      overallScore: 40,
      overallBand: "medium",
    },
  });
  return assessment.id;
}

/**
 * A scored, submitted assessment of the team in the closed cycle, as the submit workflow stores
 * it, and the countermeasure its ranking recommends first (what "add to plan" offers).
 */
export async function createPlanBasis(teamId: string, cycles: SharedCycles) {
  const assessment = await createScoredAssessment(
    teamId,
    cycles.closed.id,
    0.7,
    new Date(Date.now() - 50 * DAY),
  );
  const reading = readStoredResults(
    await db.pitfallResult.findMany({ where: { assessmentId: assessment.id } }),
  );
  const recommendation = reading.recommendations[0];
  const tracked = recommendation?.pitfalls[0];
  if (!recommendation || !tracked) throw new Error("the scored assessment recommends nothing");
  return { assessmentId: assessment.id, recommendation, tracked };
}

/** A plan item on the team's plan, as "add to plan" creates it. */
export async function createPlanItem(
  teamId: string,
  cycles: SharedCycles,
): Promise<{ id: string; version: number }> {
  const basis = await createPlanBasis(teamId, cycles);
  return db.planItem.create({
    data: {
      teamId,
      countermeasureId: basis.recommendation.countermeasureId,
      pitfallId: basis.tracked.pitfallId,
      rationale: basis.tracked.rationale,
      addresses: JSON.stringify(basis.tracked.addresses.map((symptom) => symptom.symptomId)),
      sourceAssessmentId: basis.assessmentId,
    },
    select: { id: true, version: true },
  });
}

// ---------------------------------------------------------------------------------------------
// What an action may change, read back to compare before and after each call
// ---------------------------------------------------------------------------------------------

export function assessmentState(assessmentId: string) {
  return db.assessment.findUnique({
    where: { id: assessmentId },
    select: {
      status: true,
      version: true,
      submittedAt: true,
      submittedById: true,
      overallScore: true,
      answers: {
        orderBy: { questionId: "asc" },
        select: {
          questionId: true,
          kind: true,
          value: true,
          note: true,
          carriedOver: true,
          updatedById: true,
        },
      },
      _count: { select: { results: true } },
    },
  });
}

export function teamAssessmentsState(teamId: string) {
  return db.assessment.findMany({
    where: { teamId },
    orderBy: { id: "asc" },
    select: { id: true, cycleId: true, status: true, version: true },
  });
}

export function planState(teamId: string) {
  return db.planItem.findMany({
    where: { teamId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      countermeasureId: true,
      version: true,
      status: true,
      ownerId: true,
      dueOn: true,
      notes: true,
    },
  });
}

export function unitState(unitId: string) {
  return db.orgUnit.findUnique({
    where: { id: unitId },
    select: {
      name: true,
      parentId: true,
      archivedAt: true,
      children: { orderBy: { id: "asc" }, select: { id: true, name: true, archivedAt: true } },
      teams: { orderBy: { id: "asc" }, select: { id: true, name: true, archivedAt: true } },
    },
  });
}

export function teamState(teamId: string) {
  return db.team.findUnique({
    where: { id: teamId },
    select: { name: true, orgUnitId: true, archivedAt: true },
  });
}

export function teamRolesState(teamId: string) {
  return db.roleAssignment.findMany({
    where: { teamId },
    orderBy: { id: "asc" },
    select: { id: true, userId: true, role: true },
  });
}

export function personState(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      deactivatedAt: true,
      roles: { orderBy: { id: "asc" }, select: { id: true, role: true, teamId: true, orgUnitId: true } },
      accounts: { select: { password: true } },
      _count: { select: { sessions: true } },
    },
  });
}

export function sessionsState(userId: string) {
  return db.session.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { id: true } });
}

export async function passwordState(userId: string) {
  const account = await db.account.findFirst({
    where: { userId, providerId: "credential" },
    select: { password: true },
  });
  return account?.password ?? null;
}

export function cycleState(filter: { id?: string; year?: number }) {
  return db.cycle.findMany({
    where: filter,
    orderBy: { id: "asc" },
    select: { id: true, name: true, status: true },
  });
}

/** Audit events the caller wrote: a refused request must not have written any. */
export function auditEventsBy(userId: string) {
  return db.auditEvent.count({ where: { actorId: userId } });
}

/** A form submission, as the browser sends it to a server action. */
export function form(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
