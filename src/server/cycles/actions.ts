"use server";

import { revalidatePath } from "next/cache";
import { createCycleSchema, cycleIdSchema } from "@/contracts/cycles/schemas";
import type { ActionResult } from "@/contracts/action-result";
import { requireActor } from "../auth/session";
import { formFields, parseInput, runAction } from "../errors";
import { closeCycle, createCycle, openCycle } from "./mutations";

export async function createCycleAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ message: string }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const cycle = await createCycle(actor, parseInput(createCycleSchema, formFields(formData)));
    revalidatePath("/cycles");
    return { message: `${cycle.name} was created. Open it when teams should start answering.` };
  });
}

export async function openCycleAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ message: string }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const cycle = await openCycle(actor, parseInput(cycleIdSchema, formFields(formData)));
    revalidatePath("/", "layout");
    return { message: `${cycle.name} is open: teams can start their assessments.` };
  });
}

export async function closeCycleAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ message: string }>> {
  return runAction(async () => {
    const actor = await requireActor();
    const cycle = await closeCycle(actor, parseInput(cycleIdSchema, formFields(formData)));
    revalidatePath("/", "layout");
    return { message: `${cycle.name} is closed: its answers can no longer change.` };
  });
}
