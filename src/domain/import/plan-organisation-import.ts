/**
 * Turns import records into a plan of what to create, checked against the organisation as it is.
 * Pure: the caller passes a snapshot of the existing org units, teams and emails. The plan lists
 * every valid row; the import may only be written when `issues` is empty.
 */
import { z } from "zod";
import { decodeRole, ROLES, type Role } from "@/domain/access/policy";
import { MAX_NAME_LENGTH, nameKey, normaliseName, uniqueSlug } from "@/domain/org/names";
import { IMPORT_COLUMNS } from "./import-format";
import type { ImportColumn, ImportIssue, ImportRecord } from "./organisation-csv";

export const IMPORT_ROW_TYPES = ["org_unit", "team", "person", "role"] as const;
export type ImportRowType = (typeof IMPORT_ROW_TYPES)[number];

export interface ExistingOrganisation {
  orgUnits: readonly { id: string; name: string; slug: string; archived: boolean }[];
  teams: readonly { id: string; name: string; slug: string; orgUnitId: string; archived: boolean }[];
  /** Emails of everyone who already has an account, in any case. */
  emails: readonly string[];
}

/** An org unit or team the plan refers to: one that exists, or one created from the row on `line`. */
export type ImportTarget =
  { kind: "existing"; id: string; name: string } | { kind: "new"; line: number; name: string };

export interface PlannedOrgUnit {
  line: number;
  name: string;
  slug: string;
  parent: ImportTarget | null;
}

export interface PlannedTeam {
  line: number;
  name: string;
  slug: string;
  orgUnit: ImportTarget;
}

export interface PlannedRole {
  line: number;
  role: Role;
  orgUnit: ImportTarget | null;
  team: ImportTarget | null;
}

export interface PlannedPerson {
  line: number;
  name: string;
  email: string;
  roles: PlannedRole[];
}

export interface OrganisationImportPlan {
  /** Parents always come before their children, so they can be created in this order. */
  orgUnits: PlannedOrgUnit[];
  teams: PlannedTeam[];
  people: PlannedPerson[];
  issues: ImportIssue[];
}

const MAX_EMAIL_LENGTH = 254;
const emailSchema = z.email();
const ROLE_LIST = ROLES.join(", ");
const TYPE_LIST = IMPORT_ROW_TYPES.join(", ");

/** Which columns each row type uses; any other non-empty column is refused so a value never goes unnoticed. */
const COLUMNS_USED: Record<ImportRowType, readonly ImportColumn[]> = {
  org_unit: ["type", "name", "parent_org_unit"],
  team: ["type", "name", "org_unit"],
  person: ["type", "name", "email", "org_unit", "team", "role"],
  // The name is allowed on role rows as a reminder for whoever edits the file; it is not used.
  role: ["type", "name", "email", "org_unit", "team", "role"],
};

