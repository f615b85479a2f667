import "server-only";
import { can, type Actor } from "@/domain/access/policy";
import { pitfallById, questionnaireById } from "@/domain/content";
import type { PitfallId, Questionnaire } from "@/domain/content/schema";
import { listContradictedAnswers, listMissingRequiredAnswers, decodeRiskBand } from "@/domain/scoring";
import {
  showsFindings,
  teamHeadline,
  toHeadlineView,
  type HeadlinePitfallResult,
} from "@/domain/results/headline";
import { playbookPath, questionPath, resultPath, parseResultRef } from "@/contracts/assessments/paths";
import type {
  AssessmentResultView,
  AssessmentStatus,
  CycleRef,
  HistoryEntry,
  MyTeamSummary,
  OverallResultView,
  PitfallResultView,
  QuestionnairePageState,
  ReviewItem,
  ReviewView,
  TeamOverview,
} from "@/contracts/assessments/types";
import { decodeAssessmentStatus, decodeCycleStatus } from "@/domain/assessments/statuses";
import { planPlacements } from "@/domain/plans/plan-item-rules";
import { authorizeTeamBySlug, teamResource } from "../auth/authorize";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { floorLabel, parseResultDetail } from "./result-detail";
import { readReopening } from "./reopening";
import { getEnv } from "@/env";
import {
  invitationBody,
  invitationLinks,
  invitationMailto,
  type TeamInvitation,
} from "@/contracts/assessments/team-invitation";
import { withStoredResults } from "./with-stored-results";
import {
  compiledQuestionnaire,
  contributionWords,
  progressQuestions,
  questionIndex,
  questionnaireOfCycle,
  sectionViews,
} from "./questionnaire-content";
import {
  answerColumns,
  answerOfRow,
  readServerAnswers,
  scorableAnswers,
  teamContextOf,
} from "./stored-answers";
import { readQuarterChanges } from "./quarter-changes";
import { topRemediationSteps } from "@/domain/dashboards/team-dashboard";
import { isPitfallId } from "@/domain/dashboards/stored-rows";
import { assessmentProgress, type AssessmentProgress } from "@/domain/assessments/progress";
import { myAnswersPath, teamSpreadPath } from "@/contracts/responses/paths";
import { readOwnProgress } from "../responses/own-answers";
import {
  countRespondents,
  readDisagreements,
  readIndividualAnswerViews,
  readReviewIndividual,
} from "../responses/team-views";
import { orgTimeZone, orgWallClock } from "../org-calendar";
import { daysUntil } from "@/domain/notifications/schedule";

const cycleColumns = {
  id: true,
  name: true,
  status: true,
  closesOn: true,
  year: true,
  quarter: true,
  questionnaireId: true,
} as const;

interface CycleRow {
  id: string;
  name: string;
  status: string;
  closesOn: Date;
}

export function toCycleRef(cycle: CycleRow, now = new Date()): CycleRef {
  return {
    id: cycle.id,
    name: cycle.name,
    status: decodeCycleStatus(cycle.status) ?? "planned",
    closesOn: cycle.closesOn.toISOString(),
    daysLeft: daysUntil(orgWallClock(now), cycle.closesOn),
  };
}

const asAssessmentStatus = (status: string): AssessmentStatus => decodeAssessmentStatus(status) ?? "draft";

/** The scalar result columns the headline is computed from: never the explanation JSON. */
const headlineColumns = {
  select: { pitfallId: true, status: true, score: true, band: true, evidenceFound: true },
} as const;

const pitfallName = (pitfallId: string) => pitfallById(pitfallId)?.name ?? pitfallId;

/**
 * The stored average stays a secondary figure; the headline comes from the stored per-pitfall
 * results (see domain/results/headline).
 */
