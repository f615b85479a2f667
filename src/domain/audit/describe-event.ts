/**
 * Turns one stored audit event into a sentence a person can read: "Ada Admin changed Checkout's
 * plan item 'Craft a sustainable on-call schedule': status To do → In progress". Pure: the caller
 * resolves names (people, teams, units, plan items, cycles, assessments) and passes a lookup; the
 * raw JSON and ids stay in the details view. Anything unexpected in the stored JSON falls back to
 * a plainer sentence rather than failing the page.
 */
import { ROLE_LABELS, decodeRole } from "../access/policy";
import { content, countermeasureById } from "../content";
import type { ContextQuestion, Question } from "../content/schema";
import { describeAnswerValue } from "../scoring/answer-validation";
import { formatDayLong, formatInteger } from "../format";
import { PLAN_ITEM_STATUS_LABELS, decodePlanItemStatus } from "../plans/plan-item-rules";
import { NOTIFICATION_KIND_LABELS, isNotificationKind } from "../notifications/kinds";
import { possessive } from "../text/possessive";

const NAME_KINDS = ["user", "team", "org_unit", "plan_item", "cycle", "assessment"] as const;
export type AuditNameKind = (typeof NAME_KINDS)[number];

/** Whether an event's entity type is one whose name can be looked up. */
export function isNameKind(entityType: string): entityType is AuditNameKind {
  return (NAME_KINDS as readonly string[]).includes(entityType);
}

/** A name for an entity that exists, or null when it was deleted or never existed. */
export type AuditNameLookup = (kind: AuditNameKind, id: string) => string | null;

export interface AuditEventFacts {
  action: string;
  entityType: string;
  entityId: string;
  teamId: string | null;
  actorName: string | null;
  /** Stored JSON text, as written by writeAudit. */
  before: string | null;
  after: string | null;
}

type Json = Record<string, unknown>;

function parseObject(text: string | null): Json {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
  } catch {
    return {};
  }
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function count(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function plural(n: number, one: string, many: string): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}

function roleLabel(value: unknown): string {
  const role = decodeRole(typeof value === "string" ? value : "");
  return role ? ROLE_LABELS[role] : (text(value) ?? "a role");
}

function statusLabel(value: unknown): string {
  const status = decodePlanItemStatus(typeof value === "string" ? value : "");
  return status ? PLAN_ITEM_STATUS_LABELS[status] : (text(value) ?? "none");
}

function dayOrNone(value: unknown): string {
  const day = text(value);
  if (!day) return "none";
  return Number.isNaN(new Date(day).getTime()) ? day : formatDayLong(day);
}

