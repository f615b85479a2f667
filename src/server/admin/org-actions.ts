"use server";

import type { z } from "zod";
import type { Actor } from "@/domain/access/policy";
import {
  createOrgUnitSchema,
  createTeamSchema,
  moveOrgUnitSchema,
  moveTeamSchema,
  orgUnitIdSchema,
  renameOrgUnitSchema,
  renameTeamSchema,
  teamIdSchema,
} from "@/contracts/admin/schemas";
import { formAction, mutationAction, type Revalidation } from "../server-action";
import {
  archiveOrgUnit,
  archiveTeam,
  createOrgUnit,
  createTeam,
  moveOrgUnit,
  moveTeam,
  renameOrgUnit,
  renameTeam,
  unarchiveOrgUnit,
  unarchiveTeam,
} from "./org-mutations";

/** Org changes show on every page that lists units or teams. */
const organisationPages: Revalidation[] = [{ layout: "/" }];

/** Creating a unit or team answers with its id, so the form can link to what it made. */
function creationAction<Schema extends z.ZodType>(
  input: Schema,
  create: (actor: Actor, input: z.output<Schema>) => Promise<{ id: string }>,
) {
  return formAction({
    input,
    handler: async (parsed, { actor }) => ({ id: (await create(actor, parsed)).id }),
    revalidate: organisationPages,
  });
}

export const createOrgUnitAction = creationAction(createOrgUnitSchema, createOrgUnit);

export const renameOrgUnitAction = mutationAction(renameOrgUnitSchema, renameOrgUnit, organisationPages);

export const moveOrgUnitAction = mutationAction(moveOrgUnitSchema, moveOrgUnit, organisationPages);

export const archiveOrgUnitAction = mutationAction(orgUnitIdSchema, archiveOrgUnit, organisationPages);

export const unarchiveOrgUnitAction = mutationAction(orgUnitIdSchema, unarchiveOrgUnit, organisationPages);

export const createTeamAction = creationAction(createTeamSchema, createTeam);

export const renameTeamAction = mutationAction(renameTeamSchema, renameTeam, organisationPages);

export const moveTeamAction = mutationAction(moveTeamSchema, moveTeam, organisationPages);

export const archiveTeamAction = mutationAction(teamIdSchema, archiveTeam, organisationPages);

export const unarchiveTeamAction = mutationAction(teamIdSchema, unarchiveTeam, organisationPages);