function normaliseToken(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function parseRowType(value: string): ImportRowType | null {
  const token = normaliseToken(value);
  return (IMPORT_ROW_TYPES as readonly string[]).includes(token) ? (token as ImportRowType) : null;
}

/** Accepts the role ids and their readable forms ("Team lead", "head of engineering"). */
function parseRole(value: string): Role | null {
  const token = normaliseToken(value);
  if (token === "lead") return "team_lead";
  if (token === "team_member") return "member";
  return decodeRole(token);
}

function sameTarget(a: ImportTarget, b: ImportTarget): boolean {
  return a.kind === "existing" && b.kind === "existing"
    ? a.id === b.id
    : a.kind === "new" && b.kind === "new" && a.line === b.line;
}

interface Declared {
  line: number;
  name: string;
}

export function planOrganisationImport(
  records: readonly ImportRecord[],
  existing: ExistingOrganisation,
): OrganisationImportPlan {
  const issues: ImportIssue[] = [];
  const report = (line: number, column: ImportColumn | null, message: string) =>
    issues.push({ line, column, message });

  const existingEmails = new Set(existing.emails.map((email) => email.trim().toLowerCase()));
  const existingUnitsByName = groupBy(existing.orgUnits, (unit) => nameKey(unit.name));
  const existingUnitsBySlug = new Map(existing.orgUnits.map((unit) => [unit.slug, unit]));
  const existingTeamsByName = groupBy(existing.teams, (team) => nameKey(team.name));
  const existingTeamsBySlug = new Map(existing.teams.map((team) => [team.slug, team]));

  // First pass: what the file declares, so references resolve whatever the order of the rows.
  const typed: { record: ImportRecord; type: ImportRowType }[] = [];
  const declaredUnits = new Map<string, Declared>();
  const declaredTeams = new Map<string, Declared & { unitReference: string }>();
  const declaredPeople = new Map<string, Declared>();
  for (const record of records) {
    const { values, line } = record;
    if (values.type === "") {
      report(line, "type", `The type is missing. Use one of: ${TYPE_LIST}.`);
      continue;
    }
    const type = parseRowType(values.type);
    if (!type) {
      report(line, "type", `Unknown type “${values.type}”. Use one of: ${TYPE_LIST}.`);
      continue;
    }
    typed.push({ record, type });
    const name = normaliseName(values.name);
    if (type === "org_unit" && name) {
      const earlier = declaredUnits.get(nameKey(name));
      if (earlier) report(line, "name", `The org unit “${name}” is also on line ${earlier.line}.`);
      else declaredUnits.set(nameKey(name), { line, name });
    }
    if (type === "team" && name) {
      const earlier = declaredTeams.get(nameKey(name));
      if (earlier) report(line, "name", `The team “${name}” is also on line ${earlier.line}.`);
      else declaredTeams.set(nameKey(name), { line, name, unitReference: values.org_unit });
    }
    if (type === "person" && values.email) {
      const email = values.email.toLowerCase();
      const earlier = declaredPeople.get(email);
      if (earlier)
        report(
          line,
          "email",
          `The email ${email} is also on line ${earlier.line}; list each person once and give extra roles on role rows.`,
        );
      else declaredPeople.set(email, { line, name });
    }
  }

  const resolveUnit = (reference: string): { target: ImportTarget } | { problem: string } => {
    const key = nameKey(reference);
    const declared = declaredUnits.get(key);
    if (declared) return { target: { kind: "new", line: declared.line, name: declared.name } };
    const byName = existingUnitsByName.get(key) ?? [];
    const bySlug = existingUnitsBySlug.get(reference.trim());
    const unit = byName.length === 1 ? byName[0]! : bySlug;
    if (!unit) {
      return byName.length > 1
        ? {
            problem: `More than one org unit is named “${normaliseName(reference)}”; use the slug of the one you mean.`,
          }
        : {
            problem: `There is no org unit “${normaliseName(reference)}” in this file or in the organisation.`,
          };
    }
    if (unit.archived)
      return { problem: `The org unit “${unit.name}” is archived. Unarchive it first, or use another unit.` };
    return { target: { kind: "existing", id: unit.id, name: unit.name } };
  };

  const resolveTeam = (
    reference: string,
  ): { target: ImportTarget; unit: ImportTarget | null } | { problem: string } => {
    const key = nameKey(reference);
    const declared = declaredTeams.get(key);
    if (declared) {
      const unit = declared.unitReference ? resolveUnit(declared.unitReference) : null;
      return {
        target: { kind: "new", line: declared.line, name: declared.name },
        unit: unit && "target" in unit ? unit.target : null,
      };
    }
    const byName = existingTeamsByName.get(key) ?? [];
    const bySlug = existingTeamsBySlug.get(reference.trim());
    const team = byName.length === 1 ? byName[0]! : bySlug;
    if (!team) {
      return byName.length > 1
        ? {
            problem: `More than one team is named “${normaliseName(reference)}”; use the slug of the one you mean.`,
          }
        : { problem: `There is no team “${normaliseName(reference)}” in this file or in the organisation.` };
    }
    if (team.archived)
      return { problem: `The team “${team.name}” is archived. Unarchive it first, or use another team.` };
    const unit = existing.orgUnits.find((candidate) => candidate.id === team.orgUnitId);
    return {
      target: { kind: "existing", id: team.id, name: team.name },
      unit: unit ? { kind: "existing", id: unit.id, name: unit.name } : null,
    };
  };

  /** Reads the role columns of a person or role row; null when the row gives no role. */
  const readRole = (record: ImportRecord, required: boolean): PlannedRole | null | "invalid" => {
    const { values, line } = record;
    if (values.role === "") {
      if (required) {
        report(line, "role", `The role is missing. Use one of: ${ROLE_LIST}.`);
        return "invalid";
      }
      let unused = false;
      for (const column of ["org_unit", "team"] as const) {
        if (values[column] !== "") {
          report(line, column, "This column only applies with a role: add a role, or leave it empty.");
          unused = true;
        }
      }
      return unused ? "invalid" : null;
    }
    const role = parseRole(values.role);
    if (!role) {
      report(line, "role", `Unknown role “${values.role}”. Use one of: ${ROLE_LIST}.`);
      return "invalid";
    }
    if (role === "admin" || role === "head_of_engineering") {
      let valid = true;
      for (const column of ["org_unit", "team"] as const) {
        if (values[column] !== "") {
          report(line, column, `The ${role} role covers the whole organisation; leave ${column} empty.`);
          valid = false;
        }
      }
      return valid ? { line, role, orgUnit: null, team: null } : "invalid";
    }
    if (role === "coach") {
      let valid = true;
      if (values.team !== "") {
        report(line, "team", "A coach is assigned to an org unit, not a team; leave team empty.");
        valid = false;
      }
      if (values.org_unit === "") {
        report(line, "org_unit", "Name the org unit this person coaches.");
        return "invalid";
      }
      const unit = resolveUnit(values.org_unit);
      if ("problem" in unit) {
        report(line, "org_unit", unit.problem);
        return "invalid";
      }
      return valid ? { line, role, orgUnit: unit.target, team: null } : "invalid";
    }
    if (values.team === "") {
      report(line, "team", `Name the team for the ${role} role.`);
      return "invalid";
    }
    const team = resolveTeam(values.team);
    if ("problem" in team) {
      report(line, "team", team.problem);
      return "invalid";
    }
    if (values.org_unit !== "") {
      const unit = resolveUnit(values.org_unit);
      if ("problem" in unit) {
        report(line, "org_unit", unit.problem);
        return "invalid";
      }
      if (team.unit && !sameTarget(unit.target, team.unit)) {
        report(
          line,
          "org_unit",
          `The team “${team.target.name}” is not in the org unit “${unit.target.name}”.`,
        );
        return "invalid";
      }
    }
    return { line, role, orgUnit: null, team: team.target };
  };

  const checkName = (record: ImportRecord, what: string): string | null => {
    const name = normaliseName(record.values.name);
    if (name === "") {
      report(record.line, "name", `The ${what} name is missing.`);
      return null;
    }
    if (name.length > MAX_NAME_LENGTH) {
      report(record.line, "name", `The ${what} name is longer than ${MAX_NAME_LENGTH} characters.`);
      return null;
    }
    return name;
  };

  // Second pass: check every row and build the plan from the valid ones.
  const units: (PlannedOrgUnit & { parentLine: number | null })[] = [];
  const teams: PlannedTeam[] = [];
  const people = new Map<string, PlannedPerson>();
  const roleRows: { email: string; role: PlannedRole }[] = [];

  for (const { record, type } of typed) {
    const { values, line } = record;
    let valid = true;
    for (const column of ["email", "org_unit", "parent_org_unit", "team", "role"] as const) {
      if (values[column] !== "" && !COLUMNS_USED[type].includes(column)) {
        report(line, column, `Leave ${column} empty on ${type} rows.`);
        valid = false;
      }
    }

    if (type === "org_unit") {
      const name = checkName(record, "org unit");
      if (!name) continue;
      if (declaredUnits.get(nameKey(name))?.line !== line) continue;
      const clash = existingUnitsByName.get(nameKey(name))?.[0];
      if (clash) {
        report(
          line,
          "name",
          `An org unit named “${clash.name}” already exists${clash.archived ? " (archived)" : ""}.`,
        );
        continue;
      }
      let parent: ImportTarget | null = null;
      if (values.parent_org_unit !== "") {
        if (nameKey(values.parent_org_unit) === nameKey(name)) {
          report(line, "parent_org_unit", "An org unit cannot be its own parent.");
          continue;
        }
        const resolved = resolveUnit(values.parent_org_unit);
        if ("problem" in resolved) {
          report(line, "parent_org_unit", resolved.problem);
          continue;
        }
        parent = resolved.target;
      }
      if (valid)
        units.push({ line, name, slug: "", parent, parentLine: parent?.kind === "new" ? parent.line : null });
    }

    if (type === "team") {
      const name = checkName(record, "team");
      if (!name) continue;
      if (declaredTeams.get(nameKey(name))?.line !== line) continue;
      const clash = existingTeamsByName.get(nameKey(name))?.[0];
      if (clash) {
        report(
          line,
          "name",
          `A team named “${clash.name}” already exists${clash.archived ? " (archived)" : ""}.`,
        );
        continue;
      }
      if (values.org_unit === "") {
        report(line, "org_unit", "Name the org unit this team belongs to.");
        continue;
      }
      const unit = resolveUnit(values.org_unit);
      if ("problem" in unit) {
        report(line, "org_unit", unit.problem);
        continue;
      }
      if (valid) teams.push({ line, name, slug: "", orgUnit: unit.target });
    }

    if (type === "person") {
      const name = checkName(record, "person’s");
      const email = checkEmail(record, report);
      if (email && existingEmails.has(email)) {
        report(line, "email", `A person with the email ${email} already exists.`);
        valid = false;
      }
      const role = readRole(record, false);
      if (!name || !email || !valid || role === "invalid") continue;
      if (declaredPeople.get(email)?.line !== line) continue;
      people.set(email, { line, name, email, roles: role ? [role] : [] });
    }

    if (type === "role") {
      const email = checkEmail(record, report);
      if (email && !declaredPeople.has(email)) {
        report(
          line,
          "email",
          existingEmails.has(email)
            ? `Role rows add roles to people listed in this file; give ${email} more roles on their page under People.`
            : `No person with the email ${email} is listed in this file.`,
        );
        valid = false;
      }
      const role = readRole(record, true);
      if (email && valid && role !== "invalid" && role) roleRows.push({ email, role });
    }
  }

  for (const { email, role } of roleRows) {
    const person = people.get(email);
    if (!person) continue;
    const duplicate = person.roles.find((held) => held.role === role.role && sameScope(held, role));
    if (duplicate) {
      report(role.line, "role", `${person.email} already gets this role on line ${duplicate.line}.`);
      continue;
    }
    person.roles.push(role);
  }

  const orderedUnits = orderUnits(units, report);
  const takenUnitSlugs = new Set(existing.orgUnits.map((unit) => unit.slug));
  for (const unit of orderedUnits) {
    unit.slug = uniqueSlug(unit.name, takenUnitSlugs, "unit");
    takenUnitSlugs.add(unit.slug);
  }
  const takenTeamSlugs = new Set(existing.teams.map((team) => team.slug));
  for (const team of teams) {
    team.slug = uniqueSlug(team.name, takenTeamSlugs, "team");
    takenTeamSlugs.add(team.slug);
  }

  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || columnOrder(a.column) - columnOrder(b.column));
  return {
    orgUnits: orderedUnits.map(({ parentLine: _parentLine, ...unit }) => unit),
    teams,
    people: [...people.values()],
    issues,
  };
}