function overallOf(assessment: {
  overallScore: number | null;
  overallBand: string | null;
  results: readonly HeadlinePitfallResult[];
}): OverallResultView {
  return {
    score: assessment.overallScore,
    band: decodeRiskBand(assessment.overallBand),
    headline: toHeadlineView(teamHeadline(assessment.results), pitfallName),
  };
}

/** The cycle teams answer now: the open one (at most one is open at a time). */
export async function openCycle() {
  return db.cycle.findFirst({
    where: { status: "open" },
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
    select: cycleColumns,
  });
}

/** The names of the team's active leads: the people who submit its assessment. */
async function teamLeadNames(teamId: string): Promise<string[]> {
  const leads = await db.roleAssignment.findMany({
    where: { teamId, role: "team_lead", user: { deactivatedAt: null } },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { name: true } } },
  });
  return leads.map((lead) => lead.user.name);
}

/**
 * The teams the person leads or belongs to, with the current cycle's status and the last result.
 * Archived teams are listed too, after the others and marked: their history stays readable, and
 * an archived team's people would otherwise be told they belong to no team. They take no part in
 * any cycle.
 */
export async function listMyTeams(actor: Actor): Promise<MyTeamSummary[]> {
  const teamIds = [...new Set([...actor.leadTeamIds, ...actor.memberTeamIds])];
  if (teamIds.length === 0) return [];
  const cycle = await openCycle();
  const teams = await db.team.findMany({
    where: { id: { in: teamIds } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      orgUnitId: true,
      archivedAt: true,
      orgUnit: { select: { name: true } },
      assessments: {
        where: { OR: [{ cycleId: cycle?.id ?? "" }, withStoredResults] },
        orderBy: [{ cycle: { year: "desc" } }, { cycle: { quarter: "desc" } }],
        select: {
          cycleId: true,
          status: true,
          submittedAt: true,
          overallScore: true,
          overallBand: true,
          results: headlineColumns,
          cycle: { select: { name: true } },
        },
      },
    },
  });
  const summaries = teams.map((team): MyTeamSummary => {
    const archived = team.archivedAt !== null;
    // An archived team is out of every cycle: nothing is due, started or submitted in the open one.
    const teamCycle = archived ? null : cycle;
    const current = teamCycle
      ? team.assessments.find((assessment) => assessment.cycleId === teamCycle.id)
      : undefined;
    const last = team.assessments.find((assessment) => assessment.submittedAt !== null);
    return {
      id: team.id,
      name: team.name,
      slug: team.slug,
      orgUnitName: team.orgUnit.name,
      archived,
      role: actor.leadTeamIds.has(team.id) ? "Team lead" : "Team member",
      canSubmit: can(actor, "assessment:submit", {
        type: "team",
        teamId: team.id,
        orgUnitId: team.orgUnitId,
        archived,
      }),
      myAnswersHref: myAnswersPath(team.slug),
      currentCycle: teamCycle ? toCycleRef(teamCycle) : null,
      currentStatus: teamCycle ? (current ? asAssessmentStatus(current.status) : "not-started") : null,
      lastResult: last
        ? { ...overallOf(last), cycleName: last.cycle.name, href: resultPath(team.slug, last.cycle.name) }
        : null,
    };
  });
  return [...summaries.filter((team) => !team.archived), ...summaries.filter((team) => team.archived)];
}

