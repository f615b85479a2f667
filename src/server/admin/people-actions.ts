"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/contracts/action-result";
import {
  createPersonSchema,
  grantRoleSchema,
  personIdSchema,
  revokeRoleSchema,
  setPasswordSchema,
} from "@/contracts/admin/schemas";
import { requireActor } from "../auth/session";
import { formFields, parseInput, runAction } from "../errors";
import {
  createPerson,
  deactivatePerson,
  grantRole,
  reactivatePerson,
  revokeRole,
  setPersonPassword,
} from "./people-mutations";

export async function createPersonAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<null>> {
  let createdId: string | null = null;
  const result = await runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(createPersonSchema, formFields(formData));
    createdId = (await createPerson(actor, input)).id;
    return null;
  });
  if (createdId) {
    revalidatePath("/admin/people");
    redirect(`/admin/people/${createdId}?created=1`);
  }
  return result;
}

export async function grantRoleAction(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await grantRole(actor, parseInput(grantRoleSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidatePath("/admin/people", "layout");
  return result;
}

export async function revokeRoleAction(_previous: unknown, formData: FormData): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await revokeRole(actor, parseInput(revokeRoleSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidatePath("/admin/people", "layout");
  return result;
}

export async function deactivatePersonAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await deactivatePerson(actor, parseInput(personIdSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidatePath("/admin/people", "layout");
  return result;
}

export async function reactivatePersonAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await reactivatePerson(actor, parseInput(personIdSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidatePath("/admin/people", "layout");
  return result;
}

export async function setPersonPasswordAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    const actor = await requireActor();
    await setPersonPassword(actor, parseInput(setPasswordSchema, formFields(formData)));
    return null;
  });
  if (result.ok) revalidatePath("/admin/people", "layout");
  return result;
}
