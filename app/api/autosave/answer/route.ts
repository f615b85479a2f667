import { saveAnswerSchema } from "@/contracts/assessments/schemas";
import { saveAnswer } from "@/server/assessments/mutations";
import { autosaveRoute } from "@/server/autosave-route";

/** Saves or clears one of the team's answers (the lead's questionnaire). */
export const POST = autosaveRoute(saveAnswerSchema, saveAnswer);