/** A team's page: where it stands in the open cycle and its history. */
export async function getTeamOverview(actor: Actor, teamSlug: string): Promise<TeamOverview> {
  const team = await authorizeTeamBySlug(actor, "team:read", teamSlug);
  const [cycle, orgUnit, assessments] = await Promise.all([
    openCycle(),
    db.orgUnit.findUnique({ where: { id: team.orgUnitId }, select: { name: true } }),
    db.assessment.findMany({
      where: { teamId: team.id },
      orderBy: [{ cycle: { year: "desc" } }, { cycle: { quarter: "desc" } }],
      select: {
        id: true,
        status: true,
        cycleId: true,
        carriedFromId: true,
        submittedAt: true,
        overallScore: true,
        overallBand: true,
        results: headlineColumns,
        cycle: { select: { name: true, questionnaireId: true } },
      },
    }),
  ]);
  const current = cycle ? assessments.find((assessment) => assessment.cycleId === cycle.id) : undefined;
  const progress = cycle && current ? await progressOf(current.id, cycle.questionnaireId) : null;
  const history: HistoryEntry[] = assessments
    .filter((assessment) => assessment.submittedAt !== null)
    .map((assessment) => ({
      assessmentId: assessment.id,
      cycleName: assessment.cycle.name,
      status: asAssessmentStatus(assessment.status),
      submittedAt: assessment.submittedAt?.toISOString() ?? null,
      overall: overallOf(assessment),
      href: resultPath(team.slug, assessment.cycle.name),
    }));
  const resource = teamResource(team);
  return {
    timeZone: orgTimeZone(),
    unsubmittedInClosedCycle: cycle ? null : await unsubmittedInLastClosedCycle(assessments),
    team: { id: team.id, name: team.name, slug: team.slug, orgUnitName: orgUnit?.name ?? "" },
    archived: team.archived,
    currentCycle: cycle ? toCycleRef(cycle) : null,
    current: cycle
      ? {
          status: current ? asAssessmentStatus(current.status) : "not-started",
          progress,
          submittedAt: current?.submittedAt?.toISOString() ?? null,
          resultHref: current?.submittedAt ? resultPath(team.slug, cycle.name) : null,
          reopening: current ? await readReopening(db, current) : null,
        }
      : null,
    history,
    canAnswer: can(actor, "assessment:answer", resource),
    canSubmit: can(actor, "assessment:submit", resource),
    leadNames: await teamLeadNames(team.id),
    spreadHref: current && can(actor, "response:summary", resource) ? teamSpreadPath(team.slug) : null,
    // For the team's own lead (who submits, and is one of the team): an admin submits any team's
    // assessment but does not write to its people as one of them.
    invitation:
      cycle &&
      current?.status !== "submitted" &&
      can(actor, "assessment:submit", resource) &&
      can(actor, "response:answer", resource)
        ? await teamInvitation(actor, team, cycle)
        : null,
    myAnswers:
      cycle && can(actor, "response:answer", resource)
        ? {
            href: myAnswersPath(team.slug),
            progress: current ? await ownProgressOf(actor, { ...current, teamId: team.id }, cycle) : null,
          }
        : null,
  };
}

/**
 * Asking the team's other people (leads and members, active) for their own answers and the pulse:
 * their emails go in the Bcc of a mailto: link, so the lead's own mail program sends it.
 */
async function teamInvitation(
  actor: Actor,
  team: { id: string; name: string; slug: string },
  cycle: OpenCycleRow,
): Promise<NonNullable<TeamOverview["invitation"]>> {
  const people = await db.user.findMany({
    where: {
      id: { not: actor.id },
      deactivatedAt: null,
      roles: { some: { teamId: team.id, role: { in: ["team_lead", "member"] } } },
    },
    orderBy: { email: "asc" },
    select: { email: true },
  });
  const invitation: TeamInvitation = {
    teamName: team.name,
    teamSlug: team.slug,
    cycleName: cycle.name,
    closesOn: cycle.closesOn.toISOString(),
    hasPulse: (questionnaireById(cycle.questionnaireId)?.pulse ?? []).length > 0,
    senderName: actor.name,
    appUrl: getEnv().APP_URL,
  };
  const emails = people.map((person) => person.email);
  return {
    recipients: emails.length,
    mailtoHref: emails.length > 0 ? invitationMailto(emails, invitation) : null,
    message: invitationBody(invitation),
    links: invitationLinks(invitation),
  };
}

/**
 * While no cycle is open: the team's draft of the cycle closed last, when the cycle closed before
 * the team submitted it. Its answers are kept, and opening the cycle again lets the team finish.
 */
