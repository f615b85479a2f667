/**
 * The access matrix: every server action and every route handler, called by every kind of caller
 * (the five roles, a deactivated person whose session is still open, a signed-out visitor) against
 * their own team or org unit and against another one, with the expected answer of each cell.
 *
 * Each cell builds a world of its own (see access-matrix-fixtures.ts) and calls the real action or
 * route handler with a valid input aimed at the target: the admin cells, which are allowed, prove
 * that the very same input is accepted, so a denial is about access and never about the input.
 * The database is real; only the request (its headers, read by `next/headers`) and Next's cache
 * revalidation, which needs Next's request store, are stood in for. Who is calling is therefore
 * decided by the app's own session lookup: signed session cookie → session row → person → roles.
 *
 * A denied cell must answer the way the app refuses (forbidden, not found, sign in), change nothing
 * for the target, write no audit event for the caller, and mention nothing of the target. An
 * allowed cell must succeed and make the change (or, for a download, contain the target's data).
 *
 * The autosave route handlers are checked like the actions: a denied call changes nothing and
 * writes no audit event, an allowed one makes the change.
 *
 * The first describe block fails when an action or a route handler exists that has no row, so a
 * new entry point cannot escape the matrix.
 */
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/contracts/action-result";
import { campaignFieldNames } from "@/contracts/plans/schemas";
import * as importActions from "@/server/admin/import-actions";
import * as orgActions from "@/server/admin/org-actions";
import * as peopleActions from "@/server/admin/people-actions";
import * as apiTokenActions from "@/server/api/token-actions";
import * as assessmentActions from "@/server/assessments/actions";
import * as authActions from "@/server/auth/actions";
import * as cycleActions from "@/server/cycles/actions";
import { db } from "@/server/db";
import * as notificationActions from "@/server/notifications/actions";
import * as planActions from "@/server/plans/actions";
import * as responseActions from "@/server/responses/actions";
import * as pulseActions from "@/server/pulse/actions";
import * as autosaveAnswerRoute from "../../../app/api/autosave/answer/route";
import * as autosaveConfirmRoute from "../../../app/api/autosave/confirm/route";
import * as autosaveMyAnswerRoute from "../../../app/api/autosave/my-answer/route";
import * as autosaveMyConfirmRoute from "../../../app/api/autosave/my-confirm/route";
import * as heatmapExportRoute from "../../../app/api/exports/heatmap.csv/route";
import * as teamExportRoute from "../../../app/api/exports/teams/[slug]/route";
import * as unitExportRoute from "../../../app/api/exports/units/[unitSlug]/route";
import * as healthRoute from "../../../app/api/health/route";
import * as ssoCallbackRoute from "../../../app/api/auth/callback/[provider]/route";
import * as ssoStartRoute from "../../../app/api/auth/sso/route";
import {
  CALLER_LABELS,
  CALLER_PASSWORD,
  CALLERS,
  OTHER_PASSWORD,
  answerableQuestion,
  assessmentState,
  auditEventsBy,
  claimCycleYear,
  createDraftAssessment,
  createExtraCycle,
  createPerson,
  createPlanBasis,
  createPlanItem,
  createSharedCycles,
  createSubmittedAssessment,
  createWorld,
  cycleState,
  form,
  passwordState,
  personState,
  planState,
  sessionsState,
  teamAssessmentsState,
  teamRolesState,
  teamState,
  uniqueToken,
  unitState,
  type Caller,
  type SharedCycles,
  type Side,
  type World,
} from "./access-matrix-fixtures";
import { pulseState } from "../pulse/fixtures";
import { storedColumns } from "../assessments/fixtures";
import { responsesState } from "../responses/fixtures";

// Server actions and route handlers read the request through `next/headers`; each cell decides
// what its request carries (the caller's session cookie, if any, and a client address).
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => request.headers,
}));
// revalidatePath needs the store Next sets up around a real request; outside Next it throws.
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: () => {},
}));

/** A person's tokens as they stand: what creating or revoking one may change. */
function apiTokensState(userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { id: "asc" },
    select: { id: true, name: true, revokedAt: true, expiresAt: true },
  });
}

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Every module with a "use server" directive, by its path from the project root. */
const SERVER_ACTION_MODULES = {
  "src/server/admin/import-actions.ts": importActions,
  "src/server/admin/org-actions.ts": orgActions,
  "src/server/admin/people-actions.ts": peopleActions,
  "src/server/api/token-actions.ts": apiTokenActions,
  "src/server/assessments/actions.ts": assessmentActions,
  "src/server/auth/actions.ts": authActions,
  "src/server/cycles/actions.ts": cycleActions,
  "src/server/notifications/actions.ts": notificationActions,
  "src/server/plans/actions.ts": planActions,
  "src/server/pulse/actions.ts": pulseActions,
  "src/server/responses/actions.ts": responseActions,
} as const;
type ActionFile = keyof typeof SERVER_ACTION_MODULES;

/** Every route handler module, by its path from the project root. */
const ROUTE_MODULES = {
  "app/api/autosave/answer/route.ts": autosaveAnswerRoute,
  "app/api/autosave/confirm/route.ts": autosaveConfirmRoute,
  "app/api/autosave/my-answer/route.ts": autosaveMyAnswerRoute,
  "app/api/autosave/my-confirm/route.ts": autosaveMyConfirmRoute,
  "app/api/exports/heatmap.csv/route.ts": heatmapExportRoute,
  "app/api/exports/teams/[slug]/route.ts": teamExportRoute,
  "app/api/exports/units/[unitSlug]/route.ts": unitExportRoute,
  "app/api/health/route.ts": healthRoute,
  "app/api/auth/sso/route.ts": ssoStartRoute,
  "app/api/auth/callback/[provider]/route.ts": ssoCallbackRoute,
} as const;
type RouteFile = keyof typeof ROUTE_MODULES;

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

// ---------------------------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------------------------

/** The call succeeds and changes the target (or, for a download, returns its data). */
const ALLOW = "allowed";
/** Refused as not permitted: `forbidden` / HTTP 403. For targets the caller may read. */
const FORBID = "forbidden";
/** Refused as if the target did not exist: `not_found` / HTTP 404. Reveals nothing about it. */
const HIDE = "not found";
/** Treated as signed out: redirect to /sign-in, HTTP 401, or autosave's "you have been signed out". */
const SIGN_IN = "sent to sign in";
/** The call goes through for the caller but leaves the target alone (not in the download, not signed out). */
const KEEP = "target untouched";
/**
 * Sign-in and password change refuse a password that is not the account's own (and sign-in any
 * deactivated account) with the same "wrong credentials" validation message.
 */
const BAD_PW = "wrong credentials";
/** The first-run admin setup is refused once the installation has people. */
const SET_UP = "already set up";
/** Refused because the team is archived (read-only), saying so. */
const ARCHIVED = "refused: team archived";

type Outcome =
  | typeof ALLOW
  | typeof FORBID
  | typeof HIDE
  | typeof SIGN_IN
  | typeof KEEP
  | typeof BAD_PW
  | typeof SET_UP
  | typeof ARCHIVED;

/** One outcome per caller, in the order of CALLERS: admin, head, coach, lead, member, deactivated, signed out. */
type Outcomes = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

type Target = "own" | "other" | "global";
type Expectations = { own: Outcomes; other: Outcomes } | { global: Outcomes };

/** What "own" and "other" are for a row: the caller's team, org unit, account… or nothing (organisation-wide). */
type TargetKind = "team" | "unit" | "person" | "account" | "organisation";

const TARGET_LABELS: Record<TargetKind, Partial<Record<Target, string>>> = {
  team: { own: "their own team", other: "another team" },
  unit: { own: "their own org unit", other: "another org unit" },
  person: { own: "a person in their own team", other: "a person in another team" },
  account: { own: "their own account", other: "another person's account" },
  organisation: { global: "the organisation" },
};

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