/** Problems about the whole row (no column) come first, then the file's column order. */
const COLUMN_ORDER: readonly (ImportColumn | null)[] = [null, ...IMPORT_COLUMNS];
function columnOrder(column: ImportColumn | null): number {
  return COLUMN_ORDER.indexOf(column);
}

function sameScope(a: PlannedRole, b: PlannedRole): boolean {
  const sameUnit =
    a.orgUnit === null || b.orgUnit === null ? a.orgUnit === b.orgUnit : sameTarget(a.orgUnit, b.orgUnit);
  const sameTeam = a.team === null || b.team === null ? a.team === b.team : sameTarget(a.team, b.team);
  return sameUnit && sameTeam;
}

function checkEmail(
  record: ImportRecord,
  report: (line: number, column: ImportColumn, message: string) => void,
): string | null {
  const email = record.values.email.trim().toLowerCase();
  if (email === "") {
    report(record.line, "email", "The email is missing.");
    return null;
  }
  if (email.length > MAX_EMAIL_LENGTH || !emailSchema.safeParse(email).success) {
    report(record.line, "email", `“${record.values.email}” is not an email address like name@example.com.`);
    return null;
  }
  return email;
}

/**
 * Orders new units parents-first. Units whose parents form a loop inside the file are reported
 * and left out (a loop can only be made by the file: existing units are already a tree).
 */