async function unsubmittedInLastClosedCycle(
  assessments: readonly {
    id: string;
    cycleId: string;
    submittedAt: Date | null;
    cycle: { name: string; questionnaireId: string };
  }[],
): Promise<TeamOverview["unsubmittedInClosedCycle"]> {
  const lastClosed = await db.cycle.findFirst({
    where: { status: "closed" },
    orderBy: [{ year: "desc" }, { quarter: "desc" }],
    select: { id: true },
  });
  const draft = lastClosed
    ? assessments.find(
        (assessment) => assessment.cycleId === lastClosed.id && assessment.submittedAt === null,
      )
    : undefined;
  if (!draft) return null;
  return {
    cycleName: draft.cycle.name,
    progress: await progressOf(draft.id, draft.cycle.questionnaireId),
  };
}

/** The person's progress with their own answers, as "My answers" counts it. */
async function ownProgressOf(
  actor: Actor,
  assessment: { id: string; teamId: string; carriedFromId: string | null },
  cycle: { questionnaireId: string },
): Promise<AssessmentProgress | null> {
  const questionnaire = questionnaireById(cycle.questionnaireId);
  return questionnaire ? readOwnProgress(db, assessment, actor, questionnaire) : null;
}

/** The assessment's progress, counted as the questionnaire and the review count it. */
async function progressOf(assessmentId: string, questionnaireId: string): Promise<AssessmentProgress | null> {
  const questionnaire = questionnaireById(questionnaireId);
  if (!questionnaire) return null;
  const rows = await db.answer.findMany({
    where: { assessmentId },
    select: { questionId: true, kind: true, value: true, reason: true, carriedOver: true },
  });
  const { notAsked } = teamContextOf(rows, questionnaire);
  return assessmentProgress(
    progressQuestions(questionnaire, notAsked),
    Object.fromEntries(rows.map((row) => [row.questionId, { carriedOver: row.carriedOver }])),
  );
}

type OpenCycleRow = NonNullable<Awaited<ReturnType<typeof openCycle>>>;

/**
 * The team's assessment of the open cycle when it can be answered, or the page state that says why
 * not (the team is archived, no cycle open, not started, submitted). The team's questionnaire and "My answers" both start
 * from it; callers have already authorized the team.
 */
export async function answerableAssessment(team: {
  id: string;
  name: string;
  slug: string;
  archived: boolean;
}): Promise<
  | Exclude<QuestionnairePageState, { kind: "editable" }>
  | {
      kind: "answerable";
      cycle: OpenCycleRow;
      assessment: { id: string; status: AssessmentStatus; version: number; carriedFromId: string | null };
    }
> {
  const teamRef = { name: team.name, slug: team.slug };
  if (team.archived) return { kind: "archived", team: teamRef };
  const cycle = await openCycle();
  if (!cycle) return { kind: "no-open-cycle", team: teamRef };
  const assessment = await db.assessment.findFirst({
    where: { teamId: team.id, cycleId: cycle.id },
    select: { id: true, status: true, version: true, submittedAt: true, carriedFromId: true },
  });
  if (!assessment) {
    const previous = await db.assessment.count({ where: { teamId: team.id, ...withStoredResults } });
    return { kind: "not-started", team: teamRef, cycle: toCycleRef(cycle), hasPrevious: previous > 0 };
  }
  const status = asAssessmentStatus(assessment.status);
  if (status === "submitted") {
    return {
      kind: "submitted",
      team: teamRef,
      cycle: toCycleRef(cycle),
      submittedAt: assessment.submittedAt?.toISOString() ?? null,
      timeZone: orgTimeZone(),
      resultHref: resultPath(team.slug, cycle.name),
    };
  }
  return { kind: "answerable", cycle, assessment: { ...assessment, status } };
}