interface ActionSetup {
  /** The arguments the action is called with, as the form or the questionnaire sends them. */
  args: unknown[];
  /** Everything the call may change for the target; read before and after the call. */
  state: () => Promise<unknown>;
  /** Restores organisation-wide state a cell had to change (only cycles need it). */
  cleanup?: () => Promise<void>;
  /** Further names or ids a refusal must not mention, besides the target team's and unit's. */
  secrets?: string[];
}

interface ActionRow {
  kind: "action";
  file: ActionFile;
  name: string;
  targets: TargetKind;
  /** Sign-out's success is the redirect to the sign-in page; every other action returns ok or redirects elsewhere. */
  succeedsWithSignInRedirect?: boolean;
  /** A preview: allowed or not, it must not write anything. */
  readOnly?: boolean;
  /** Extra checks of an allowed answer. */
  checkAllowed?: (result: unknown) => void;
  arrange: (world: World, side: Side, across: Side) => Promise<ActionSetup>;
}

interface RouteSetup {
  request: Request;
  context?: unknown;
  /** Text an allowed response must contain: the target's data. */
  shows: string[];
  /** For a route that writes: everything the call may change for the target, read before and after. */
  state?: () => Promise<unknown>;
  /** Further names or ids a refusal must not mention, besides the target team's and unit's. */
  secrets?: string[];
}

interface RouteRow {
  kind: "route";
  file: RouteFile;
  method: (typeof HTTP_METHODS)[number];
  targets: TargetKind;
  /** The health check answers everyone, so no answer of it may contain any team's data. */
  neverShowsTeamData?: boolean;
  arrange: (world: World, side: Side) => RouteSetup | Promise<RouteSetup>;
}

function action<F extends ActionFile>(
  file: F,
  name: keyof (typeof SERVER_ACTION_MODULES)[F] & string,
  row: Omit<ActionRow, "kind" | "file" | "name">,
): ActionRow {
  return { kind: "action", file, name, ...row };
}

function route(
  file: RouteFile,
  method: RouteRow["method"],
  row: Omit<RouteRow, "kind" | "file" | "method">,
): RouteRow {
  return { kind: "route", file, method, ...row };
}

let cycles: SharedCycles;

/** Takes the shared open cycle out of the way (only one cycle may be open) and puts it back afterwards. */
async function withSharedCycleClosed(setup: ActionSetup): Promise<ActionSetup> {
  await db.cycle.update({ where: { id: cycles.open.id }, data: { status: "closed" } });
  return {
    ...setup,
    cleanup: async () => {
      await setup.cleanup?.();
      await db.cycle.update({ where: { id: cycles.open.id }, data: { status: "open" } });
    },
  };
}

function csvUpload(unitName: string, token: string): File {
  const csv = [
    "type,name,email,org_unit,parent_org_unit,team,role",
    `team,Imported team ${token},,${unitName},,,`,
    `person,Imported Person ${token},imported-${token}@example.test,,,Imported team ${token},member`,
  ].join("\n");
  return new File([`${csv}\n`], "organisation.csv", { type: "text/csv" });
}

// prettier-ignore
/**
 * What each caller gets from each entry point, for each target: "own" and "other" (see
 * TARGET_LABELS) or "global" for organisation-wide entry points. Columns follow CALLERS; "deact." is
 * a deactivated team lead whose session is still open, "signed out" a visitor without a session.
 * The deactivated caller's cookie is a valid one (signing out with it works, see signOutAction), so
 * every refusal they get comes from the deactivation alone.
 */
