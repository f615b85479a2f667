"use server";

import { createCycleSchema, cycleIdSchema } from "@/contracts/cycles/schemas";
import { formAction } from "../server-action";
import { closeCycle, createCycle, openCycle, returnCycleToPlanned } from "./mutations";
import { sendCycleReminder } from "./reminders";

export const createCycleAction = formAction({
  input: createCycleSchema,
  handler: async (input, { actor }) => {
    const cycle = await createCycle(actor, input);
    return { message: `${cycle.name} was created. Open it when teams should start answering.` };
  },
  revalidate: ["/cycles"],
});

// Opening and closing a cycle changes what every team's pages offer.

export const openCycleAction = formAction({
  input: cycleIdSchema,
  handler: async (input, { actor }) => {
    const cycle = await openCycle(actor, input);
    return {
      message: cycle.reopened
        ? `${cycle.name} is open again: it is everyone's current cycle, and its answers can change until you close it.`
        : `${cycle.name} is open: teams can start their assessments.`,
    };
  },
  revalidate: [{ layout: "/" }],
});

export const closeCycleAction = formAction({
  input: cycleIdSchema,
  handler: async (input, { actor }) => {
    const cycle = await closeCycle(actor, input);
    const reopened =
      cycle.reopenedTeams.length === 0
        ? ""
        : ` Reopened and not submitted again, so kept with their last submitted results: ${cycle.reopenedTeams.join(", ")}.`;
    return {
      message: `${cycle.name} is closed: its answers can no longer change unless it is reopened.${reopened}`,
    };
  },
  revalidate: [{ layout: "/" }],
});

export const returnCycleToPlannedAction = formAction({
  input: cycleIdSchema,
  handler: async (input, { actor }) => {
    const cycle = await returnCycleToPlanned(actor, input);
    return { message: `${cycle.name} is planned again. Open it when teams should start answering.` };
  },
  revalidate: [{ layout: "/" }],
});

/** Heads of engineering and coaches remind the leads of teams that have not submitted yet. */
export const sendReminderAction = formAction({
  input: cycleIdSchema,
  handler: (input, { actor }) => sendCycleReminder(actor, input),
  revalidate: ["/admin/audit"],
});