/** Everything the questionnaire page needs, for people who may answer for the team. */
export async function getQuestionnairePage(actor: Actor, teamSlug: string): Promise<QuestionnairePageState> {
  const team = await authorizeTeamBySlug(actor, "assessment:answer", teamSlug);
  const answerable = await answerableAssessment(team);
  if (answerable.kind !== "answerable") return answerable;
  const { cycle, assessment } = answerable;
  const status = assessment.status;
  const questionnaire = questionnaireOfCycle(cycle);
  const resource = teamResource(team);
  const maySeeSpread = can(actor, "response:summary", resource);
  const maySubmit = can(actor, "assessment:submit", resource);
  const [answers, carriedFrom, individual, leadNames] = await Promise.all([
    readServerAnswers(db, assessment.id),
    assessment.carriedFromId
      ? db.assessment.findFirst({
          // Scoped to the same team: a carried-from link never reveals another team's cycle.
          where: { id: assessment.carriedFromId, teamId: team.id },
          select: { cycle: { select: { name: true } } },
        })
      : null,
    maySeeSpread ? readIndividualAnswerViews(db, assessment.id, questionnaire, actor.id) : null,
    maySubmit ? null : teamLeadNames(team.id),
  ]);
  return {
    kind: "editable",
    submittedBy: leadNames,
    reopening: await readReopening(db, assessment),
    timeZone: orgTimeZone(),
    session: {
      respondent: "team",
      team: { id: team.id, name: team.name, slug: team.slug },
      cycle: toCycleRef(cycle),
      assessment: { id: assessment.id, status, version: assessment.version },
      carriedFromCycleName: carriedFrom?.cycle.name ?? null,
      sections: sectionViews(questionnaire),
      answers,
      teamContext: null,
      actorId: actor.id,
      individual,
    },
  };
}

/** The review step: what still blocks submission, and whether this person may submit. */
export async function getReview(actor: Actor, teamSlug: string): Promise<ReviewView | null> {
  const team = await authorizeTeamBySlug(actor, "assessment:answer", teamSlug);
  const cycle = await openCycle();
  if (!cycle) return null;
  const assessment = await db.assessment.findFirst({
    where: { teamId: team.id, cycleId: cycle.id },
    select: { id: true, status: true, version: true, answers: { select: answerColumns } },
  });
  if (!assessment) return null;

  const questionnaire = questionnaireOfCycle(cycle);
  const index = questionIndex(questionnaire);
  const item = (questionId: string, message: string): ReviewItem | null => {
    const entry = index.get(questionId);
    if (!entry) return null;
    return {
      questionId,
      prompt: entry.question.prompt,
      sectionTitle: entry.sectionTitle,
      href: questionPath(team.slug, questionId),
      message,
    };
  };

  const rows = assessment.answers.filter((row) => index.has(row.questionId));
  const invalid: ReviewItem[] = [];
  // As submitting reads them: questions the team's context leaves out are neither listed nor counted.
  const { answers, teamContext, accepted, notAsked } = scorableAnswers(
    rows,
    questionnaire,
    (row, message) => {
      const reviewItem = item(row.questionId, message ?? "This answer could not be read; answer it again.");
      if (reviewItem) invalid.push(reviewItem);
    },
  );
  for (const issue of listContradictedAnswers(compiledQuestionnaire(questionnaire), answers, teamContext)) {
    const reviewItem = item(issue.questionId, issue.message);
    if (reviewItem && !invalid.some((entry) => entry.questionId === issue.questionId))
      invalid.push(reviewItem);
  }
  const missingRequired = listMissingRequiredAnswers(
    compiledQuestionnaire(questionnaire),
    answers,
    teamContext,
  )
    .filter((issue) => !invalid.some((entry) => entry.questionId === issue.questionId))
    .map((issue) => item(issue.questionId, issue.message))
    .filter((entry): entry is ReviewItem => entry !== null);
  const unconfirmed = accepted
    .filter((row) => row.carriedOver)
    .map((row) => item(row.questionId, "Carried over from last quarter: confirm it or change it."))
    .filter((entry): entry is ReviewItem => entry !== null);
  const order = [...index.keys()];
  const byQuestionOrder = (a: ReviewItem, b: ReviewItem) =>
    order.indexOf(a.questionId) - order.indexOf(b.questionId);

  const resource = teamResource(team);
  return {
    team: { name: team.name, slug: team.slug },
    archived: team.archived,
    cycle: toCycleRef(cycle),
    assessment: {
      id: assessment.id,
      status: asAssessmentStatus(assessment.status),
      version: assessment.version,
    },
    progress: assessmentProgress(
      progressQuestions(questionnaire, notAsked),
      Object.fromEntries(rows.map((row) => [row.questionId, { carriedOver: row.carriedOver }])),
    ),
    changes: await readQuarterChanges(
      { id: assessment.id, teamId: team.id, cycle },
      "preview",
      missingRequired.map((entry) => entry.questionId),
    ),
    missingRequired: missingRequired.sort(byQuestionOrder),
    unconfirmed: unconfirmed.sort(byQuestionOrder),
    invalid: invalid.sort(byQuestionOrder),
    canSubmit: can(actor, "assessment:submit", resource),
    leadNames: await teamLeadNames(team.id),
    individual: await readReviewIndividual(
      db,
      { id: assessment.id, teamSlug: team.slug },
      questionnaire,
      new Set(rows.map((row) => row.questionId)),
      { id: actor.id, maySeeSpread: can(actor, "response:summary", resource) },
    ),
    reopening: await readReopening(db, assessment),
    timeZone: orgTimeZone(),
  };
}

