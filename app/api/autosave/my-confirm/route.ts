import { confirmMyAnswersSchema } from "@/contracts/responses/schemas";
import { confirmMyCarriedOverAnswers } from "@/server/responses/mutations";
import { autosaveRoute } from "@/server/autosave-route";

/** Confirms the caller's own answers carried over from last quarter. */
export const POST = autosaveRoute(confirmMyAnswersSchema, confirmMyCarriedOverAnswers);
