import { saveMyAnswerSchema } from "@/contracts/responses/schemas";
import { saveMyAnswer } from "@/server/responses/mutations";
import { autosaveRoute } from "@/server/autosave-route";

/** Saves or clears one of the caller's own answers ("My answers"). */
export const POST = autosaveRoute(saveMyAnswerSchema, saveMyAnswer);