/** Route segments may arrive encoded or not; a malformed escape is looked up as is (and not found). */
function safelyDecoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const TOP_CONTRIBUTIONS = 3;
const TOP_NEXT_STEPS = 3;

/**
 * A submitted assessment's stored result, by cycle ("2026-q4") or assessment id. Anyone who may
 * read the team sees it; the team id from the URL slug is part of the lookup, so an assessment id
 * of another team finds nothing.
 */
export async function getAssessmentResult(
  actor: Actor,
  teamSlug: string,
  ref: string,
): Promise<AssessmentResultView> {
  const team = await authorizeTeamBySlug(actor, "team:read", teamSlug);
  const parsed = parseResultRef(safelyDecoded(ref));
  const assessment = await db.assessment.findFirst({
    where:
      "assessmentId" in parsed
        ? { id: parsed.assessmentId, teamId: team.id }
        : { teamId: team.id, cycle: { year: parsed.year, quarter: parsed.quarter } },
    select: {
      id: true,
      status: true,
      submittedAt: true,
      submittedById: true,
      overallScore: true,
      overallBand: true,
      cycle: { select: cycleColumns },
      results: {
        select: {
          pitfallId: true,
          status: true,
          score: true,
          band: true,
          confidence: true,
          evidenceFound: true,
          detail: true,
        },
      },
    },
  });
  if (!assessment || assessment.submittedAt === null || assessment.results.length === 0)
    throw new NotFoundError();

  const questionnaire = questionnaireById(assessment.cycle.questionnaireId);
  const index = questionnaire ? questionIndex(questionnaire) : new Map();
  const order = questionnaire?.sections.map((section) => section.pitfallId as string) ?? [];
  const results = [...assessment.results].sort(
    (a, b) => order.indexOf(a.pitfallId) - order.indexOf(b.pitfallId),
  );

  const pitfalls: PitfallResultView[] = results.map((result) => {
    const pitfall = pitfallById(result.pitfallId);
    const detail = parseResultDetail(result.detail);
    const contributions = detail.contributions.slice(0, TOP_CONTRIBUTIONS).map((contribution) => {
      if (contribution.source === "context-rule") {
        return {
          label: contribution.explanation,
          answer: null,
          share: contribution.share,
          points: contribution.points,
          signOnItsOwn: true,
        };
      }
      return {
        ...contributionWords(questionnaire, contribution),
        share: contribution.share,
        points: contribution.points,
        signOnItsOwn: contribution.triggers !== false,
      };
    });
    // No symptoms or next steps for a pitfall in band None or not scored, even where an older
    // stored result still lists them.
    const findings = showsFindings(result);
    const symptoms = findings
      ? detail.triggeredSymptoms.map((symptom) => ({
          id: symptom.symptomId,
          title: symptom.title,
          href: playbookPath(result.pitfallId, symptom.symptomId),
          suspected: symptom.suspected === true,
        }))
      : [];
    const nextSteps = findings
      ? [...detail.countermeasures]
          .filter((countermeasure) => countermeasure.riskRemoved > 0)
          .sort((a, b) => b.riskRemoved - a.riskRemoved)
          .slice(0, TOP_NEXT_STEPS)
      : [];
    const status =
      result.status === "scored" || result.status === "not-assessed"
        ? result.status
        : "insufficient-evidence";
    return {
      pitfallId: result.pitfallId as PitfallId,
      name: pitfall?.name ?? result.pitfallId,
      playbookHref: playbookPath(result.pitfallId),
      status,
      score: result.score,
      band: decodeRiskBand(result.band),
      confidence: result.confidence,
      dontKnowOnly: findings && detail.dontKnowOnly === true,
      findings: (detail.findings ?? []).map((finding) => ({
        explanation: finding.explanation,
        floor: floorLabel(finding.floor),
      })),
      averageScore:
        detail.averageScore !== undefined &&
        detail.averageScore !== null &&
        result.score !== null &&
        detail.averageScore < result.score
          ? detail.averageScore
          : null,
      ceilingAverage:
        typeof detail.averageScore === "number" && result.score !== null && detail.averageScore > result.score
          ? detail.averageScore
          : null,
      contradictions: (detail.contradictions ?? []).map(
        (questionId) => index.get(questionId)?.question.prompt ?? questionId,
      ),
      contributions,
      symptoms,
      nextSteps,
    };
  });

  const submittedBy = assessment.submittedById
    ? await db.user.findUnique({ where: { id: assessment.submittedById }, select: { name: true } })
    : null;

  // The top remediation steps across pitfalls (as the team dashboard ranks them), from pitfalls
  // that show risk, each linked to the team's plan.
  const topSteps = topRemediationSteps(
    results
      .filter((result) => showsFindings(result) && isPitfallId(result.pitfallId))
      .map((result) => ({
        pitfallId: result.pitfallId as PitfallId,
        band: decodeRiskBand(result.band),
        score: result.score,
        dontKnowOnly: parseResultDetail(result.detail).dontKnowOnly === true,
        countermeasures: parseResultDetail(result.detail).countermeasures.map((countermeasure) => ({
          ...countermeasure,
          addressesTriggered: [],
        })),
      })),
  );
  const [planItems, latest, changes] = await Promise.all([
    db.planItem.findMany({
      where: { teamId: team.id, countermeasureId: { in: topSteps.map((step) => step.countermeasureId) } },
      select: { id: true, countermeasureId: true, status: true },
    }),
    db.assessment.findFirst({
      where: { teamId: team.id, ...withStoredResults },
      orderBy: [{ cycle: { year: "desc" } }, { cycle: { quarter: "desc" } }],
      select: { id: true },
    }),
    readQuarterChanges({ id: assessment.id, teamId: team.id, cycle: assessment.cycle }, "stored"),
  ]);
  // While reopened, the individual answers are live: showing them to members would let them watch
  // each other's answers change, so only people who may see the spread before submission see them.
  const disagreementsHiddenWhileReopened =
    assessment.status !== "submitted" &&
    !can(actor, "response:summary", { type: "team", teamId: team.id, orgUnitId: team.orgUnitId });
  const disagreements =
    questionnaire && !disagreementsHiddenWhileReopened
      ? await readDisagreements(
          db,
          assessment.id,
          questionnaire,
          await submittedTeamAnswers(assessment.id),
          actor.id,
        )
      : [];
  const individualRespondents = await countRespondents(db, assessment.id);
  const placementOf = planPlacements(planItems);
  // Plans are made from the latest submitted ranking, so adding is offered on the latest result only.
  const canEditPlan = latest?.id === assessment.id && can(actor, "plan:edit", teamResource(team));
  const status = asAssessmentStatus(assessment.status);
  const mayReopen = can(actor, "assessment:reopen", teamResource(team));
  let reopenBlockedReason: string | null = null;
  if (mayReopen && status === "submitted" && assessment.cycle.status !== "open") {
    reopenBlockedReason = `${assessment.cycle.name} is closed. Open the cycle again on the Cycles page to reopen its assessments.`;
  }
  // The result page reads the explanations anyway, so its headline knows which pitfalls rest on
  // "don't know" alone: within a band a confirmed one is named first, and a suspected one says so.
  const overall = overallOf({
    ...assessment,
    results: assessment.results.map((result) => ({
      ...result,
      dontKnowOnly: parseResultDetail(result.detail).dontKnowOnly === true,
    })),
  });
  return {
    timeZone: orgTimeZone(),
    team: { name: team.name, slug: team.slug },
    cycle: toCycleRef(assessment.cycle),
    assessment: {
      id: assessment.id,
      status,
      submittedAt: assessment.submittedAt.toISOString(),
      submittedByName: submittedBy?.name ?? null,
      reopening: await readReopening(db, assessment),
    },
    overall,
    pitfalls,
    findOutFirst: topSteps.length > 0 ? findOutFirst(results, questionnaire) : null,
    topSteps: topSteps.map((step) => ({
      countermeasureId: step.countermeasureId,
      action: step.action,
      rationale: step.rationale,
      pitfallNames: step.pitfallIds.map(pitfallName),
      riskRemoved: step.totalRiskRemoved,
      ...placementOf(step.countermeasureId),
    })),
    canEditPlan,
    changes,
    canReopen: mayReopen && status === "submitted" && assessment.cycle.status === "open",
    reopenBlockedReason,
    disagreements,
    individualRespondents,
    disagreementsHiddenWhileReopened,
  };
}

