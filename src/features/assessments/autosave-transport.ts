/**
 * The questionnaire's transport: JSON posted to the autosave routes (src/server/autosave-route.ts),
 * whose answers are the same ActionResult the server actions returned before, whatever their
 * status, so the sync queue reads conflicts, validation messages and refusals exactly as it did.
 * Anything else counts as a network failure (the queue keeps the write and offers Retry): no
 * answer, an answer that is not a result (a proxy's error page), or a 5xx claiming success.
 */
import type { ActionResult } from "@/contracts/action-result";
import { AUTOSAVE_PATHS } from "@/contracts/assessments/autosave-paths";
import type { AnswerSyncTransport } from "./answer-sync-queue";

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

function isActionResult(value: unknown): value is ActionResult<unknown> {
  if (typeof value !== "object" || value === null) return false;
  const result = value as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (result.ok === true) return "data" in result;
  return (
    result.ok === false &&
    typeof result.error === "object" &&
    result.error !== null &&
    typeof result.error.code === "string" &&
    typeof result.error.message === "string"
  );
}

export async function postAutosave<T>(fetcher: Fetch, path: string, body: unknown): Promise<ActionResult<T>> {
  const response = await fetcher(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
  });
  const result: unknown = await response.json().catch(() => null);
  if (!isActionResult(result) || (response.status >= 500 && result.ok)) {
    throw new Error(`The autosave answered ${response.status} without a readable result.`);
  }
  return result as ActionResult<T>;
}

/** The team's answers, or (self) the person's own on "My answers". */
export function autosaveTransport(respondent: "team" | "self", fetcher: Fetch): AnswerSyncTransport {
  if (respondent === "team") {
    return {
      saveAnswer: (request) => postAutosave(fetcher, AUTOSAVE_PATHS.saveAnswer, request),
      confirmAnswers: (request) => postAutosave(fetcher, AUTOSAVE_PATHS.confirmAnswers, request),
    };
  }
  return {
    // One's own answers have no note: the request's note is left out.
    saveAnswer: ({ note: _note, ...request }) => postAutosave(fetcher, AUTOSAVE_PATHS.saveMyAnswer, request),
    confirmAnswers: (request) => postAutosave(fetcher, AUTOSAVE_PATHS.confirmMyAnswers, request),
  };
}
