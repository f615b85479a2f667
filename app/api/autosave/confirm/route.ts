import { confirmAnswersSchema } from "@/contracts/assessments/schemas";
import { confirmCarriedOverAnswers } from "@/server/assessments/mutations";
import { autosaveRoute } from "@/server/autosave-route";

/** Confirms answers of the team carried over from last quarter. */
export const POST = autosaveRoute(confirmAnswersSchema, confirmCarriedOverAnswers);