/** How many of the questions behind a "find out first" line are named. */
const FIND_OUT_QUESTIONS = 3;

/**
 * "Find out first": when every point of the pitfall the headline names comes from "don't know"
 * answers, finding out comes before any countermeasure. Null otherwise, and for results stored
 * before the method said what a score rests on.
 */
function findOutFirst(
  results: readonly {
    pitfallId: string;
    status: string;
    score: number | null;
    band: string | null;
    detail: string;
  }[],
  questionnaire: Questionnaire | undefined,
): AssessmentResultView["findOutFirst"] {
  const worstId = teamHeadline(results).worstPitfalls[0];
  const worst = results.find((result) => result.pitfallId === worstId);
  if (!worst || !showsFindings(worst)) return null;
  const detail = parseResultDetail(worst.detail);
  if (detail.dontKnowOnly !== true) return null;
  const questions = detail.contributions
    .flatMap((contribution) =>
      contribution.source === "question" ? [contributionWords(questionnaire, contribution).label] : [],
    )
    .slice(0, FIND_OUT_QUESTIONS);
  return { pitfallName: pitfallName(worst.pitfallId), questions };
}

/** The team's answers of an assessment, as stored (for a reopened one, as they stand now). */
async function submittedTeamAnswers(assessmentId: string) {
  const rows = await db.answer.findMany({
    where: { assessmentId },
    select: { questionId: true, kind: true, value: true, reason: true },
  });
  return Object.fromEntries(
    rows.flatMap((row) => {
      const answer = answerOfRow(row);
      return answer ? [[row.questionId, answer] as const] : [];
    }),
  );
}
