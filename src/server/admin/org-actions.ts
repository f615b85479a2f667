"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/contracts/action-result";
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
import { requireActor } from "../auth/session";
import { formFields, parseInput, runAction } from "../errors";
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
function revalidateOrganisation() {
  revalidatePath("/", "layout");
}

export async function createOrgUnitAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    const unit = await createOrgUnit(actor, parseInput(createOrgUnitSchema, formFields(formData)));
    return { id: unit.id };
  });
  if (result.ok) revalidateOrganisation();
  return result;
}

export async function renameOrgUnitAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await renameOrgUnit(actor, parseInput(renameOrgUnitSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidateOrganisation();
  return result;
}

export async function moveOrgUnitAction(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await moveOrgUnit(actor, parseInput(moveOrgUnitSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidateOrganisation();
  return result;
}

export async function archiveOrgUnitAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await archiveOrgUnit(actor, parseInput(orgUnitIdSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidateOrganisation();
  return result;
}

export async function unarchiveOrgUnitAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await unarchiveOrgUnit(actor, parseInput(orgUnitIdSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidateOrganisation();
  return result;
}

export async function createTeamAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    const team = await createTeam(actor, parseInput(createTeamSchema, formFields(formData)));
    return { id: team.id };
  });
  if (result.ok) revalidateOrganisation();
  return result;
}

export async function renameTeamAction(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await renameTeam(actor, parseInput(renameTeamSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidateOrganisation();
  return result;
}

export async function moveTeamAction(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await moveTeam(actor, parseInput(moveTeamSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidateOrganisation();
  return result;
}

export async function archiveTeamAction(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await archiveTeam(actor, parseInput(teamIdSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidateOrganisation();
  return result;
}

export async function unarchiveTeamAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await unarchiveTeam(actor, parseInput(teamIdSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidateOrganisation();
  return result;
}
