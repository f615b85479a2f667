/**
 * Input schemas of the administration forms, shared by the forms (field names, limits) and the
 * server actions (parsing). Form values arrive as strings: empty selects mean "none", a ticked
 * checkbox sends "on".
 */
import { z } from "zod";
import { ROLES, type Role } from "@/domain/access/policy";
import { MAX_NAME_LENGTH, normaliseName } from "@/domain/org/names";
import { refuseHiddenCharacters } from "@/contracts/hidden-characters";
import { newPassword } from "@/contracts/auth/schemas";

export const PAGE_SIZE = 50;

const id = z.string().trim().min(1, "Choose an item").max(64);
const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((value) => (value ? value : null));
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

const name = (missing: string) =>
  z
    .string()
    .transform(normaliseName)
    .pipe(
      z
        .string()
        .min(1, missing)
        .max(MAX_NAME_LENGTH, `Use at most ${MAX_NAME_LENGTH} characters`)
        .superRefine(refuseHiddenCharacters("name")),
    );

export const personEmail = z
  .string()
  .superRefine(refuseHiddenCharacters("name"))
  .trim()
  .toLowerCase()
  .email("Enter an email address like name@example.com")
  .max(254, "Use at most 254 characters");

/** A role together with the org unit (coach) or team (team lead, member) it applies to. */
export interface RoleGrantInput {
  role: Role;
  orgUnitId: string | null;
  teamId: string | null;
}

export const createPersonSchema = z
  .object({
    name: name("Enter the person’s name"),
    email: personEmail,
    password: newPassword,
    admin: checkbox,
    headOfEngineering: checkbox,
    coachOrgUnitId: optionalId,
    leadTeamId: optionalId,
    memberTeamId: optionalId,
  })
  .refine((input) => !(input.leadTeamId && input.leadTeamId === input.memberTeamId), {
    path: ["memberTeamId"],
    message: "A team lead is already part of the team; choose another team or none",
  })
  .transform((input) => {
    const roles: RoleGrantInput[] = [];
    if (input.admin) roles.push({ role: "admin", orgUnitId: null, teamId: null });
    if (input.headOfEngineering) roles.push({ role: "head_of_engineering", orgUnitId: null, teamId: null });
    if (input.coachOrgUnitId) roles.push({ role: "coach", orgUnitId: input.coachOrgUnitId, teamId: null });
    if (input.leadTeamId) roles.push({ role: "team_lead", orgUnitId: null, teamId: input.leadTeamId });
    if (input.memberTeamId) roles.push({ role: "member", orgUnitId: null, teamId: input.memberTeamId });
    return { name: input.name, email: input.email, password: input.password, roles };
  });
export type CreatePersonInput = z.output<typeof createPersonSchema>;

export const grantRoleSchema = z
  .object({
    userId: id,
    role: z.enum(ROLES, { message: "Choose a role" }),
    orgUnitId: optionalId,
    teamId: optionalId,
  })
  .superRefine((input, context) => {
    if (input.role === "coach" && !input.orgUnitId) {
      context.addIssue({
        code: "custom",
        path: ["orgUnitId"],
        message: "Choose the org unit this person coaches",
      });
    }
    if ((input.role === "team_lead" || input.role === "member") && !input.teamId) {
      context.addIssue({ code: "custom", path: ["teamId"], message: "Choose the team for this role" });
    }
  })
  // The form offers both an org unit and a team; only the one the role needs is kept.
  .transform((input) => ({
    userId: input.userId,
    role: input.role,
    orgUnitId: input.role === "coach" ? input.orgUnitId : null,
    teamId: input.role === "team_lead" || input.role === "member" ? input.teamId : null,
  }));
export type GrantRoleInput = z.output<typeof grantRoleSchema>;

export const revokeRoleSchema = z.object({ userId: id, roleAssignmentId: id });
export type RevokeRoleInput = z.output<typeof revokeRoleSchema>;

export const personIdSchema = z.object({ userId: id });
export type PersonIdInput = z.output<typeof personIdSchema>;

export const setPasswordSchema = z.object({ userId: id, password: newPassword });
export type SetPasswordInput = z.output<typeof setPasswordSchema>;

export const createOrgUnitSchema = z.object({
  name: name("Enter a name for the org unit"),
  parentId: optionalId,
});
export type CreateOrgUnitInput = z.output<typeof createOrgUnitSchema>;

export const renameOrgUnitSchema = z.object({ orgUnitId: id, name: name("Enter a name for the org unit") });
export type RenameOrgUnitInput = z.output<typeof renameOrgUnitSchema>;

/** An empty parent moves the unit to the top level. */
export const moveOrgUnitSchema = z.object({ orgUnitId: id, parentId: optionalId });
export type MoveOrgUnitInput = z.output<typeof moveOrgUnitSchema>;

export const orgUnitIdSchema = z.object({ orgUnitId: id });
export type OrgUnitIdInput = z.output<typeof orgUnitIdSchema>;

export const createTeamSchema = z.object({
  name: name("Enter a name for the team"),
  orgUnitId: z.string().trim().min(1, "Choose the org unit the team belongs to").max(64),
});
export type CreateTeamInput = z.output<typeof createTeamSchema>;

export const renameTeamSchema = z.object({ teamId: id, name: name("Enter a name for the team") });
export type RenameTeamInput = z.output<typeof renameTeamSchema>;

export const moveTeamSchema = z.object({
  teamId: id,
  orgUnitId: z.string().trim().min(1, "Choose the org unit to move the team to").max(64),
});
export type MoveTeamInput = z.output<typeof moveTeamSchema>;

export const teamIdSchema = z.object({ teamId: id });
export type TeamIdInput = z.output<typeof teamIdSchema>;

const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined);

export const PERSON_STATUSES = ["active", "deactivated"] as const;

/** Filters of the people list, read from the URL; anything malformed is ignored rather than refused. */
export const peopleFilterSchema = z.object({
  q: optionalText(200),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(PERSON_STATUSES).optional().catch(undefined),
  page: pageNumber,
});
export type PeopleFilter = z.output<typeof peopleFilterSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** Filters of the audit log, read from the URL; dates are whole days in UTC, both ends included. */
export const auditFilterSchema = z.object({
  actor: optionalText(254),
  action: optionalText(100),
  entity: optionalText(60),
  team: optionalText(64),
  from: isoDate,
  to: isoDate,
  page: pageNumber,
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** Flattens Next's searchParams (a value may repeat) into single strings. */
export function firstValues(
  params: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
}