function listNames(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** What changed on a plan item, field by field, in the order people care about. */
function planItemChanges(before: Json, after: Json, name: AuditNameLookup): string[] {
  const changes: string[] = [];
  const changed = (field: string) => JSON.stringify(before[field]) !== JSON.stringify(after[field]);
  if (changed("status")) changes.push(`status ${statusLabel(before.status)} → ${statusLabel(after.status)}`);
  if (changed("ownerId")) {
    const owner = (value: unknown) => {
      const id = text(value);
      return id ? (name("user", id) ?? "a former member") : "nobody";
    };
    changes.push(`owner ${owner(before.ownerId)} → ${owner(after.ownerId)}`);
  }
  if (changed("dueOn")) changes.push(`due date ${dayOrNone(before.dueOn)} → ${dayOrNone(after.dueOn)}`);
  if (changed("droppedReason") && text(after.droppedReason)) {
    changes.push(`reason for dropping "${text(after.droppedReason)}"`);
  }
  if (changed("notes")) changes.push("notes edited");
  return changes;
}

let questionsById: Map<string, Question | ContextQuestion> | undefined;

/** A question of any questionnaire version by its id; the newest version's wording wins. */
function questionById(questionId: string): Question | ContextQuestion | undefined {
  if (!questionsById) {
    questionsById = new Map();
    for (const questionnaire of content.questionnaires) {
      for (const question of questionnaire.context) questionsById.set(question.id, question);
      for (const section of questionnaire.sections)
        for (const question of section.questions) questionsById.set(question.id, question);
    }
  }
  return questionsById.get(questionId);
}

/** A stored answer (kind, JSON value, reason) in words: "Agree", "Don't know", "Not applicable ("…")". */
function answerWords(answer: Json, question: Question | ContextQuestion | undefined): string {
  switch (answer.kind) {
    case "dontKnow":
      return "Don't know";
    case "notApplicable": {
      const reason = text(answer.reason);
      return reason ? `Not applicable ("${reason}")` : "Not applicable";
    }
    case "value": {
      const raw = text(answer.value);
      if (raw === null) return "an answer";
      let value: unknown = raw;
      try {
        value = JSON.parse(raw);
      } catch {
        // Kept as written.
      }
      if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return raw;
      return question ? describeAnswerValue(question, value) : String(value);
    }
    default:
      return "an answer";
  }
}

/** The answer saved or cleared, and the question, from an answer event's before and after values. */
function answerEventWords(
  before: Json,
  after: Json,
  assessment: string,
): {
  question: string;
  before: string | null;
  after: string | null;
  sameAnswer: boolean;
  noteChanged: boolean;
} {
  const questionId = text(after.questionId) ?? text(before.questionId);
  const question = questionId ? questionById(questionId) : undefined;
  const prompt = question ? `"${question.prompt}"` : questionId ? `question ${questionId}` : "a question";
  const has = (answer: Json) => typeof answer.kind === "string";
  return {
    question: `${prompt} in ${assessment}`,
    before: has(before) ? answerWords(before, question) : null,
    after: has(after) ? answerWords(after, question) : null,
    sameAnswer:
      has(before) &&
      has(after) &&
      before.kind === after.kind &&
      JSON.stringify(before.value ?? null) === JSON.stringify(after.value ?? null) &&
      JSON.stringify(before.reason ?? null) === JSON.stringify(after.reason ?? null),
    noteChanged: JSON.stringify(before.note ?? null) !== JSON.stringify(after.note ?? null),
  };
}

/** One sentence for one audit event; never throws, whatever the stored JSON holds. */
export function describeAuditEvent(event: AuditEventFacts, name: AuditNameLookup): string {
  const before = parseObject(event.before);
  const after = parseObject(event.after);
  const who = event.actorName ?? "Someone not signed in";
  const id = event.entityId;
  const team = event.teamId ? (name("team", event.teamId) ?? "a deleted team") : "a team";
  const person = name("user", id) ?? text(after.name) ?? text(before.name) ?? "a person no longer listed";
  const unitName = name("org_unit", id) ?? text(after.name) ?? text(before.name);
  const unit = unitName ? `the org unit ${unitName}` : "an org unit no longer listed";
  const teamName = name("team", id) ?? text(after.name) ?? text(before.name);
  const teamEntity = teamName ? `the team ${teamName}` : "a team no longer listed";
  const cycle = name("cycle", id) ?? text(after.name) ?? text(after.cycle) ?? "a cycle";
  const countermeasureId = text(after.countermeasureId) ?? text(before.countermeasureId);
  const planItem =
    name("plan_item", id) ??
    (countermeasureId ? (countermeasureById(countermeasureId)?.action ?? countermeasureId) : "an item");
  const assessmentCycle = name("assessment", id) ?? text(after.cycle);
  const assessment = `${possessive(team)} ${assessmentCycle ? `${assessmentCycle} ` : ""}assessment`;
  const scope = text(after.scope) ?? text(before.scope);
  const parentOrTop = (value: unknown) => text(value) ?? "the top level";

  switch (event.action) {
    case "auth.signed_in":
      return `${who} signed in${after.method === "sso" ? " through single sign-on" : ""}`;
    case "auth.signed_out":
      return `${who} signed out`;
    case "auth.sign_in_failed":
      return `A sign-in as ${id} failed`;
    case "auth.password_changed": {
      const revoked = count(after.apiTokensRevoked);
      const given = after.replacedAdminSetPassword === true ? " (replacing the one an admin set)" : "";
      return `${who} changed their password${given}${revoked ? `, revoking ${plural(revoked, "API token", "API tokens")}` : ""}`;
    }
    case "auth.other_sessions_ended": {
      const ended = count(after.sessionsEnded);
      return `${who} signed out their other devices${ended !== null ? ` (${plural(ended, "session", "sessions")})` : ""}`;
    }
    case "api_token.created": {
      const expires = text(after.expiresAt);
      return `${who} created the API token '${text(after.name) ?? "unnamed"}'${expires ? `, valid until ${dayOrNone(expires)}` : ""}`;
    }
    case "api_token.revoked":
      return `${who} revoked the API token '${text(before.name) ?? "unnamed"}'`;
    case "person.created":
      if (after.source === "sso") {
        return `${person}${text(after.email) ? ` (${text(after.email)})` : ""} signed in through single sign-on for the first time`;
      }
      return `${who} added ${person}${text(after.email) ? ` (${text(after.email)})` : ""}${after.source === "import" ? " by import" : ""}`;
    case "person.deactivated":
      return `${who} deactivated ${person}`;
    case "person.reactivated":
      return `${who} reactivated ${person}`;
    case "person.password_set":
      return `${who} set a new password for ${person}`;
    case "role.granted":
      if (text(after.reason)?.startsWith("single sign-on mapping")) {
        return `${person} was given the role ${roleLabel(after.role)}${scope ? ` for ${scope}` : ""} by the ${text(after.reason)}`;
      }
      return `${who} gave ${person} the role ${roleLabel(after.role)}${scope ? ` for ${scope}` : ""}`;
    case "person.sso_linked":
      return `${who} linked their single sign-on to their account${text(after.email) ? ` (${text(after.email)})` : ""}`;
    case "role.revoked":
      return `${who} removed the role ${roleLabel(before.role)}${scope ? ` for ${scope}` : ""} from ${person}`;
    case "org_unit.created":
      return `${who} created ${unit}${text(after.parent) ? ` under ${text(after.parent)}` : ""}`;
    case "org_unit.renamed":
      return `${who} renamed the org unit ${text(before.name) ?? unitName ?? "?"} to ${text(after.name) ?? unitName ?? "?"}`;
    case "org_unit.moved":
      return `${who} moved ${unit} from ${parentOrTop(before.parent)} to ${parentOrTop(after.parent)}`;
    case "org_unit.archived":
      return `${who} archived ${unit}`;
    case "org_unit.unarchived":
      return `${who} unarchived ${unit}`;
    case "team.created":
      return `${who} created ${teamEntity}${text(after.orgUnit) ? ` in ${text(after.orgUnit)}` : ""}`;
    case "team.renamed":
      return `${who} renamed the team ${text(before.name) ?? teamName ?? "?"} to ${text(after.name) ?? teamName ?? "?"}`;
    case "team.moved":
      return `${who} moved ${teamEntity} from ${text(before.orgUnit) ?? "another unit"} to ${text(after.orgUnit) ?? "another unit"}`;
    case "team.archived":
      return `${who} archived ${teamEntity}`;
    case "team.unarchived":
      return `${who} unarchived ${teamEntity}`;
    case "import.completed": {
      const parts = [
        [after.orgUnits, "org unit", "org units"],
        [after.teams, "team", "teams"],
        [after.people, "person", "people"],
        [after.roles, "role", "roles"],
      ] as const;
      const counts = parts.flatMap(([value, one, many]) => {
        const n = count(value);
        return n === null ? [] : [plural(n, one, many)];
      });
      return `${who} imported ${text(after.fileName) ?? "a file"}${counts.length ? `: ${counts.join(", ")}` : ""}`;
    }
    case "assessment.started": {
      const carried = count(after.carriedOver);
      const from = text(after.carriedFromCycle);
      return `${who} started ${assessment}${carried && from ? `, carrying over ${plural(carried, "answer", "answers")} from ${from}` : ""}`;
    }
    case "assessment.answer_saved": {
      const words = answerEventWords(before, after, assessment);
      if (words.before === null) return `${who} answered ${words.question}: ${words.after ?? "an answer"}`;
      if (!words.sameAnswer)
        return `${who} changed the answer to ${words.question}: ${words.before} → ${words.after ?? "an answer"}`;
      if (words.noteChanged) {
        const noted = text(after.note) ? "edited the note on" : "removed the note from";
        return `${who} ${noted} ${words.question} (${words.after})`;
      }
      return `${who} saved the answer to ${words.question} unchanged: ${words.after}`;
    }
    case "assessment.answer_cleared": {
      const words = answerEventWords(before, after, assessment);
      const note = text(before.note) ? " and its note" : "";
      return `${who} cleared the answer${note} to ${words.question}${words.before ? ` (was: ${words.before})` : ""}`;
    }
    case "assessment.answers_confirmed":
      return `${who} confirmed ${plural(listNames(after.questionIds).length, "carried-over answer", "carried-over answers")} in ${assessment}`;
    case "assessment.answers_filled": {
      const filled = Array.isArray(after.answers) ? after.answers.length : 0;
      return `${who} filled ${plural(filled, "team answer", "team answers")} in ${assessment} from the team's own answers`;
    }
    case "assessment.submitted":
      return `${who} submitted ${assessment}`;
    case "assessment.resubmitted":
      return `${who} submitted ${assessment} again after it was reopened`;
    case "assessment.reopened":
      return `${who} reopened ${assessment}${text(after.reason) ? `: "${text(after.reason)}"` : ""}`;
    case "plan_item.added":
      return `${who} added '${planItem}' to ${possessive(team)} plan`;
    case "plan_item.updated": {
      const changes = planItemChanges(before, after, name);
      return `${who} changed ${possessive(team)} plan item '${planItem}'${changes.length ? `: ${changes.join("; ")}` : ""}`;
    }
    case "plan_item.removed":
      return `${who} removed '${planItem}' from ${possessive(team)} plan`;
    case "cycle.created":
      return `${who} created the cycle ${cycle}`;
    case "cycle.opened":
      return `${who} opened ${cycle}`;
    case "cycle.returned_to_planned":
      return `${who} returned ${cycle} to planned`;
    case "cycle.closed": {
      const reopened = listNames(after.reopenedTeams);
      return `${who} closed ${cycle}${reopened.length ? `, keeping the last submitted results of the reopened ${reopened.length === 1 ? "assessment" : "assessments"} of ${reopened.join(", ")}` : ""}`;
    }
    case "reminder.sent":
    case "reminder.prepared": {
      const teams = listNames(after.teams);
      const n = count(after.teamCount) ?? teams.length;
      const named = teams.length ? `: ${teams.join(", ")}` : "";
      // Without email set up the app only prepares the email (events before "reminder.prepared"
      // existed say so with byEmail false): nobody may ever have sent it.
      if (event.action === "reminder.prepared" || after.byEmail === false) {
        return `${who} prepared a reminder email about ${cycle} for the leads of ${plural(n, "team", "teams")}${named}; Pitfall Radar did not send it`;
      }
      return `${who} sent a reminder about ${cycle} to the leads of ${plural(n, "team", "teams")}${named}`;
    }
    case "notification.sent": {
      const sender = event.actorName ? who : "Pitfall Radar";
      if (after.kind === "plan_digest") {
        const n = count(after.itemCount);
        return `${sender} emailed ${person} the weekly digest of ${n === null ? "overdue plan items" : plural(n, "overdue plan item", "overdue plan items")}`;
      }
      const days = count(after.daysBefore);
      const when =
        after.kind === "cycle_reminder" && days !== null
          ? `, ${plural(days, "day", "days")} before its due date`
          : "";
      return `${sender} emailed ${person} a reminder about ${text(after.cycle) ?? "a cycle"}${when}`;
    }
    case "notification.preferences_changed": {
      const label = (kinds: unknown) =>
        listNames(kinds).map((kind) =>
          isNotificationKind(kind) ? NOTIFICATION_KIND_LABELS[kind].title.toLowerCase() : kind,
        );
      const off = label(after.turnedOff);
      const on = label(after.turnedOn);
      const changes = [
        ...(off.length ? [`turned off ${off.join(", ")}`] : []),
        ...(on.length ? [`turned on ${on.join(", ")}`] : []),
      ];
      return `${who} changed their email notifications${changes.length ? `: ${changes.join("; ")}` : ""}`;
    }
    default:
      return `${who} recorded "${event.action}" on ${event.entityType.replace(/_/g, " ") || "an entity"}`;
  }
}