const EXPECTED = {
  //                                              admin    head     coach    lead     member   deact.   signed out
  // Assessments: answered by the team's own people; the head of engineering reads, never answers.
  // The questionnaire's autosave (route handlers): the team's answers, and below a person's own.
  "POST /api/autosave/answer":         { own:    [ALLOW,   FORBID,  FORBID,  ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  "POST /api/autosave/confirm":        { own:    [ALLOW,   FORBID,  FORBID,  ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  confirmRemainingAction:              { own:    [ALLOW,   FORBID,  FORBID,  ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  startAssessmentAction:               { own:    [ALLOW,   FORBID,  FORBID,  ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // Only the team lead submits; only the head of engineering (and admins) reopen.
  submitAssessmentAction:              { own:    [ALLOW,   FORBID,  FORBID,  ALLOW,   FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  reopenAssessmentAction:              { own:    [ALLOW,   ALLOW,   FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   ALLOW,   HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // Answering on one's own is for the team's own people only: admins may read the team, never answer as one of it.
  "POST /api/autosave/my-answer":      { own:    [FORBID,  FORBID,  FORBID,  ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [FORBID,  FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  "POST /api/autosave/my-confirm":     { own:    [FORBID,  FORBID,  FORBID,  ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [FORBID,  FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  startMyAnswersAction:                { own:    [FORBID,  FORBID,  FORBID,  ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [FORBID,  FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // Filling team answers from the individual ones answers for the team and reads the spread: the lead (and admins).
  fillFromIndividualAnswersAction:     { own:    [ALLOW,   FORBID,  FORBID,  ALLOW,   FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // The anonymous pulse: answered by the team's own people only. Admins, the head of engineering
  // and coaches read its counts but never add to them (they could outvote it, or tell who answered
  // what by answering around them).
  answerPulseAction:                   { own:    [FORBID,  FORBID,  FORBID,  ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [FORBID,  FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // Remediation plans: edited by the team lead and the coach of the team's unit.
  addPlanItemAction:                   { own:    [ALLOW,   FORBID,  ALLOW,   ALLOW,   FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  updatePlanItemAction:                { own:    [ALLOW,   FORBID,  ALLOW,   ALLOW,   FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  removePlanItemAction:                { own:    [ALLOW,   FORBID,  ALLOW,   ALLOW,   FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // An item's progress (status, notes): its owner too, while on the team. Every cell's item is owned
  // by the caller, so the head of engineering (owner, on no team) is refused, and a member of the
  // team who owns it is let through; plan-mutations.test.ts refuses a member who does not.
  updatePlanItemProgressAction:        { own:    [ALLOW,   FORBID,  ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // A campaign starts from the unit's plan page: team leads cannot read the unit, so it is hidden from them.
  addCampaignAction:                   { own:    [ALLOW,   FORBID,  ALLOW,   HIDE,    HIDE,    SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // Cycles are organisation-wide: managed by the head of engineering and admins.
  createCycleAction:                   { global: [ALLOW,   ALLOW,   FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  openCycleAction:                     { global: [ALLOW,   ALLOW,   FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  closeCycleAction:                    { global: [ALLOW,   ALLOW,   FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  returnCycleToPlannedAction:          { global: [ALLOW,   ALLOW,   FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  // Reminders: the head of engineering reminds every team, a coach the teams of their own unit.
  sendReminderAction:                  { own:    [ALLOW,   ALLOW,   ALLOW,   FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   ALLOW,   KEEP,    FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  // Organisation structure, import and people: admins only, whichever unit, team or person.
  createOrgUnitAction:                 { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  renameOrgUnitAction:                 { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  moveOrgUnitAction:                   { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  archiveOrgUnitAction:                { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  unarchiveOrgUnitAction:              { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  createTeamAction:                    { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  renameTeamAction:                    { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  moveTeamAction:                      { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  archiveTeamAction:                   { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  unarchiveTeamAction:                 { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  previewImportAction:                 { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  importOrganisationAction:            { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  createPersonAction:                  { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  grantRoleAction:                     { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  revokeRoleAction:                    { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  deactivatePersonAction:              { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  reactivatePersonAction:              { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  setPersonPasswordAction:             { own:    [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   FORBID,  FORBID,  FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  // Signing in: own = the caller's email and password; other = another person's email with the
  // caller's password, which is not theirs. A deactivated account never signs in.
  signInAction:                        { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   BAD_PW,  ALLOW],
                                         other:  [BAD_PW,  BAD_PW,  BAD_PW,  BAD_PW,  BAD_PW,  BAD_PW,  BAD_PW] },
  // Signing out ends the caller's own session (a deactivated person's leftover one too), never
  // anybody else's.
  signOutAction:                       { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN],
                                         other:  [KEEP,    KEEP,    KEEP,    KEEP,    KEEP,    KEEP,    SIGN_IN] },
  // Changing a password always changes the caller's own; another person's password (other) is
  // not the caller's current password, so nothing changes anywhere.
  changePasswordAction:                { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [BAD_PW,  BAD_PW,  BAD_PW,  BAD_PW,  BAD_PW,  SIGN_IN, SIGN_IN] },
  // Choosing one's own password in place of one an admin set: the caller's own, as a change is.
  replaceAdminSetPasswordAction:       { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [BAD_PW,  BAD_PW,  BAD_PW,  BAD_PW,  BAD_PW,  SIGN_IN, SIGN_IN] },
  // Signing out other devices ends the caller's own other sessions, never anybody else's.
  signOutOtherDevicesAction:           { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [KEEP,    KEEP,    KEEP,    KEEP,    KEEP,    SIGN_IN, SIGN_IN] },
  // Personal access tokens: everyone creates and revokes their own; another person's token is
  // not found, and creating one never touches anybody else's.
  createApiTokenAction:                { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [KEEP,    KEEP,    KEEP,    KEEP,    KEEP,    SIGN_IN, SIGN_IN] },
  revokeApiTokenAction:                { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [HIDE,    HIDE,    HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // Email choices: everyone changes their own; another person's stay as they are.
  saveNotificationPreferencesAction:   { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   SIGN_IN, SIGN_IN],
                                         other:  [KEEP,    KEEP,    KEEP,    KEEP,    KEEP,    SIGN_IN, SIGN_IN] },
  // The first-run setup only works in an installation without people; here it is refused to all.
  createFirstAdminAction:              { global: [SET_UP,  SET_UP,  SET_UP,  SET_UP,  SET_UP,  SET_UP,  SET_UP] },
  // Downloads: a team's plan is exported by whoever may plan or oversee it (a member only reads it);
  // a unit's plans by its coach and the organisation-wide roles.
  "GET /api/exports/teams/[slug]":     { own:    [ALLOW,   ALLOW,   ALLOW,   ALLOW,   FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   ALLOW,   HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  "GET /api/exports/units/[unitSlug]": { own:    [ALLOW,   ALLOW,   ALLOW,   HIDE,    HIDE,    SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   ALLOW,   HIDE,    HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
  // The heatmap has no target in its address: it covers the units the caller may export, so a
  // coach's heatmap shows their own unit's team and must not show another unit's team.
  "GET /api/exports/heatmap.csv":      { own:    [ALLOW,   ALLOW,   ALLOW,   FORBID,  FORBID,  SIGN_IN, SIGN_IN],
                                         other:  [ALLOW,   ALLOW,   KEEP,    FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  // The health check answers everyone, and shows no team's data to anyone.
  "GET /api/health":                   { global: [ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW,   ALLOW] },
  // Single sign-on is not configured here: its routes do not exist for anyone (its journeys, with a
  // real provider, are in e2e/sso.spec.ts).
  "GET /api/auth/sso":                 { global: [HIDE,    HIDE,    HIDE,    HIDE,    HIDE,    HIDE,    HIDE] },
  "GET /api/auth/callback/[provider]": { global: [HIDE,    HIDE,    HIDE,    HIDE,    HIDE,    HIDE,    HIDE] },
  "POST /api/auth/callback/[provider]":{ global: [HIDE,    HIDE,    HIDE,    HIDE,    HIDE,    HIDE,    HIDE] },
} as const satisfies Record<string, Expectations>;

// prettier-ignore
/**
 * The same team actions against the caller's own team once it is archived: read-only for everyone,
 * admins included, with a message that says why. Columns as in EXPECTED.
 */
const EXPECTED_WHEN_ARCHIVED = {
  //                                              admin    head     coach    lead     member   deact.   signed out
  "POST /api/autosave/answer":         { own:    [ARCHIVED, FORBID, FORBID,  ARCHIVED, ARCHIVED, SIGN_IN, SIGN_IN] },
  "POST /api/autosave/confirm":        { own:    [ARCHIVED, FORBID, FORBID,  ARCHIVED, ARCHIVED, SIGN_IN, SIGN_IN] },
  confirmRemainingAction:              { own:    [ARCHIVED, FORBID, FORBID,  ARCHIVED, ARCHIVED, SIGN_IN, SIGN_IN] },
  startAssessmentAction:               { own:    [ARCHIVED, FORBID, FORBID,  ARCHIVED, ARCHIVED, SIGN_IN, SIGN_IN] },
  submitAssessmentAction:              { own:    [ARCHIVED, FORBID, FORBID,  ARCHIVED, FORBID,  SIGN_IN, SIGN_IN] },
  reopenAssessmentAction:              { own:    [ARCHIVED, ARCHIVED, FORBID, FORBID,  FORBID,  SIGN_IN, SIGN_IN] },
  "POST /api/autosave/my-answer":      { own:    [FORBID,  FORBID,  FORBID,  ARCHIVED, ARCHIVED, SIGN_IN, SIGN_IN] },
  "POST /api/autosave/my-confirm":     { own:    [FORBID,  FORBID,  FORBID,  ARCHIVED, ARCHIVED, SIGN_IN, SIGN_IN] },
  startMyAnswersAction:                { own:    [FORBID,  FORBID,  FORBID,  ARCHIVED, ARCHIVED, SIGN_IN, SIGN_IN] },
  fillFromIndividualAnswersAction:     { own:    [ARCHIVED, FORBID, FORBID,  ARCHIVED, ARCHIVED, SIGN_IN, SIGN_IN] },
  answerPulseAction:                   { own:    [FORBID,  FORBID,  FORBID,  ARCHIVED, ARCHIVED, SIGN_IN, SIGN_IN] },
  addPlanItemAction:                   { own:    [ARCHIVED, FORBID, ARCHIVED, ARCHIVED, FORBID,  SIGN_IN, SIGN_IN] },
  updatePlanItemAction:                { own:    [ARCHIVED, FORBID, ARCHIVED, ARCHIVED, FORBID,  SIGN_IN, SIGN_IN] },
  removePlanItemAction:                { own:    [ARCHIVED, FORBID, ARCHIVED, ARCHIVED, FORBID,  SIGN_IN, SIGN_IN] },
  updatePlanItemProgressAction:        { own:    [ARCHIVED, FORBID, ARCHIVED, ARCHIVED, ARCHIVED, SIGN_IN, SIGN_IN] },
  addCampaignAction:                   { own:    [ARCHIVED, FORBID, ARCHIVED, HIDE,    HIDE,    SIGN_IN, SIGN_IN] },
} as const satisfies Record<string, { own: Outcomes }>;

const ROWS: (ActionRow | RouteRow)[] = [
  // --- Assessments ------------------------------------------------------------------------------
  route("app/api/autosave/answer/route.ts", "POST", {
    targets: "team",
    arrange: async (world, side) => {
      const assessmentId = await createDraftAssessment(side.team.id, cycles);
      const { questionId, answer } = answerableQuestion(cycles.questionnaireId);
      return {
        request: autosavePost(world, "/api/autosave/answer", {
          assessmentId,
          questionId,
          answer,
          note: null,
          expectedVersion: 1,
        }),
        shows: ['"ok":true'],
        state: () => assessmentState(assessmentId),
        secrets: [assessmentId],
      };
    },
  }),
  route("app/api/autosave/confirm/route.ts", "POST", {
    targets: "team",
    arrange: async (world, side) => {
      const { questionId } = answerableQuestion(cycles.questionnaireId);
      const assessmentId = await createDraftAssessment(side.team.id, cycles, {
        carriedOverQuestionId: questionId,
      });
      return {
        request: autosavePost(world, "/api/autosave/confirm", {
          assessmentId,
          questionIds: [questionId],
          expectedVersion: 1,
        }),
        shows: ['"ok":true'],
        state: () => assessmentState(assessmentId),
        secrets: [assessmentId],
      };
    },
  }),
  action("src/server/assessments/actions.ts", "confirmRemainingAction", {
    targets: "team",
    arrange: async (_world, side) => {
      const { questionId } = answerableQuestion(cycles.questionnaireId);
      const assessmentId = await createDraftAssessment(side.team.id, cycles, {
        carriedOverQuestionId: questionId,
      });
      return {
        args: [
          null,
          form({ assessmentId, questionIds: questionId, expectedVersion: "1", teamSlug: side.team.slug }),
        ],
        state: () => assessmentState(assessmentId),
        secrets: [assessmentId],
      };
    },
  }),
  action("src/server/assessments/actions.ts", "startAssessmentAction", {
    targets: "team",
    arrange: async (_world, side) => ({
      args: [null, form({ teamSlug: side.team.slug })],
      state: () => teamAssessmentsState(side.team.id),
    }),
  }),
  action("src/server/assessments/actions.ts", "submitAssessmentAction", {
    targets: "team",
    arrange: async (_world, side) => {
      const assessmentId = await createDraftAssessment(side.team.id, cycles, { complete: true });
      return {
        args: [null, form({ assessmentId, expectedVersion: "1" })],
        state: () => assessmentState(assessmentId),
        secrets: [assessmentId],
      };
    },
  }),
  action("src/server/assessments/actions.ts", "reopenAssessmentAction", {
    targets: "team",
    arrange: async (_world, side) => {
      const assessmentId = await createSubmittedAssessment(side.team.id, cycles);
      return {
        args: [null, form({ assessmentId, reason: "The answers were given for the wrong quarter." })],
        state: () => assessmentState(assessmentId),
        secrets: [assessmentId],
      };
    },
  }),

  // --- Anonymous pulse ----------------------------------------------------------------------------
  action("src/server/pulse/actions.ts", "answerPulseAction", {
    targets: "team",
    // The person is told their answer was counted, and nothing about it is handed back.
    checkAllowed: (result) => expect(result).toEqual({ ok: true, data: { cycleName: cycles.open.name } }),
    arrange: async (_world, side) => ({
      args: [
        null,
        form({
          teamSlug: side.team.slug,
          cycleId: cycles.open.id,
          "audience:on-call": "on",
          "answer:pulse-on-call-strain": "often-exhausted",
        }),
      ],
      state: () => pulseState(side.team.id, cycles.open.id),
    }),
  }),

  // --- Individual answers ------------------------------------------------------------------------
  route("app/api/autosave/my-answer/route.ts", "POST", {
    targets: "team",
    arrange: async (world, side) => {
      const assessmentId = await createDraftAssessment(side.team.id, cycles);
      const { questionId, answer } = answerableQuestion(cycles.questionnaireId);
      return {
        request: autosavePost(world, "/api/autosave/my-answer", {
          assessmentId,
          questionId,
          answer,
          expectedVersion: 0,
        }),
        shows: ['"ok":true'],
        state: () => responsesState(assessmentId),
        secrets: [assessmentId],
      };
    },
  }),
  route("app/api/autosave/my-confirm/route.ts", "POST", {
    targets: "team",
    arrange: async (world, side) => {
      const assessmentId = await createDraftAssessment(side.team.id, cycles);
      const { questionId, answer } = answerableQuestion(cycles.questionnaireId);
      // The caller's own answers, one carried over from last quarter and waiting for confirmation.
      await db.response.create({
        data: {
          assessmentId,
          userId: world.person.id,
          answers: { create: { questionId, ...storedColumns(answer), carriedOver: true } },
        },
      });
      return {
        request: autosavePost(world, "/api/autosave/my-confirm", {
          assessmentId,
          questionIds: [questionId],
          expectedVersion: 1,
        }),
        shows: ['"ok":true'],
        state: () => responsesState(assessmentId),
        secrets: [assessmentId],
      };
    },
  }),
  action("src/server/responses/actions.ts", "startMyAnswersAction", {
    targets: "team",
    arrange: async (_world, side) => ({
      args: [null, form({ teamSlug: side.team.slug })],
      state: () => teamAssessmentsState(side.team.id),
    }),
  }),
  action("src/server/responses/actions.ts", "fillFromIndividualAnswersAction", {
    targets: "team",
    arrange: async (_world, side) => {
      const assessmentId = await createDraftAssessment(side.team.id, cycles);
      const { questionId, answer } = answerableQuestion(cycles.questionnaireId);
      // Three members answered alike on their own (fewer are never shown or used); the team has
      // no answer yet, so theirs is the suggestion.
      for (const name of ["Respondent A", "Respondent B", "Respondent C"]) {
        const respondent = await createPerson({ name, grants: [{ role: "member", teamId: side.team.id }] });
        await db.response.create({
          data: {
            assessmentId,
            userId: respondent.id,
            answers: { create: { questionId, ...storedColumns(answer) } },
          },
        });
      }
      return {
        args: [
          null,
          form({
            assessmentId,
            expectedVersion: "1",
            suggestions: JSON.stringify({ [questionId]: answer }),
            teamSlug: side.team.slug,
          }),
        ],
        state: () => assessmentState(assessmentId),
        secrets: [assessmentId],
      };
    },
  }),

  // --- Remediation plans --------------------------------------------------------------------------
  action("src/server/plans/actions.ts", "addPlanItemAction", {
    targets: "team",
    arrange: async (_world, side) => {
      const basis = await createPlanBasis(side.team.id, cycles);
      return {
        args: [
          null,
          form({ teamSlug: side.team.slug, countermeasureId: basis.recommendation.countermeasureId }),
        ],
        state: () => planState(side.team.id),
      };
    },
  }),
  action("src/server/plans/actions.ts", "addCampaignAction", {
    targets: "team",
    arrange: async (_world, side) => {
      const basis = await createPlanBasis(side.team.id, cycles);
      const fields = campaignFieldNames(side.team.slug);
      return {
        args: [
          null,
          form({
            unitSlug: side.unit.slug,
            countermeasureId: basis.recommendation.countermeasureId,
            [fields.selected]: "on",
            [fields.ownerId]: "",
            [fields.dueOn]: `${new Date().getUTCFullYear() + 1}-01-31`,
          }),
        ],
        state: () => planState(side.team.id),
      };
    },
  }),
  action("src/server/plans/actions.ts", "updatePlanItemAction", {
    targets: "team",
    arrange: async (_world, side) => {
      const item = await createPlanItem(side.team.id, cycles);
      const fields = { status: "in_progress", ownerId: "", dueOn: "2030-06-30", notes: "Started this week" };
      return {
        args: [
          null,
          form({
            teamSlug: side.team.slug,
            itemId: item.id,
            expectedVersion: String(item.version),
            ...fields,
          }),
        ],
        state: () => planState(side.team.id),
        secrets: [item.id],
      };
    },
  }),
  action("src/server/plans/actions.ts", "updatePlanItemProgressAction", {
    targets: "team",
    arrange: async (world, side) => {
      const item = await createPlanItem(side.team.id, cycles);
      await db.planItem.update({ where: { id: item.id }, data: { ownerId: world.person.id } });
      return {
        args: [
          null,
          form({
            teamSlug: side.team.slug,
            itemId: item.id,
            expectedVersion: String(item.version),
            status: "in_progress",
            notes: "Started this week",
          }),
        ],
        state: () => planState(side.team.id),
        secrets: [item.id],
      };
    },
  }),
  action("src/server/plans/actions.ts", "removePlanItemAction", {
    targets: "team",
    arrange: async (_world, side) => {
      const item = await createPlanItem(side.team.id, cycles);
      return {
        args: [
          null,
          form({ teamSlug: side.team.slug, itemId: item.id, expectedVersion: String(item.version) }),
        ],
        state: () => planState(side.team.id),
        secrets: [item.id],
      };
    },
  }),

  // --- Cycles (organisation-wide) -------------------------------------------------------------
  action("src/server/cycles/actions.ts", "createCycleAction", {
    targets: "organisation",
    arrange: async () => {
      const year = claimCycleYear();
      const fields = {
        opensOn: `${year}-01-01`,
        closesOn: `${year}-03-15`,
        questionnaireId: cycles.questionnaireId,
      };
      return {
        args: [null, form({ year: String(year), quarter: "1", ...fields })],
        state: () => cycleState({ year }),
      };
    },
  }),
  action("src/server/cycles/actions.ts", "openCycleAction", {
    targets: "organisation",
    arrange: async () => {
      const planned = await createExtraCycle(cycles.questionnaireId, "planned");
      return withSharedCycleClosed({
        args: [null, form({ cycleId: planned.id })],
        state: () => cycleState({ id: planned.id }),
        cleanup: async () => {
          await db.cycle.update({ where: { id: planned.id }, data: { status: "closed" } });
        },
      });
    },
  }),
  action("src/server/cycles/actions.ts", "closeCycleAction", {
    targets: "organisation",
    arrange: async () => {
      const setup = await withSharedCycleClosed({ args: [], state: async () => null });
      const open = await createExtraCycle(cycles.questionnaireId, "open");
      return {
        ...setup,
        args: [null, form({ cycleId: open.id })],
        state: () => cycleState({ id: open.id }),
        cleanup: async () => {
          await db.cycle.update({ where: { id: open.id }, data: { status: "closed" } });
          await setup.cleanup?.();
        },
      };
    },
  }),
  action("src/server/cycles/actions.ts", "returnCycleToPlannedAction", {
    targets: "organisation",
    arrange: async () => {
      // Closed with no assessment in it: the one cycle that can go back to planned.
      const closed = await createExtraCycle(cycles.questionnaireId, "closed");
      return {
        args: [null, form({ cycleId: closed.id })],
        state: () => cycleState({ id: closed.id }),
        cleanup: async () => {
          await db.cycle.update({ where: { id: closed.id }, data: { status: "closed" } });
        },
      };
    },
  }),

  action("src/server/cycles/actions.ts", "sendReminderAction", {
    targets: "team",
    arrange: async (_world, side) => ({
      args: [null, form({ cycleId: cycles.open.id })],
      // A reminder reaches a team when the audit event of a reminder names it.
      state: () =>
        db.auditEvent.count({
          where: {
            action: { in: ["reminder.sent", "reminder.prepared"] },
            after: { contains: side.team.id },
          },
        }),
    }),
  }),

  // --- Organisation structure (admin only) -------------------------------------------------------
  action("src/server/admin/org-actions.ts", "createOrgUnitAction", {
    targets: "unit",
    arrange: async (_world, side) => ({
      args: [null, form({ name: `New unit ${uniqueToken()}`, parentId: side.unit.id })],
      state: () => unitState(side.unit.id),
    }),
  }),
  action("src/server/admin/org-actions.ts", "renameOrgUnitAction", {
    targets: "unit",
    arrange: async (_world, side) => ({
      args: [null, form({ orgUnitId: side.unit.id, name: `Renamed unit ${uniqueToken()}` })],
      state: () => unitState(side.unit.id),
    }),
  }),
  action("src/server/admin/org-actions.ts", "moveOrgUnitAction", {
    targets: "unit",
    arrange: async (_world, side, across) => ({
      args: [null, form({ orgUnitId: side.unit.id, parentId: across.unit.id })],
      state: () => unitState(side.unit.id),
    }),
  }),
  action("src/server/admin/org-actions.ts", "archiveOrgUnitAction", {
    targets: "unit",
    arrange: async (_world, side) => {
      // A unit with active teams cannot be archived, so the target is an empty unit inside it.
      const empty = await db.orgUnit.create({
        data: { name: `Empty unit ${uniqueToken()}`, slug: `empty-${uniqueToken()}`, parentId: side.unit.id },
      });
      return { args: [null, form({ orgUnitId: empty.id })], state: () => unitState(side.unit.id) };
    },
  }),
  action("src/server/admin/org-actions.ts", "unarchiveOrgUnitAction", {
    targets: "unit",
    arrange: async (_world, side) => {
      const archived = await db.orgUnit.create({
        data: {
          name: `Archived unit ${uniqueToken()}`,
          slug: `archived-${uniqueToken()}`,
          parentId: side.unit.id,
          archivedAt: new Date(),
        },
      });
      return { args: [null, form({ orgUnitId: archived.id })], state: () => unitState(side.unit.id) };
    },
  }),
  action("src/server/admin/org-actions.ts", "createTeamAction", {
    targets: "unit",
    arrange: async (_world, side) => ({
      args: [null, form({ name: `New team ${uniqueToken()}`, orgUnitId: side.unit.id })],
      state: () => unitState(side.unit.id),
    }),
  }),
  action("src/server/admin/org-actions.ts", "renameTeamAction", {
    targets: "team",
    arrange: async (_world, side) => ({
      args: [null, form({ teamId: side.team.id, name: `Renamed team ${uniqueToken()}` })],
      state: () => teamState(side.team.id),
    }),
  }),
  action("src/server/admin/org-actions.ts", "moveTeamAction", {
    targets: "team",
    arrange: async (_world, side, across) => ({
      args: [null, form({ teamId: side.team.id, orgUnitId: across.unit.id })],
      state: () => teamState(side.team.id),
    }),
  }),
  action("src/server/admin/org-actions.ts", "archiveTeamAction", {
    targets: "team",
    arrange: async (_world, side) => ({
      args: [null, form({ teamId: side.team.id })],
      state: () => teamState(side.team.id),
    }),
  }),
  action("src/server/admin/org-actions.ts", "unarchiveTeamAction", {
    targets: "team",
    arrange: async (_world, side) => {
      await db.team.update({ where: { id: side.team.id }, data: { archivedAt: new Date() } });
      return { args: [null, form({ teamId: side.team.id })], state: () => teamState(side.team.id) };
    },
  }),

  // --- Organisation import (admin only) -----------------------------------------------------------
  action("src/server/admin/import-actions.ts", "previewImportAction", {
    targets: "unit",
    readOnly: true,
    checkAllowed: (result) => {
      // A clean preview proves the file is valid, so the refusals below are about access alone.
      expect(result).toMatchObject({ ok: true, data: { issues: [], counts: { teams: 1, people: 1 } } });
    },
    arrange: async (_world, side) => ({
      args: [form({ file: csvUpload(side.unit.name, uniqueToken()) })],
      state: () => unitState(side.unit.id),
    }),
  }),
  action("src/server/admin/import-actions.ts", "importOrganisationAction", {
    targets: "unit",
    arrange: async (_world, side) => ({
      args: [form({ file: csvUpload(side.unit.name, uniqueToken()) })],
      state: () => unitState(side.unit.id),
    }),
  }),

  // --- People (admin only) -----------------------------------------------------------------------
  action("src/server/admin/people-actions.ts", "createPersonAction", {
    targets: "person",
    arrange: async (_world, side) => {
      const email = `new-person-${uniqueToken()}@example.test`;
      return {
        args: [
          null,
          form({ name: "New Person", email, password: "a-long-first-password", memberTeamId: side.team.id }),
        ],
        state: async () => ({
          roles: await teamRolesState(side.team.id),
          people: await db.user.count({ where: { email } }),
        }),
        secrets: [email],
      };
    },
  }),
  action("src/server/admin/people-actions.ts", "grantRoleAction", {
    targets: "person",
    arrange: async (_world, side) => {
      const person = await createPerson({
        name: "Target Person",
        grants: [{ role: "member", teamId: side.team.id }],
      });
      return {
        args: [null, form({ userId: person.id, role: "team_lead", teamId: side.team.id, orgUnitId: "" })],
        state: () => personState(person.id),
        secrets: [person.email],
      };
    },
  }),
  action("src/server/admin/people-actions.ts", "revokeRoleAction", {
    targets: "person",
    arrange: async (_world, side) => {
      const person = await createPerson({
        name: "Target Person",
        grants: [{ role: "member", teamId: side.team.id }],
      });
      const grant = await db.roleAssignment.findFirstOrThrow({
        where: { userId: person.id },
        select: { id: true },
      });
      return {
        args: [null, form({ userId: person.id, roleAssignmentId: grant.id })],
        state: () => personState(person.id),
        secrets: [person.email],
      };
    },
  }),
  action("src/server/admin/people-actions.ts", "deactivatePersonAction", {
    targets: "person",
    arrange: async (_world, side) => {
      const person = await createPerson({
        name: "Target Person",
        grants: [{ role: "member", teamId: side.team.id }],
        signedIn: true,
      });
      return {
        args: [null, form({ userId: person.id })],
        state: () => personState(person.id),
        secrets: [person.email],
      };
    },
  }),
  action("src/server/admin/people-actions.ts", "reactivatePersonAction", {
    targets: "person",
    arrange: async (_world, side) => {
      const person = await createPerson({
        name: "Target Person",
        grants: [{ role: "member", teamId: side.team.id }],
        deactivated: true,
      });
      return {
        args: [null, form({ userId: person.id })],
        state: () => personState(person.id),
        secrets: [person.email],
      };
    },
  }),
  action("src/server/admin/people-actions.ts", "setPersonPasswordAction", {
    targets: "person",
    arrange: async (_world, side) => {
      const person = await createPerson({
        name: "Target Person",
        grants: [{ role: "member", teamId: side.team.id }],
        password: "other",
        signedIn: true,
      });
      return {
        args: [null, form({ userId: person.id, password: "a-password-chosen-by-someone-else" })],
        state: () => personState(person.id),
        secrets: [person.email],
      };
    },
  }),

  // --- Signing in and out, passwords -------------------------------------------------------------
  action("src/server/auth/actions.ts", "signInAction", {
    targets: "account",
    arrange: async (world, side) => {
      const account =
        side === world.own
          ? world.person
          : await createPerson({
              name: "Other Person",
              grants: [{ role: "member", teamId: side.team.id }],
              password: "other",
            });
      return {
        args: [null, form({ email: account.email, password: CALLER_PASSWORD })],
        state: () => sessionsState(account.id),
        secrets: side === world.own ? [] : [account.email],
      };
    },
  }),
  action("src/server/auth/actions.ts", "signOutAction", {
    targets: "account",
    succeedsWithSignInRedirect: true,
    arrange: async (world, side) => {
      const account =
        side === world.own
          ? world.person
          : await createPerson({
              name: "Other Person",
              grants: [{ role: "member", teamId: side.team.id }],
              signedIn: true,
            });
      return { args: [], state: () => sessionsState(account.id) };
    },
  }),
  action("src/server/auth/actions.ts", "changePasswordAction", {
    targets: "account",
    arrange: async (world, side) => {
      const otherPerson = await createPerson({
        name: "Other Person",
        grants: [{ role: "member", teamId: world.other.team.id }],
        password: "other",
      });
      const currentPassword = side === world.own ? CALLER_PASSWORD : OTHER_PASSWORD;
      const newPassword = "a-new-password-nobody-knows";
      return {
        args: [null, form({ currentPassword, newPassword, confirmPassword: newPassword })],
        state: async () => ({
          caller: await passwordState(world.person.id),
          otherPerson: await passwordState(otherPerson.id),
        }),
        secrets: [otherPerson.email],
      };
    },
  }),
  action("src/server/auth/actions.ts", "replaceAdminSetPasswordAction", {
    targets: "account",
    arrange: async (world, side) => {
      const otherPerson = await createPerson({
        name: "Other Person",
        grants: [{ role: "member", teamId: world.other.team.id }],
        password: "other",
      });
      const currentPassword = side === world.own ? CALLER_PASSWORD : OTHER_PASSWORD;
      const newPassword = "a-new-password-nobody-knows";
      return {
        args: [null, form({ currentPassword, newPassword, confirmPassword: newPassword })],
        state: async () => ({
          caller: await passwordState(world.person.id),
          otherPerson: await passwordState(otherPerson.id),
        }),
        secrets: [otherPerson.email],
      };
    },
  }),
  action("src/server/auth/actions.ts", "signOutOtherDevicesAction", {
    targets: "account",
    arrange: async (world, side) => {
      const account =
        side === world.own
          ? world.person
          : await createPerson({
              name: "Other Person",
              grants: [{ role: "member", teamId: side.team.id }],
              signedIn: true,
            });
      // The caller is signed in on another device too.
      await db.session.create({
        data: {
          id: randomUUID(),
          userId: world.person.id,
          token: `other-device-${uniqueToken()}`,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return { args: [null, form({})], state: () => sessionsState(account.id), secrets: [] };
    },
  }),
  action("src/server/auth/actions.ts", "createFirstAdminAction", {
    targets: "organisation",
    arrange: async () => {
      const email = `first-admin-${uniqueToken()}@example.test`;
      const password = "first-admin-password";
      return {
        args: [null, form({ name: "Eve Intruder", email, password, confirmPassword: password })],
        state: async () => ({
          people: await db.user.count({ where: { email } }),
          adminGrants: await db.roleAssignment.count({ where: { role: "admin" } }),
        }),
        secrets: [email],
      };
    },
  }),

  // --- Personal access tokens -------------------------------------------------------------------
  action("src/server/api/token-actions.ts", "createApiTokenAction", {
    targets: "account",
    checkAllowed: (result) => {
      expect((result as { data: { token: string } }).data.token).toMatch(/^prt_/);
    },
    arrange: async (world, side) => {
      const account =
        side === world.own
          ? world.person
          : await createPerson({ name: "Other Person", grants: [{ role: "member", teamId: side.team.id }] });
      return {
        args: [
          null,
          form({ name: "Dashboard import", expiresInDays: "30", currentPassword: CALLER_PASSWORD }),
        ],
        state: () => apiTokensState(account.id),
        secrets: side === world.own ? [] : [account.email],
      };
    },
  }),
  action("src/server/api/token-actions.ts", "revokeApiTokenAction", {
    targets: "account",
    arrange: async (world, side) => {
      const account =
        side === world.own
          ? world.person
          : await createPerson({ name: "Other Person", grants: [{ role: "member", teamId: side.team.id }] });
      const token = await db.apiToken.create({
        data: {
          userId: account.id,
          name: `Token ${uniqueToken()}`,
          tokenHash: `hash-${uniqueToken()}`,
          prefix: "prt_abcdef",
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return {
        args: [null, form({ tokenId: token.id })],
        state: () => apiTokensState(account.id),
        secrets: side === world.own ? [] : [account.email, token.name],
      };
    },
  }),

  // --- Email choices -----------------------------------------------------------------------------
  action("src/server/notifications/actions.ts", "saveNotificationPreferencesAction", {
    targets: "account",
    arrange: async (world, side) => {
      const account =
        side === world.own
          ? world.person
          : await createPerson({ name: "Other Person", grants: [{ role: "member", teamId: side.team.id }] });
      return {
        // Keeps the reminders sent by hand, turns the other two kinds off.
        args: [null, form({ manual_reminder: "on" })],
        state: () =>
          db.notificationOptOut.findMany({
            where: { userId: account.id },
            orderBy: { kind: "asc" },
            select: { kind: true },
          }),
        secrets: side === world.own ? [] : [account.email],
      };
    },
  }),

  // --- Route handlers -----------------------------------------------------------------------------
  route("app/api/exports/teams/[slug]/route.ts", "GET", {
    targets: "team",
    arrange: (world, side) => ({
      request: get(world, `/api/exports/teams/${side.team.slug}?format=json`),
      context: { params: Promise.resolve({ slug: side.team.slug }) },
      shows: [side.team.name, side.team.slug],
    }),
  }),
  route("app/api/exports/units/[unitSlug]/route.ts", "GET", {
    targets: "unit",
    arrange: (world, side) => ({
      request: get(world, `/api/exports/units/${side.unit.slug}?format=json`),
      context: { params: Promise.resolve({ unitSlug: side.unit.slug }) },
      shows: [side.unit.name, side.team.name],
    }),
  }),
  route("app/api/exports/heatmap.csv/route.ts", "GET", {
    targets: "team",
    arrange: (world, side) => ({
      request: get(world, "/api/exports/heatmap.csv"),
      shows: [side.team.name, side.team.slug],
    }),
  }),
  route("app/api/auth/sso/route.ts", "GET", {
    targets: "organisation",
    neverShowsTeamData: true,
    arrange: (world) => ({ request: get(world, "/api/auth/sso?next=/team"), shows: [] }),
  }),
  route("app/api/auth/callback/[provider]/route.ts", "GET", {
    targets: "organisation",
    neverShowsTeamData: true,
    arrange: (world) => ({
      request: get(world, "/api/auth/callback/oidc?code=forged&state=forged"),
      context: { params: Promise.resolve({ provider: "oidc" }) },
      shows: [],
    }),
  }),
  route("app/api/auth/callback/[provider]/route.ts", "POST", {
    targets: "organisation",
    neverShowsTeamData: true,
    arrange: (world) => ({
      request: new Request("http://localhost/api/auth/callback/oidc", {
        method: "POST",
        headers: requestHeaders(world),
        body: new URLSearchParams({ code: "forged", state: "forged" }),
      }),
      context: { params: Promise.resolve({ provider: "oidc" }) },
      shows: [],
    }),
  }),
  route("app/api/health/route.ts", "GET", {
    targets: "organisation",
    neverShowsTeamData: true,
    arrange: (world) => ({ request: get(world, "/api/health"), shows: ['"database":"ok"'] }),
  }),
];

// ---------------------------------------------------------------------------------------------
// Running a cell
// ---------------------------------------------------------------------------------------------

function requestHeaders(world: World): Headers {
  const headers = new Headers({ "x-forwarded-for": world.address });
  if (world.person.cookie) headers.set("cookie", world.person.cookie);
  return headers;
}

function get(world: World, pathAndQuery: string): Request {
  return new Request(`http://localhost${pathAndQuery}`, { headers: requestHeaders(world) });
}

/** An autosave as the questionnaire sends it: JSON, from a page of the app itself. */
function autosavePost(world: World, path: string, body: unknown): Request {
  const headers = requestHeaders(world);
  headers.set("host", "localhost");
  headers.set("origin", "http://localhost");
  headers.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

/** The caller's request, as `headers()` reports it to the action or route handler. */
function actAs(world: World): void {
  request.headers = requestHeaders(world);
}

/** Names and ids of the target: a refusal must mention none of them. */
function targetSecrets(side: Side): string[] {
  return [side.team.name, side.team.slug, side.team.id, side.unit.name, side.unit.slug, side.unit.id];
}

type Answer = { kind: "returned"; value: unknown } | { kind: "redirected"; to: string };

/** Calls a server action; Next's redirect (thrown, with a digest naming the path) is an answer too. */
async function callAction(row: ActionRow, args: unknown[]): Promise<Answer> {
  const actions = SERVER_ACTION_MODULES[row.file] as Record<string, (...args: unknown[]) => Promise<unknown>>;
  try {
    return { kind: "returned", value: await actions[row.name]!(...args) };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) {
      return { kind: "redirected", to: digest.split(";")[2]! };
    }
    throw error;
  }
}

function describeAnswer(answer: Answer): string {
  if (answer.kind === "redirected") return `redirect to ${answer.to}`;
  const result = answer.value as ActionResult<unknown> | undefined;
  if (!result) return `returned ${String(result)}`;
  return result.ok ? "ok" : `${result.error.code}: ${result.error.message}`;
}

function errorOf(answer: Answer) {
  if (answer.kind !== "returned") return null;
  const result = answer.value as ActionResult<unknown> | undefined;
  return result && !result.ok ? result.error : null;
}

const SIGNED_OUT_MESSAGE = /signed out/i;

/** Whether the action's answer is the one the expected outcome calls for. */
function answerMatches(expected: Outcome, answer: Answer, row: ActionRow): boolean {
  const error = errorOf(answer);
  const succeeded = row.succeedsWithSignInRedirect
    ? answer.kind === "redirected" && answer.to === "/sign-in"
    : answer.kind === "redirected"
      ? answer.to !== "/sign-in"
      : (answer.value as ActionResult<unknown> | undefined)?.ok === true;
  switch (expected) {
    case ALLOW:
    case KEEP:
      return succeeded;
    case SIGN_IN:
      return (
        (answer.kind === "redirected" && answer.to === "/sign-in") ||
        (error?.code === "forbidden" && SIGNED_OUT_MESSAGE.test(error.message))
      );
    case FORBID:
      return error?.code === "forbidden" && !SIGNED_OUT_MESSAGE.test(error.message);
    case HIDE:
      return error?.code === "not_found";
    case BAD_PW:
      return error?.code === "validation";
    case SET_UP:
      return error?.code === "conflict";
    case ARCHIVED:
      return error?.code === "forbidden" && /archived/i.test(error.message);
  }
}

async function runActionCell(
  row: ActionRow,
  world: World,
  target: Target,
  expected: Outcome,
  archived = false,
) {
  const side = target === "other" ? world.other : world.own;
  const across = target === "other" ? world.own : world.other;
  const setup = await row.arrange(world, side, across);
  if (archived) await db.team.update({ where: { id: side.team.id }, data: { archivedAt: new Date() } });
  try {
    actAs(world);
    const auditBefore = await auditEventsBy(world.person.id);
    const before = await setup.state();
    const answer = await callAction(row, setup.args);
    const after = await setup.state();
    const changed = !isDeepStrictEqual(before, after);
    const told = describeAnswer(answer);

    expect(answerMatches(expected, answer, row), `expected "${expected}", the caller was told: ${told}`).toBe(
      true,
    );
    const shouldChange = expected === ALLOW && !row.readOnly;
    expect(
      changed,
      shouldChange ? `allowed (${told}) but nothing changed` : `changed the target (${told})`,
    ).toBe(shouldChange);
    if (expected === ALLOW) {
      row.checkAllowed?.(answer.kind === "returned" ? answer.value : answer);
      return;
    }
    if (expected !== KEEP) {
      expect(await auditEventsBy(world.person.id), "a refused call wrote an audit event").toBe(auditBefore);
    }
    const serialized = JSON.stringify(answer);
    for (const secret of [
      ...(target === "global" ? targetSecrets(world.other) : targetSecrets(side)),
      ...(setup.secrets ?? []),
    ]) {
      expect(serialized, "a refusal mentions the target").not.toContain(secret);
    }
  } finally {
    await setup.cleanup?.();
  }
}

const STATUS_BY_REFUSAL: Partial<Record<Outcome, number>> = {
  [FORBID]: 403,
  [HIDE]: 404,
  [SIGN_IN]: 401,
  [ARCHIVED]: 403,
};

async function runRouteCell(
  row: RouteRow,
  world: World,
  target: Target,
  expected: Outcome,
  archived = false,
) {
  const side = target === "other" ? world.other : world.own;
  const setup = await row.arrange(world, side);
  if (archived) await db.team.update({ where: { id: side.team.id }, data: { archivedAt: new Date() } });
  actAs(world);
  const handler = (
    ROUTE_MODULES[row.file] as Record<string, (request: Request, context?: unknown) => Promise<Response>>
  )[row.method]!;
  const auditBefore = await auditEventsBy(world.person.id);
  const before = await setup.state?.();
  const response = await handler(setup.request, setup.context);
  const body = await response.text();
  const hidden = row.neverShowsTeamData
    ? [...targetSecrets(world.own), ...targetSecrets(world.other)]
    : [...targetSecrets(side), ...(setup.secrets ?? [])];

  if (setup.state) {
    const changed = !isDeepStrictEqual(before, await setup.state());
    expect(
      changed,
      expected === ALLOW
        ? `allowed but nothing changed: ${body.slice(0, 300)}`
        : `changed the target: ${body.slice(0, 300)}`,
    ).toBe(expected === ALLOW);
  }
  if (expected === ALLOW) {
    expect(response.status, body.slice(0, 300)).toBe(200);
    for (const text of setup.shows) expect(body).toContain(text);
    if (!row.neverShowsTeamData) return;
  } else {
    expect(response.status, body.slice(0, 300)).toBe(expected === KEEP ? 200 : STATUS_BY_REFUSAL[expected]);
    if (expected === ARCHIVED) expect(body).toMatch(/archived/i);
    if (expected === FORBID) expect(body).not.toMatch(SIGNED_OUT_MESSAGE);
    if (expected !== KEEP) {
      expect(await auditEventsBy(world.person.id), "a refused call wrote an audit event").toBe(auditBefore);
    }
  }
  for (const secret of hidden) expect(body, "the response shows the target's data").not.toContain(secret);
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

function filesUnder(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory), { recursive: true, encoding: "utf8" })
    .map((file) => path.posix.join(directory, file.split(path.sep).join("/")))
    .filter((file) => /\.(ts|tsx|js|jsx|mjs)$/.test(file) && !file.startsWith("src/generated/"));
}

/** A "use server" directive: at the top of a module, or inside a function (an inline action). */
const USE_SERVER = /^\s*["']use server["'];?\s*$/m;

function rowName(row: ActionRow | RouteRow): string {
  return row.kind === "action" ? `${row.name} (${row.file})` : `${row.method} ${row.file}`;
}

/** The row's line in EXPECTED: the action's name, or the route's method and URL path. */
function rowId(row: ActionRow | RouteRow): string {
  if (row.kind === "action") return row.name;
  return `${row.method} ${row.file.replace(/^app/, "").replace(/\/route\.ts$/, "")}`;
}

function expectationsOf(row: ActionRow | RouteRow): Expectations {
  const expectations = (EXPECTED as Record<string, Expectations>)[rowId(row)];
  if (!expectations) throw new Error(`${rowName(row)} has no line in EXPECTED`);
  return expectations;
}

describe("the access matrix covers every entry point", () => {
  it("lists every module that declares server actions", () => {
    const declaring = [...filesUnder("app"), ...filesUnder("src")]
      .filter((file) => USE_SERVER.test(readFileSync(path.join(ROOT, file), "utf8")))
      .sort();
    expect(declaring).toEqual(Object.keys(SERVER_ACTION_MODULES).sort());
  });

  it("has a row for every exported server action, and every row names a real one", () => {
    const exported = Object.entries(SERVER_ACTION_MODULES).flatMap(([file, exports]) =>
      Object.entries(exports)
        .filter(([, value]) => typeof value === "function")
        .map(([name]) => `${file}#${name}`),
    );
    const rows = ROWS.filter((row): row is ActionRow => row.kind === "action").map(
      (row) => `${row.file}#${row.name}`,
    );
    expect(new Set(rows).size, "an action has two rows").toBe(rows.length);
    expect([...rows].sort()).toEqual([...exported].sort());
  });

  it("lists every route handler file", () => {
    // The read-only API authenticates with tokens, not sessions: api-access-matrix.test.ts holds its rows.
    const handlers = filesUnder("app")
      .filter((file) => /(^|\/)route\.(ts|tsx|js|jsx|mjs)$/.test(file) && !file.startsWith("app/api/v1/"))
      .sort();
    expect(handlers).toEqual(Object.keys(ROUTE_MODULES).sort());
  });

  it("has a row for every HTTP method a route handler exports", () => {
    const exported = Object.entries(ROUTE_MODULES).flatMap(([file, exports]) =>
      HTTP_METHODS.filter((method) => method in exports).map((method) => `${method} ${file}`),
    );
    const rows = ROWS.filter((row): row is RouteRow => row.kind === "route").map(
      (row) => `${row.method} ${row.file}`,
    );
    expect(new Set(rows).size, "a route handler has two rows").toBe(rows.length);
    expect([...rows].sort()).toEqual([...exported].sort());
  });

  it("has exactly one line in the table of expected outcomes for every row, with the row's targets", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(ROWS.map(rowId).sort());
    for (const row of ROWS) {
      expect(Object.keys(expectationsOf(row)).sort(), rowName(row)).toEqual(
        row.targets === "organisation" ? ["global"] : ["other", "own"],
      );
    }
  });
});

describe("access matrix", () => {
  beforeAll(async () => {
    cycles = await createSharedCycles();
  });

  for (const row of ROWS) {
    describe(rowName(row), () => {
      for (const [target, outcomes] of Object.entries(expectationsOf(row)) as [Target, Outcomes][]) {
        CALLERS.forEach((caller: Caller, index) => {
          const expected = outcomes[index]!;
          it(`${CALLER_LABELS[caller]} → ${TARGET_LABELS[row.targets][target]}: ${expected}`, async () => {
            const world = await createWorld(caller);
            if (row.kind === "action") await runActionCell(row, world, target, expected);
            else await runRouteCell(row, world, target, expected);
          });
        });
      }
    });
  }
});

describe("access matrix: archived teams are read-only", () => {
  beforeAll(async () => {
    cycles ??= await createSharedCycles();
  });

  it("has a line for every entry point that changes a team's assessments or plan", () => {
    const teamEntryPoints = ROWS.filter((row) =>
      row.kind === "action"
        ? row.file === "src/server/assessments/actions.ts" ||
          row.file === "src/server/plans/actions.ts" ||
          row.file === "src/server/pulse/actions.ts" ||
          row.file === "src/server/responses/actions.ts"
        : row.file.startsWith("app/api/autosave/"),
    ).map(rowId);
    expect(Object.keys(EXPECTED_WHEN_ARCHIVED).sort()).toEqual(teamEntryPoints.sort());
  });

  for (const [id, { own }] of Object.entries(EXPECTED_WHEN_ARCHIVED)) {
    const row = ROWS.find((candidate) => rowId(candidate) === id)!;
    describe(`${rowName(row)}, own team archived`, () => {
      CALLERS.forEach((caller: Caller, index) => {
        const expected = own[index]!;
        it(`${CALLER_LABELS[caller]} → their own archived team: ${expected}`, async () => {
          const world = await createWorld(caller);
          if (row.kind === "action") await runActionCell(row, world, "own", expected, true);
          else await runRouteCell(row, world, "own", expected, true);
        });
      });
    });
  }
});
