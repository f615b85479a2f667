"use server";

import { teamPath } from "@/contracts/assessments/paths";
import { pulsePath } from "@/contracts/pulse/paths";
import { answerPulseSchema } from "@/contracts/pulse/schemas";
import { formAction } from "../server-action";
import { answerPulse } from "./mutations";

/** Sends one person's anonymous pulse answers; the answer itself is never handed back. */
export const answerPulseAction = formAction({
  input: answerPulseSchema,
  handler: (input, { actor }) => answerPulse(actor, input),
  revalidate: (answered) => [teamPath(answered.teamSlug), pulsePath(answered.teamSlug)],
  respond: (answered) => ({ cycleName: answered.cycleName }),
});
