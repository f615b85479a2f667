import "server-only";
import type { Actor } from "@/domain/access/policy";
import { ExpectedError } from "../errors";
import { getCurrentActor } from "./session";

/**
 * The caller of an autosave, which runs in the background of a questionnaire: an ended session is
 * reported instead of redirecting, so the unsaved answers stay on the page until the person signs
 * in again.
 */
export async function actorForAutosave(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) {
    throw new ExpectedError(
      "forbidden",
      "You have been signed out, so this answer was not saved. Sign in again in another tab, then choose Retry.",
    );
  }
  return actor;
}