function orderUnits<T extends { line: number; name: string; parentLine: number | null }>(
  units: T[],
  report: (line: number, column: ImportColumn, message: string) => void,
): T[] {
  const byLine = new Map(units.map((unit) => [unit.line, unit]));
  const ordered: T[] = [];
  const state = new Map<number, "visiting" | "done" | "cycle">();
  const visit = (unit: T, path: T[]): boolean => {
    const current = state.get(unit.line);
    if (current === "done") return true;
    if (current === "cycle") return false;
    if (current === "visiting") {
      const loop = path.slice(path.indexOf(unit));
      const lines = loop.map((member) => member.line).join(", ");
      for (const member of loop) {
        state.set(member.line, "cycle");
        report(
          member.line,
          "parent_org_unit",
          `These org units are each other’s parents (lines ${lines}); one of them needs another parent.`,
        );
      }
      return false;
    }
    state.set(unit.line, "visiting");
    const parent = unit.parentLine === null ? undefined : byLine.get(unit.parentLine);
    const parentOk = parent ? visit(parent, [...path, unit]) : true;
    if (state.get(unit.line) === "cycle") return false;
    state.set(unit.line, parentOk ? "done" : "cycle");
    if (parentOk) ordered.push(unit);
    return parentOk;
  };
  for (const unit of units) visit(unit, []);
  return ordered;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}
